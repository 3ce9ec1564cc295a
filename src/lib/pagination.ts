import { cacheKey } from './cache-key';

/** One page of a paginated listing (a section, a tag, an author, a month…). */
export interface ListingPage<T> {
  /** 1 for the first page. */
  number: number;
  /** How many pages the listing has. */
  total: number;
  items: T[];
  url: string;
  prev?: string | undefined;
  next?: string | undefined;
}

/**
 * The address of page `number` of the listing at `base`: the listing's own address for the
 * first page, so that a link to a section never changes, and `<base>page/<n>/` after it.
 */
function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/**
 * Cuts `items` into pages of `perPage`, in order. An empty listing still has one (empty)
 * page, so that its address answers.
 */
export function paginate<T>(items: readonly T[], base: string, perPage: number): ListingPage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * perPage, number * perPage),
      url: pageUrl(base, number),
      prev: number > 1 ? pageUrl(base, number - 1) : undefined,
      next: number < total ? pageUrl(base, number + 1) : undefined,
    };
  });
}

/** The route parameter of page `number`: none for the first page, `page/<n>` after it. */
function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : `page/${number}`;
}

/**
 * The static paths of listings cut into pages: for each listing (a section, a tag…), one
 * path per page, its props the listing and the page. `params` names the listing in the
 * address; the page number goes in the rest parameter `page`. `shows` says what else a page
 * shows of its stories and of the site: with the listing (its stories aside) and the page's
 * place, it makes the page's `cacheKey`, so that an incremental build renders again only the
 * pages whose stories, comment counts or surroundings changed; without it, pages have none.
 */
export function listingPaths<L extends { url: string; articles: readonly T[] }, T>(
  listings: readonly L[],
  perPage: number,
  params: (listing: L) => Record<string, string | undefined>,
  shows: ((items: readonly T[]) => unknown) | undefined,
) {
  return listings.flatMap((listing) => {
    const { articles: _, ...about } = listing;
    return paginate(listing.articles, listing.url, perPage).map((page) => ({
      params: { ...params(listing), page: pageParam(page.number) },
      props: { listing, page },
      ...(shows && { cacheKey: cacheKey({ about, page: { ...page, items: shows(page.items) } }) }),
    }));
  });
}
