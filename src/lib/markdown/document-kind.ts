/**
 * Which policy a Markdown file gets: editors' files are trusted, everything else is not. A
 * live message is the newsroom's and sanitized as an article is, without an article's slots
 * (« Lire aussi », the newsletter box).
 */
export type DocumentKind = 'article' | 'page' | 'comment' | 'live';

/**
 * Tells the kind from the file's folder. Anything not clearly under `articles/`, `pages/` or
 * `live/`, including a file with no path at all, is treated as a comment: the narrow policy is
 * the safe default.
 */
export function documentKind(path: string | undefined): DocumentKind {
  const folders = (path ?? '').split(/[\\/]/).slice(0, -1);
  if (folders.includes('comments')) return 'comment';
  if (folders.includes('articles')) return 'article';
  if (folders.includes('pages')) return 'page';
  if (folders.includes('live')) return 'live';
  return 'comment';
}
