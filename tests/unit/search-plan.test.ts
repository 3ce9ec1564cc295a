import { describe, expect, test } from 'vitest';
import { overlayLimit, planSearchIndex, searchablePart } from '../../src/integrations/search-plan';

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
