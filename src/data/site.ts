import { getCollection } from 'astro:content';
import { readRenderings, type RenderedDocument } from '../content/render-cache';
import { contentRoot } from '../content/root';
import { listingPaths } from '../lib/pagination';
import { assembleSite, type Article, type Site } from '../lib/site';
import { siteConfig } from '../site.config';

let cached: Promise<Site> | undefined;

/**
 * Whether pages get a cache key: an incremental build restores the pages whose key did not
 * change, while `astro dev` renders each page on request and would only pay for hashing every
 * page's data whenever it lists the routes again (0.3 s or more at 5,000 articles).
 */
export const pagesHaveCacheKeys = !import.meta.env.DEV;

/**
 * The moment the site is built for: now, or `KIOSQUE_NOW` (an ISO date) so that tests and a
 * rebuild of an old commit close comments as they did then.
 */
function buildTime(): Date {
  const fixed = process.env['KIOSQUE_NOW'];
  if (fixed === undefined) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`KIOSQUE_NOW: expected an ISO date, got "${fixed}"`);
  return date;
}

/** A Markdown entry with its HTML and the facts the pipeline recorded, as `assembleSite` takes it. */
function withRendered(renderings: ReadonlyMap<string, RenderedDocument>) {
  return <T extends { digest?: string | number | undefined }>(entry: T) => {
    const rendered = renderings.get(String(entry.digest));
    return { ...entry, html: rendered?.html, facts: rendered?.facts ?? {} };
  };
}

async function load(): Promise<Site> {
  const [sections, authors, articles, comments, pages, picks, front] = await Promise.all([
    getCollection('sections'),
    getCollection('authors'),
    getCollection('articles'),
    getCollection('comments'),
    getCollection('pages'),
    getCollection('picks'),
    getCollection('front'),
  ]);
  return assembleSite(
    {
      sections,
      authors,
      articles: articles.map(withRendered(readRenderings('articles'))),
      comments: comments.map(withRendered(readRenderings('comments'))),
      pages: pages.map(withRendered(readRenderings('pages'))),
      picks,
      picksFile: `${contentRoot}/picks.yaml`,
      front,
      frontFile: `${contentRoot}/une.yaml`,
    },
    {
      defaultCommentsMode: siteConfig.defaultCommentsMode,
      commentsCloseAfterDays: siteConfig.commentsCloseAfterDays,
      relatedMax: siteConfig.relatedMax,
      front: siteConfig.front,
      now: buildTime(),
    },
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

/**
 * The static paths of one kind of listing (sections, tags, authors…), cut into pages of the
 * site's length, with a cache key per page in a build.
 */
export async function listingRoutes<L extends { url: string; articles: readonly Article[] }>(
  listings: (site: Site) => readonly L[],
  params: (listing: L) => Record<string, string | undefined>,
) {
  const site = await getSite();
  return listingPaths(listings(site), siteConfig.perPage, params, pagesHaveCacheKeys ? site.listingShows : undefined);
}
