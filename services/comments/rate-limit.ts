const WINDOW_MS = 60_000;

/** A comment slot taken for a client, or how long it must wait for one. */
export type Slot = { release: () => void } | { retryAfterSeconds: number };

/**
 * Counts what each client did in the last minute (a sliding window), up to `perMinute`. The
 * service keeps two: comments, whose slot is taken just before a comment is written and given
 * back if the write fails, so that a reader whose text was refused may correct it and post
 * again; and attempts, every comment posted whatever its fate, so that a client refused over
 * and over costs nothing more than the check (docs/comments.md, « Rate limit »).
 */
export function createRateLimiter(perMinute: number) {
  const recent = new Map<string, number[]>();
  let sweptAt = Number.NEGATIVE_INFINITY;

  // Forget clients idle for a minute, at most once a minute, so the map stays as small as the traffic.
  const sweep = (now: number) => {
    if (now - sweptAt < WINDOW_MS) return;
    sweptAt = now;
    for (const [client, times] of recent) {
      if (times.every((time) => now - time >= WINDOW_MS)) recent.delete(client);
    }
  };

  /** The client's times within the window, and how long it must wait when they fill it. */
  const current = (client: string, now: number) => {
    sweep(now);
    const times = (recent.get(client) ?? []).filter((time) => now - time < WINDOW_MS);
    if (times.length > 0) recent.set(client, times);
    else recent.delete(client);
    if (times.length < perMinute) return { times, wait: undefined };
    const oldest = times.reduce((a, b) => Math.min(a, b));
    return { times, wait: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
  };

  return {
    /** How long the client must wait before its next slot, without taking one; `undefined` when it need not. */
    waiting(client: string, at: Date): number | undefined {
      return current(client, at.getTime()).wait;
    },

    take(client: string, at: Date): Slot {
      const now = at.getTime();
      const { times, wait } = current(client, now);
      if (wait !== undefined) return { retryAfterSeconds: wait };
      times.push(now);
      recent.set(client, times);
      return {
        release: () => {
          const held = recent.get(client) ?? [];
          const index = held.indexOf(now);
          if (index >= 0) held.splice(index, 1);
        },
      };
    },
  };
}
