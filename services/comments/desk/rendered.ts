import { createHash } from 'node:crypto';
import type { StoredComment } from '../../moderation/comments.ts';
import { renderComment } from '../../moderation/render.ts';

/** Rendered comments kept: a few pages' worth for each of a handful of moderators. */
const KEPT = 1000;

/**
 * The comment's HTML as the site will show it (the site's pipeline and sanitize policy),
 * remembered by the file's exact text: a page shown again renders nothing, and a file that
 * changed is rendered afresh. The oldest entries go first when the cache is full.
 */
export function createRenderCache() {
  const cache = new Map<string, string>();
  return async function rendered(comment: Pick<StoredComment, 'source' | 'body' | 'path'>): Promise<string> {
    const key = createHash('sha256').update(comment.path).update('\0').update(comment.source).digest('base64');
    const known = cache.get(key);
    if (known !== undefined) {
      cache.delete(key);
      cache.set(key, known);
      return known;
    }
    const html = await renderComment(comment);
    cache.set(key, html);
    if (cache.size > KEPT) cache.delete(cache.keys().next().value!);
    return html;
  };
}
