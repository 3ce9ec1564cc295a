import { rateLimitKey } from '../request.ts';

const WINDOW_MS = 15 * 60 * 1000;

/** One count of failed sign-ins, and how many in 15 minutes lock it. */
export interface LimitKey {
  key: string;
  max: number;
  /** Whether a right password clears the count, rather than only taking its own attempt back. */
  clearedBySuccess: boolean;
}

/**
 * What a sign-in attempt is counted against:
 * - the name tried from that client (an IPv6 client by its /64, as the comment service counts
 *   it): 5 failures lock that pair, so that a stranger guessing cannot lock a moderator out,
 *   who signs in from another address;
 * - the client, whatever the names: 20 failures lock it, so that it cannot try 5 passwords on
 *   every name in turn;
 * - the name, whatever the client: 100 failures lock it, so that a guesser spread over many
 *   addresses is still stopped, at a count that takes 20 networks to reach.
 * A name is counted whether an account has it or not, so that a lock says nothing about who
 * exists.
 */
export function signInKeys(name: string, address: string): LimitKey[] {
  const who = name.toLocaleLowerCase('fr');
  const where = rateLimitKey(address);
  return [
    { key: `nom+adresse:${who} ${where}`, max: 5, clearedBySuccess: true },
    { key: `adresse:${where}`, max: 20, clearedBySuccess: false },
    { key: `nom:${who}`, max: 100, clearedBySuccess: false },
  ];
}

/**
 * Failed sign-ins counted per key (`signInKeys`): reaching a key's maximum in 15 minutes locks
 * it for 15 minutes from the last failure.
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
      let until = 0;
      for (const { key, max } of keys) {
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
