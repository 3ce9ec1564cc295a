import { getCollection } from 'astro:content';
import { assembleSite, type Site } from '../lib/site';
import { siteConfig } from '../site.config';

let cached: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const [sections, authors, articles, comments, picks] = await Promise.all([
    getCollection('sections'),
    getCollection('authors'),
    getCollection('articles'),
    getCollection('comments'),
    getCollection('picks'),
  ]);
  return assembleSite(
    {
      sections,
      authors,
      articles: articles.map((entry) => ({
        id: entry.id,
        filePath: entry.filePath,
        data: entry.data,
        html: entry.rendered?.html ?? '',
        facts: entry.rendered?.metadata?.frontmatter ?? {},
      })),
      comments: comments.map((entry) => ({
        id: entry.id,
        filePath: entry.filePath,
        data: entry.data,
        html: entry.rendered?.html ?? '',
      })),
      picks,
      picksFile: `${process.env['KIOSQUE_CONTENT_DIR'] ?? 'content'}/picks.yaml`,
    },
    { defaultCommentsMode: siteConfig.defaultCommentsMode, relatedMax: siteConfig.relatedMax },
  );
}

/**
 * The site, read from the collections once per build and shared by every page. In `astro dev`
 * it is read again on each request, so an editor's change shows on reload.
 */
export function getSite(): Promise<Site> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
