import { getCollection, type CollectionEntry } from 'astro:content';
import { RenderCache } from '../content/render-cache';
import { contentRoot } from '../content/root';
import { siteClock } from '../lib/site-clock';
import { listingPaths } from '../lib/pagination';
import { assembleSite, type Article, type Html, type Site } from '../lib/site';
import { siteConfig } from '../site.config';

let cached: Promise<Site> | undefined;

/**
 * Whether pages get a cache key: an incremental build restores the pages whose key did not
 * change, while `astro dev` renders each page on request and would only pay for hashing every
 * page's data whenever it lists the routes again (0.3 s or more at 5,000 articles).
 */
export const pagesHaveCacheKeys = !import.meta.env.DEV;

let htmlReader: RenderCache | undefined;

/** The cached HTML of one document, read when a page renders it. */
function htmlOf(collection: string, digest: string): string {
  htmlReader ??= new RenderCache();
  const html = htmlReader.html(collection, digest);
  if (html === undefined) {
    throw new Error(`The rendered HTML of a ${collection} entry left the cache during the build; build again.`);
  }
  return html;
}

/** A Markdown entry with the facts the pipeline recorded and its HTML, as `assembleSite` takes it. */
function withRendered(collection: string, facts: ReadonlyMap<string, Record<string, unknown>>) {
  return <T extends { digest?: string | number | undefined }>(entry: T) => {
    const digest = String(entry.digest);
    const known = facts.get(digest);
    const html: Html | undefined = known && { digest, read: () => htmlOf(collection, digest) };
    return { ...entry, html, facts: known ?? {} };
  };
}

/**
 * What the pages need from Kiosque's cache, in one visit: the comments and live messages with their facts, and
 * the facts to put beside the articles and pages Astro's store holds.
 */
function readCache() {
  const cache = new RenderCache();
  try {
    return {
      // Kept outside Astro's content store by their loader (see content.config.ts).
      comments: [...cache.entries('comments').values()]
        .map((entry) => ({ ...entry, data: entry.data as CollectionEntry<'comments'>['data'] }))
        .map(withRendered('comments', cache.facts('comments'))),
      live: [...cache.entries('live').values()]
        .map((entry) => ({ ...entry, data: entry.data as CollectionEntry<'live'>['data'] }))
        .map(withRendered('live', cache.facts('live'))),
      withArticleFacts: withRendered('articles', cache.facts('articles')),
      withPageFacts: withRendered('pages', cache.facts('pages')),
    };
  } finally {
    cache.close();
  }
}

async function load(): Promise<Site> {
  const [sections, authors, articles, pages, picks, front] = await Promise.all([
    getCollection('sections'),
    getCollection('authors'),
    getCollection('articles'),
    getCollection('pages'),
    getCollection('picks'),
    getCollection('front'),
  ]);
  const cached = readCache();
  return assembleSite(
    {
      sections,
      authors,
      articles: articles.map(cached.withArticleFacts),
      comments: cached.comments,
      live: cached.live,
      pages: pages.map(cached.withPageFacts),
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
      now: siteClock(),
      // Editors preview drafts and scheduled stories in `astro dev`; a build never has them.
      previews: import.meta.env.DEV,
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
