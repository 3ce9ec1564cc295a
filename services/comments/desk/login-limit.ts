const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;

/**
 * Failed sign-ins counted per account name and per client address: five in 15 minutes lock
 * that name, or that address, for 15 minutes from the last one. A name is counted whether an
 * account has it or not, so that the lock says nothing about who exists.
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
    attempt(keys: readonly string[], at: Date): Date | undefined {
      const now = at.getTime();
      let until = 0;
      for (const key of keys) {
        const times = recent(key, now);
        if (times.length >= MAX_FAILURES) until = Math.max(until, times.at(-1)! + WINDOW_MS);
      }
      if (until !== 0) return new Date(until);
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
      // Forget the keys that went quiet, so that the map stays as small as the attempts.
      if (failures.size > 10_000) {
        for (const [key, times] of failures) if (times.every((time) => now - time >= WINDOW_MS)) failures.delete(key);
      }
      return undefined;
    },

    succeed(keys: readonly string[]): void {
      for (const key of keys) failures.delete(key);
    },
  };
}
