import { describe, expect, test } from 'vitest';
import {
  dealShards,
  overlayLimit,
  planSearchIndex,
  searchablePart,
  shardPages,
  sortDate,
} from '../../src/integrations/search-plan';

describe('what Pagefind reads of a page', () => {
  const page = (article: string) =>
    `<html lang="fr"><body><header>Menu</header><main>${article}<section>Commentaires</section></main></body></html>`;

  test('is the element marked data-pagefind-body, so that comments and navigation change nothing', () => {
    const article = '<article class="x" data-pagefind-body><h1>Titre</h1><p>Texte.</p></article>';
    expect(searchablePart(page(article))).toBe(article);
    expect(searchablePart(page(article).replace('Commentaires', 'Deux commentaires'))).toBe(article);
  });

  test('ends where the marked element ends, even with elements of its name inside', () => {
    const article = '<article data-pagefind-body><p>Un</p><article><p>Deux</p></article><p>Trois</p></article>';
    expect(searchablePart(page(article))).toBe(article);
  });

  test('is nothing on a page without the mark, which Pagefind leaves out', () => {
    expect(searchablePart(page('<article><p>Accueil</p></article>'))).toBeUndefined();
  });
});

describe('how the index is brought up to date', () => {
  const base = {
    '/a/': { digest: 'a1', fragment: 'fr_a' },
    '/b/': { digest: 'b1', fragment: 'fr_b' },
    '/c/': { digest: 'c1', fragment: 'fr_c' },
  };
  const pages = (entries: Record<string, string>) => new Map(Object.entries(entries));

  test('without a base, everything is indexed anew', () => {
    expect(planSearchIndex({ base: undefined, overlay: {}, pages: pages({ '/a/': 'a1' }) })).toMatchObject({
      action: 'rebuild',
      hidden: [],
    });
  });

  test('an edited page goes to the overlay and its base record is hidden; a deleted one is only hidden', () => {
    const plan = planSearchIndex({ base, overlay: {}, pages: pages({ '/a/': 'a2', '/b/': 'b1', '/d/': 'd1' }) });
    expect(plan).toEqual({ action: 'overlay', overlay: { '/a/': 'a2', '/d/': 'd1' }, hidden: ['fr_a', 'fr_c'] });
  });

  test('nothing is indexed when the pages Pagefind reads are as the last build left them', () => {
    const plan = planSearchIndex({
      base,
      overlay: { '/a/': 'a2' },
      pages: pages({ '/a/': 'a2', '/b/': 'b1', '/c/': 'c1' }),
    });
    expect(plan).toEqual({ action: 'keep', overlay: { '/a/': 'a2' }, hidden: ['fr_a'] });
  });

  test('a page edited back to what the base holds leaves the overlay', () => {
    const plan = planSearchIndex({
      base,
      overlay: { '/a/': 'a2' },
      pages: pages({ '/a/': 'a1', '/b/': 'b1', '/c/': 'c1' }),
    });
    expect(plan).toEqual({ action: 'overlay', overlay: {}, hidden: [] });
  });

  test('past the overlay’s limit, the base is rebuilt', () => {
    const many = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`/p${i}/`, { digest: 'old', fragment: `fr_${i}` }]),
    );
    const limit = overlayLimit(2000);
    const edited = (count: number) =>
      pages(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`/p${i}/`, i < count ? 'new' : 'old'])));
    expect(planSearchIndex({ base: many, overlay: {}, pages: edited(limit) }).action).toBe('overlay');
    expect(planSearchIndex({ base: many, overlay: {}, pages: edited(limit + 1) })).toMatchObject({
      action: 'rebuild',
      reason: `${limit + 1} pages changed since the base (limit ${limit})`,
    });
  });

  test('the overlay’s limit grows with the archive, within bounds', () => {
    expect(overlayLimit(14)).toBe(100);
    expect(overlayLimit(5000)).toBe(250);
    expect(overlayLimit(50_000)).toBe(1000);
  });
});

describe('how the base is dealt into shards', () => {
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`;
  const pages = (count: number) =>
    new Map(Array.from({ length: count }, (_, i) => [`/p${i}/`, day(((i * 7) % 28) + 1)]));

  test('none for a site without articles', () => {
    expect(dealShards(new Map(), 5000)).toEqual([]);
  });

  test('one shard while the archive fits in one', () => {
    const shards = dealShards(pages(12), 12);
    expect(shards).toHaveLength(1);
    expect(shards[0]?.slice().sort()).toEqual([...pages(12).keys()].sort());
  });

  test('as few shards as the size allows, every page in exactly one, none over the size', () => {
    const shards = dealShards(pages(25), 6);
    expect(shards).toHaveLength(5);
    expect(shards.every((shard) => shard.length <= 6)).toBe(true);
    expect(shards.flat().sort()).toEqual([...pages(25).keys()].sort());
  });

  test('like cards in date order, so that every shard holds a slice of every period', () => {
    const dated = new Map([
      ['/d/', day(4)],
      ['/a/', day(1)],
      ['/c/', day(3)],
      ['/b/', day(2)],
      ['/e/', day(5)],
    ]);
    expect(dealShards(dated, 2)).toEqual([['/a/', '/d/'], ['/b/', '/e/'], ['/c/']]);
  });

  test('pages of the same date in the order of their addresses, whatever order the build lists them in', () => {
    const same = [
      ['/b/', day(1)],
      ['/a/', day(1)],
      ['/c/', day(1)],
    ] as const;
    expect(dealShards(new Map(same), 1)).toEqual([['/a/'], ['/b/'], ['/c/']]);
    expect(dealShards(new Map([...same].reverse()), 1)).toEqual([['/a/'], ['/b/'], ['/c/']]);
  });

  test('KIOSQUE_SEARCH_SHARD_PAGES sets the size; another value than a whole number stops the build, saying what to write', () => {
    expect(shardPages(undefined)).toBe(5000);
    expect(shardPages('')).toBe(5000);
    expect(shardPages('2500')).toBe(2500);
    for (const wrong of ['0', '-5', '2 500', '1e4', 'beaucoup'])
      expect(() => shardPages(wrong)).toThrow(
        `KIOSQUE_SEARCH_SHARD_PAGES: expected a whole number of pages per shard of the search index (5000 by default), got "${wrong}"`,
      );
  });

  test('reads the date Pagefind sorts by from the article’s mark', () => {
    expect(sortDate('<article data-pagefind-body><header data-pagefind-sort="date:2026-11-28T16:05:00.000Z">')).toBe(
      '2026-11-28T16:05:00.000Z',
    );
    expect(sortDate('<article data-pagefind-body><p>Sans date</p></article>')).toBe('');
  });
});
