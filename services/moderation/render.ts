import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import type { StoredComment } from './comments.ts';

/**
 * The comment's HTML exactly as the site builds it: the site's one pipeline, given the body
 * the loader gives it and the file's real path, whose `comments/` folder selects the comment
 * sanitize policy.
 */
export async function renderComment(comment: Pick<StoredComment, 'body' | 'path'>): Promise<string> {
  return (await renderMarkdown(comment.body, comment.path)).code;
}
