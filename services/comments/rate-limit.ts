const WINDOW_MS = 60_000;

/** A comment slot taken for a client, or how long it must wait for one. */
export type Slot = { release: () => void } | { retryAfterSeconds: number };

/**
 * Counts the comments each client posted in the last minute (a sliding window). A slot is
 * taken just before a comment is written and given back if the write fails, so that only
 * accepted comments count: a reader whose text was refused may correct it and post again.
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

  return {
    take(client: string, at: Date): Slot {
      const now = at.getTime();
      sweep(now);
      const times = (recent.get(client) ?? []).filter((time) => now - time < WINDOW_MS);
      recent.set(client, times);
      if (times.length >= perMinute) {
        const oldest = times.reduce((a, b) => Math.min(a, b));
        return { retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
      }
      times.push(now);
      return {
        release: () => {
          const current = recent.get(client) ?? [];
          const index = current.indexOf(now);
          if (index >= 0) current.splice(index, 1);
        },
      };
    },
  };
}
