import { chunk, latestOf, newsArticles, sitemapEntries, type IndexedSitemap, type SitemapEntry } from '../lib/sitemaps';
import { getSite } from './site';

/** Where the Google News sitemap is: beside the others, named in the index. */
const NEWS_SITEMAP = '/sitemap-news.xml';
export const SITEMAP_INDEX = '/sitemap-index.xml';
const sitemapPath = (number: number) => `/sitemap-${number}.xml`;

let cached: Promise<SitemapEntry[][]> | undefined;

/**
 * The site's addresses cut into sitemaps, computed once per build for the index and each
 * sitemap; in `astro dev` again on each request, as the site itself is.
 */
export function sitemapChunks(): Promise<SitemapEntry[][]> {
  const compute = () => getSite().then((site) => chunk(sitemapEntries(site)));
  if (import.meta.env.DEV) return compute();
  cached ??= compute();
  return cached;
}

/** What the sitemap index lists: each sitemap with its latest change, and the news sitemap. */
export async function sitemapIndexEntries(): Promise<IndexedSitemap[]> {
  const site = await getSite();
  const news = newsArticles(site);
  return [
    ...(await sitemapChunks()).map((entries, index) => ({ path: sitemapPath(index + 1), lastmod: latestOf(entries) })),
    { path: NEWS_SITEMAP, lastmod: news[0]?.publishedAt },
  ];
}
