import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/** What the queue shows of an article: its title, and its section for the link to the page. */
export interface ArticleInfo {
  title: string;
  section: string;
}

/**
 * Looks up articles in `<contentDir>/articles/<slug>.md`, each file read again only when it
 * changed; `undefined` for an article that is missing or unreadable, which the caller says
 * rather than failing. The desk and `npm run moderate` both use it.
 */
export function createArticleLookup(contentDir: string) {
  const known = new Map<string, { mtimeMs: number; info: ArticleInfo | undefined }>();
  return function article(slug: string): ArticleInfo | undefined {
    const path = join(contentDir, 'articles', `${slug}.md`);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = known.get(slug);
    if (cached?.mtimeMs === mtimeMs) return cached.info;
    let info: ArticleInfo | undefined;
    try {
      const { title, section } = parseFrontmatter(readFileSync(path, 'utf8')).frontmatter;
      info = typeof title === 'string' && typeof section === 'string' ? { title, section } : undefined;
    } catch {
      info = undefined;
    }
    known.set(slug, { mtimeMs, info });
    return info;
  };
}
