import { rateLimitKey } from '../request.ts';

const WINDOW_MS = 15 * 60 * 1000;

/** One count of failed sign-ins, and how many in 15 minutes lock it. */
export interface LimitKey {
  key: string;
  max: number;
  /** Whether a right password clears the count, rather than only taking its own attempt back. */
  clearedBySuccess: boolean;
  /**
   * Reaching `max` does not lock this key: it lowers the maximum of the key named here to the
   * one given, for as long as this key stays at its own.
   */
  tightens?: { key: string; max: number };
}

/**
 * What a sign-in attempt is counted against:
 * - the name tried from that client (an IPv6 client by its /64, as the comment service counts
 *   it): 5 failures lock that pair, so that a stranger guessing cannot lock a moderator out,
 *   who signs in from another address;
 * - the client, whatever the names: 20 failures lock it, so that it cannot try 5 passwords on
 *   every name in turn;
 * - the name, whatever the client: past 100 failures, a name is under attack by a guesser
 *   spread over many addresses, and each client gets 1 check of it per 15 minutes instead of
 *   5. The name is not locked for everyone: names are public (commit authors), and 20
 *   addresses would then lock its moderator out of every client; the moderator's first try
 *   from a client that never failed still signs in, while the guesser's rate drops to one
 *   password per address per 15 minutes.
 * A name is counted whether an account has it or not, so that a lock says nothing about who
 * exists.
 */
export function signInKeys(name: string, address: string): LimitKey[] {
  const who = name.toLocaleLowerCase('fr');
  const where = rateLimitKey(address);
  const pair = `nom+adresse:${who} ${where}`;
  return [
    { key: pair, max: 5, clearedBySuccess: true },
    { key: `adresse:${where}`, max: 20, clearedBySuccess: false },
    { key: `nom:${who}`, max: 100, clearedBySuccess: false, tightens: { key: pair, max: 1 } },
  ];
}

/**
 * Failed sign-ins counted per key (`signInKeys`): reaching a key's maximum in 15 minutes locks
 * it for 15 minutes from the last failure, or, for a key that `tightens` another, lowers that
 * key's maximum instead.
 *
 * An attempt counts as a failure from the moment it starts, before its password is checked
 * (about 50 ms): a burst of requests sent at once would otherwise all pass the lock while
 * none had failed yet. A right password takes its attempt back.
 */
export function createLoginLimiter() {
  const failures = new Map<string, number[]>();

  const recent = (key: string, at: number) => (failures.get(key) ?? []).filter((time) => at - time < WINDOW_MS);

  return {
    /**
     * When the keys may try again if one is locked; otherwise `undefined`, and the attempt is
     * counted against every key until `succeed` says the password was right.
     */
    attempt(keys: readonly LimitKey[], at: Date): Date | undefined {
      const now = at.getTime();
      const maxima = new Map(keys.map(({ key, max }) => [key, max]));
      for (const { key, max, tightens } of keys) {
        if (tightens !== undefined && recent(key, now).length >= max) {
          maxima.set(key, Infinity);
          maxima.set(tightens.key, Math.min(maxima.get(tightens.key) ?? Infinity, tightens.max));
        }
      }
      let until = 0;
      for (const [key, max] of maxima) {
        const times = recent(key, now);
        if (times.length >= max) until = Math.max(until, times.at(-1)! + WINDOW_MS);
      }
      if (until !== 0) return new Date(until);
      for (const { key } of keys) failures.set(key, [...recent(key, now), now]);
      // Forget the keys that went quiet, so that the map stays as small as the attempts.
      if (failures.size > 10_000) {
        for (const [key, times] of failures) if (times.every((time) => now - time >= WINDOW_MS)) failures.delete(key);
      }
      return undefined;
    },

    /** The attempt counted at `at` had the right password. */
    succeed(keys: readonly LimitKey[], at: Date): void {
      for (const { key, clearedBySuccess } of keys) {
        const times = failures.get(key) ?? [];
        const counted = times.lastIndexOf(at.getTime());
        if (clearedBySuccess || times.length <= 1) failures.delete(key);
        else if (counted >= 0) failures.set(key, times.toSpliced(counted, 1));
      }
    },
  };
}
