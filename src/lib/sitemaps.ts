import { isoParis } from './dates';
import type { Article, Site } from './site';
import { typeset } from './typography';

/** One address for crawlers, with the last time its content changed. */
export interface SitemapEntry {
  /** Root-relative address, e.g. `/economie/`. */
  path: string;
  lastmod: Date;
}

/** The sitemap protocol's limit: a sitemap holds at most 50,000 addresses. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News reads at most 1,000 stories from a news sitemap, published in the last 48 hours. */
export const NEWS_MAX_URLS = 1_000;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const changedAt = (article: Pick<Article, 'publishedAt' | 'updatedAt'>) => article.updatedAt ?? article.publishedAt;

/** A listing changes when its latest-changed story does; an empty one never lists anything. */
function listingEntry(path: string, articles: readonly Article[]): SitemapEntry[] {
  let latest: Date | undefined;
  for (const article of articles) {
    const changed = changedAt(article);
    if (latest === undefined || changed > latest) latest = changed;
  }
  return latest === undefined ? [] : [{ path, lastmod: latest }];
}

/**
 * Every page worth a search engine's visit: the home page, each story, the first page of each
 * listing and the standing pages. Later pages of a listing only repeat older stories, which
 * have their own entries; the search page and the 404 ask not to be indexed.
 */
export function sitemapEntries(
  site: Pick<Site, 'articles' | 'sections' | 'authors' | 'tags' | 'agencies' | 'months' | 'pages' | 'corrections'>,
): SitemapEntry[] {
  const { articles } = site;
  return [
    ...listingEntry('/', articles),
    ...site.sections.flatMap((section) =>
      listingEntry(
        section.url,
        articles.filter((article) => article.section.id === section.id),
      ),
    ),
    ...articles.map((article) => ({ path: article.url, lastmod: changedAt(article) })),
    ...[...site.authors, ...site.tags, ...site.agencies].flatMap((listing) =>
      listingEntry(listing.url, listing.articles),
    ),
    ...listingEntry('/archives/', articles),
    ...site.months.flatMap((month) => listingEntry(month.url, month.articles)),
    ...site.corrections.slice(0, 1).map(({ note }) => ({ path: '/rectificatifs/', lastmod: note.date })),
    ...site.pages.map((page) => ({ path: page.url, lastmod: page.updatedAt })),
  ];
}

/** The latest change among entries, for the sitemap index; none for an empty list. */
export function latestOf(entries: readonly SitemapEntry[]): Date | undefined {
  let latest: Date | undefined;
  for (const entry of entries) if (latest === undefined || entry.lastmod > latest) latest = entry.lastmod;
  return latest;
}

/** The entries cut into sitemaps of at most `max` addresses each. */
export function chunk<T>(entries: readonly T[], max = SITEMAP_MAX_URLS): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < entries.length; start += max) chunks.push(entries.slice(start, start + max));
  return chunks;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A sitemap: one `<url>` per entry, with its absolute address and W3C date. */
export function urlsetXml(entries: readonly SitemapEntry[], origin: string): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${xml(new URL(entry.path, origin).href)}</loc><lastmod>${isoParis(entry.lastmod)}</lastmod></url>`,
  );
  return `${PROLOG}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A sitemap as its index lists it; an empty one has no date of change. */
export interface IndexedSitemap {
  path: string;
  lastmod: Date | undefined;
}

/** The sitemap index that robots.txt names: one `<sitemap>` per sitemap. */
export function sitemapIndexXml(sitemaps: readonly IndexedSitemap[], origin: string): string {
  const items = sitemaps.map(
    (sitemap) =>
      `<sitemap><loc>${xml(new URL(sitemap.path, origin).href)}</loc>` +
      (sitemap.lastmod ? `<lastmod>${isoParis(sitemap.lastmod)}</lastmod>` : '') +
      '</sitemap>',
  );
  return `${PROLOG}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/**
 * What Google News takes: the stories published in the 48 hours before the build, newest
 * first, at most 1,000.
 */
export function newsArticles(site: Pick<Site, 'articles' | 'now'>): Article[] {
  const since = site.now.getTime() - NEWS_WINDOW_MS;
  return site.articles.filter((article) => article.publishedAt.getTime() > since).slice(0, NEWS_MAX_URLS);
}

/** A Google News sitemap: each story with the publication's name, its language, date and title. */
export function newsSitemapXml(articles: readonly Article[], origin: string, publication: string): string {
  const urls = articles.map(
    (article) =>
      `<url><loc>${xml(new URL(article.url, origin).href)}</loc><news:news>` +
      `<news:publication><news:name>${xml(publication)}</news:name><news:language>fr</news:language></news:publication>` +
      `<news:publication_date>${isoParis(article.publishedAt)}</news:publication_date>` +
      `<news:title>${xml(typeset(article.title))}</news:title></news:news></url>`,
  );
  return (
    `${PROLOG}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`
  );
}
