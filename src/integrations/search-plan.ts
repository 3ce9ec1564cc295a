import { createHash } from 'node:crypto';

/** Where the index goes in the output; the search page loads `/pagefind/pagefind.js`. */
export const INDEX_FOLDER = 'pagefind';

/**
 * The part of a page Pagefind reads: the element marked `data-pagefind-body` (the article),
 * whose text, title, metadata and sort key make the page's search record. Everything else on
 * the page (comments, « Sur le même sujet », navigation) can change without the record
 * changing. Undefined for a page without it, which Pagefind does not index.
 */
export function searchablePart(html: string): string | undefined {
  const marker = html.indexOf(' data-pagefind-body');
  if (marker === -1) return undefined;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1];
  if (tag === undefined) return undefined;
  // Elements of the same name may nest inside (a body is sanitized and has none today, but a
  // component could): the marked element ends where the count of opened ones falls to zero.
  const names = new RegExp(`<(/?)${tag}[\\s>]`, 'gi');
  names.lastIndex = start + 1;
  let depth = 1;
  for (let match = names.exec(html); match !== null; match = names.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(start, names.lastIndex);
  }
  return html.slice(start);
}

/** The sort key Pagefind reads of a page's searchable part (`data-pagefind-sort`), '' when there is none. */
export function sortDate(part: string): string {
  return /\sdata-pagefind-sort="date:([^"]*)"/.exec(part)?.[1] ?? '';
}

/** A short digest of what Pagefind reads of a page. */
export function searchDigest(part: string): string {
  return createHash('sha256').update(part).digest('base64url').slice(0, 22);
}

/** The full index as last written: each page's digest and Pagefind's id for it (its fragment). */
export type BaseIndex = Record<string, { digest: string; fragment: string }>;

/**
 * What the search index looks like after a build: a base index of every article, and, beside
 * it, a small index of the pages changed since the base was written. Readers search both and
 * never see the base's outdated records, whose ids `hidden` lists.
 */
export interface SearchPlan {
  /** `rebuild`: a new base of every page, no overlay. `overlay`: the base stays, the overlay is made anew. `keep`: nothing to write. */
  action: 'rebuild' | 'overlay' | 'keep';
  /** The pages the overlay indexes (added or changed since the base), by address, with their digests. */
  overlay: Record<string, string>;
  /** Ids of base records that are out of date: the page changed or is gone. */
  hidden: string[];
  /** Why the base is rebuilt, for the build log. */
  reason?: string;
}

/** How many changed pages the overlay holds at most before the base is rebuilt. */
export function overlayLimit(pages: number): number {
  return Math.min(1000, Math.max(100, Math.ceil(pages * 0.05)));
}

/**
 * Decides how to bring the index up to date. Rebuilding the base costs time in proportion to
 * the whole archive (about 2 ms a page here); the overlay, to the pages changed since. Past
 * `overlayLimit` changed pages the base is rebuilt, so that the overlay, searched beside it on
 * every query, stays small, and so that its relevance figures, computed over few pages, weigh
 * on few results.
 */
export function planSearchIndex(options: {
  /** The base as last written; undefined when there is none to build on. */
  base: BaseIndex | undefined;
  /** The overlay as last written. */
  overlay: Record<string, string>;
  /** Every searchable page of this build, by address, with its digest. */
  pages: ReadonlyMap<string, string>;
}): SearchPlan {
  const { base, pages } = options;
  if (base === undefined) return { action: 'rebuild', overlay: {}, hidden: [], reason: 'no index to build on' };
  const overlay: Record<string, string> = {};
  for (const [url, digest] of pages) if (base[url]?.digest !== digest) overlay[url] = digest;
  const hidden = Object.entries(base)
    .filter(([url, record]) => pages.get(url) !== record.digest)
    .map(([, record]) => record.fragment)
    .sort();
  const changed = new Set([...Object.keys(overlay), ...Object.keys(base).filter((url) => !pages.has(url))]).size;
  const limit = overlayLimit(pages.size);
  if (changed > limit) {
    return {
      action: 'rebuild',
      overlay: {},
      hidden: [],
      reason: `${changed} pages changed since the base (limit ${limit})`,
    };
  }
  const same =
    Object.keys(overlay).length === Object.keys(options.overlay).length &&
    Object.entries(overlay).every(([url, digest]) => options.overlay[url] === digest);
  return { action: same ? 'keep' : 'overlay', overlay, hidden };
}

/**
 * How many pages a shard of the base holds at most, unless `KIOSQUE_SEARCH_SHARD_PAGES` says
 * otherwise. Pagefind holds a whole index in memory while it writes it, about 0.5 MB a page
 * here (2.4 GB at 5,000 pages, 9.2 GB at 20,000): shards bound that. Each shard costs readers
 * one more index chunk (about 30 KB) for each word they search, so shards are as large as a
 * small build machine affords (docs/adr/009-search-index-shards.md).
 */
export const SHARD_PAGES = 5000;

/** The pages per shard that `KIOSQUE_SEARCH_SHARD_PAGES` asks for; another value than a whole number of pages is a mistake, said so. */
export function shardPages(value: string | undefined): number {
  if (value === undefined || value === '') return SHARD_PAGES;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new Error(
      `KIOSQUE_SEARCH_SHARD_PAGES: expected a whole number of pages per shard of the search index (${SHARD_PAGES} by default), got "${value}"`,
    );
  return Number(value);
}

/**
 * The base's pages dealt into shards of at most `perShard` pages, like cards in date order:
 * the page of rank r, oldest first, goes to shard r mod count. Each shard then holds a slice of
 * every period, so Pagefind's word statistics, and therefore its relevance scores, are alike
 * from one shard to the next, and the search page can order results by date across shards from
 * their positions alone (`shardWeight` in src/scripts/search-order.ts). Pages of the same date
 * are ranked by address, so that a build deals the same pages the same way. No page, no shard.
 */
export function dealShards(pages: ReadonlyMap<string, string>, perShard: number): string[][] {
  const count = Math.ceil(pages.size / perShard);
  const shards: string[][] = Array.from({ length: count }, () => []);
  const ranked = [...pages].sort(([urlA, dateA], [urlB, dateB]) =>
    dateA === dateB ? (urlA < urlB ? -1 : 1) : dateA < dateB ? -1 : 1,
  );
  ranked.forEach(([url], rank) => shards[rank % count]?.push(url));
  return shards;
}
