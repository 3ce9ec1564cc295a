import { getCollection } from 'astro:content';
import { readRendered } from '../content/render-cache';
import { contentRoot } from '../content/root';
import { assembleSite, type Site } from '../lib/site';
import { siteConfig } from '../site.config';

let cached: Promise<Site> | undefined;

/** A Markdown entry with its HTML and the facts the pipeline recorded, as `assembleSite` takes it. */
function withRendered<T extends { collection: string; digest?: string | number | undefined }>(entry: T) {
  const rendered = entry.digest === undefined ? undefined : readRendered(entry.collection, String(entry.digest));
  return { ...entry, html: rendered?.html, facts: rendered?.facts ?? {} };
}

async function load(): Promise<Site> {
  const [sections, authors, articles, comments, pages, picks] = await Promise.all([
    getCollection('sections'),
    getCollection('authors'),
    getCollection('articles'),
    getCollection('comments'),
    getCollection('pages'),
    getCollection('picks'),
  ]);
  return assembleSite(
    {
      sections,
      authors,
      articles: articles.map(withRendered),
      comments: comments.map(withRendered),
      pages: pages.map(withRendered),
      picks,
      picksFile: `${contentRoot}/picks.yaml`,
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
