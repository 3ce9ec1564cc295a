import { createHash } from 'node:crypto';

/**
 * A short, stable fingerprint of the data a page renders, for Astro's incremental builds: the
 * same data gives the same key, and any change in it (a title, a comment) gives another.
 */
export function cacheKey(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('base64url').slice(0, 22);
}
