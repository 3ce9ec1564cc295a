/** Which policy a Markdown file gets: editors' files are trusted, everything else is not. */
export type DocumentKind = 'article' | 'page' | 'comment';

/**
 * Tells the kind from the file's folder. Anything not clearly under `articles/` or `pages/`,
 * including a file with no path at all, is treated as a comment: the narrow policy is the safe
 * default.
 */
export function documentKind(path: string | undefined): DocumentKind {
  const folders = (path ?? '').split(/[\\/]/).slice(0, -1);
  if (folders.includes('comments')) return 'comment';
  if (folders.includes('articles')) return 'article';
  if (folders.includes('pages')) return 'page';
  return 'comment';
}
