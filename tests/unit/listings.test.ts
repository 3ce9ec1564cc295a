import { describe, expect, test } from 'vitest';
import { layOutFront } from '../../src/lib/fronts';
import { listingPaths, paginate } from '../../src/lib/pagination';
import { toSlug } from '../../src/lib/taxonomy';

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  test('keeps the listing’s own address for page 1 and links the pages both ways', () => {
    const pages = paginate(items, '/economie/', 20);
    expect(pages.map((p) => [p.url, p.prev, p.next, p.items.length])).toEqual([
      ['/economie/', undefined, '/economie/page/2/', 20],
      ['/economie/page/2/', '/economie/', '/economie/page/3/', 20],
      ['/economie/page/3/', '/economie/page/2/', undefined, 5],
    ]);
    expect(pages[2]?.items).toEqual([41, 42, 43, 44, 45]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
  });

  test('an empty listing still answers at its address', () => {
    expect(paginate([], '/sujets/vide/', 20)).toEqual([
      { number: 1, total: 1, items: [], url: '/sujets/vide/', prev: undefined, next: undefined },
    ]);
  });
});

describe('listingPaths', () => {
  const story = (n: number, title = `Titre ${n}`, comments = 0) => ({ slug: `s${n}`, title, comments });
  const stories = Array.from({ length: 45 }, (_, i) => story(45 - i));
  const keys = (articles: ReturnType<typeof story>[], name = 'Climat') =>
    listingPaths(
      [{ name, url: '/sujets/climat/', articles }],
      20,
      () => ({ tag: 'climat' }),
      (items: readonly ReturnType<typeof story>[]) => items.map(({ title, comments }) => ({ title, comments })),
    ).map((path) => path.cacheKey);

  test('gives each page a key that changes with what the page shows, and only then', () => {
    const before = keys(stories);
    expect(new Set(before).size).toBe(3);
    // A story of page 2 retitled, a comment approved under a story of page 3.
    const edited = stories.map((s) =>
      s.slug === 's20' ? story(20, 'Nouveau titre') : s.slug === 's2' ? story(2, 'Titre 2', 1) : s,
    );
    const after = keys(edited);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
  });

  test('changes every page’s key when the listing itself or the pagination changes', () => {
    const before = keys(stories);
    expect(keys(stories, 'Climat et énergie').filter((key, i) => key === before[i])).toEqual([]);
    // A new story shifts every page by one.
    expect(keys([story(46), ...stories]).filter((key, i) => key === before[i])).toEqual([]);
  });
});

describe('toSlug', () => {
  test.each([
    ['Vie privée', 'vie-privee'],
    ['pouvoir d’achat', 'pouvoir-d-achat'],
    ["Pouvoir d'achat", 'pouvoir-d-achat'],
    ['Œuvres d’art', 'oeuvres-d-art'],
    ['COP31 : Belém', 'cop31-belem'],
    ['  Île-de-France ', 'ile-de-france'],
  ])('%s → %s', (name, slug) => expect(toSlug(name)).toBe(slug));
});

describe('layOutFront', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const story = (slug: string, day: number, section = 'economie', image?: object) => ({
    slug,
    section: { id: section },
    publishedAt: new Date(Date.UTC(2026, 10, day, 8)),
    image,
  });
  // Newest first, as the site lists them.
  const articles = [
    story('f', 28),
    story('e', 27, 'culture', {}),
    story('d', 26, 'culture'),
    story('c', 25),
    story('b', 10, 'culture'),
    story('a', 9),
  ];
  const comments: Record<string, number> = { a: 40, b: 12, c: 3, d: 3, f: 1 };
  const options = {
    chosen: [] as string[],
    secondaryCount: 2,
    perSection: 2,
    latestCount: 3,
    mostCommentedCount: 3,
    mostCommentedDays: 7,
    now,
    commentCount: (slug: string) => comments[slug] ?? 0,
  };
  const slugs = (list: { slug: string }[]) => list.map((a) => a.slug);

  test('without a choice, the newest story with a picture leads and the newest others stand beside it', () => {
    const front = layOutFront(articles, ['economie', 'culture'], options);
    expect(front.lead?.slug).toBe('e');
    expect(slugs(front.secondary)).toEqual(['f', 'd']);
  });

  test('the editors’ choice leads, topped up with the newest stories, and section rows skip it', () => {
    const front = layOutFront(articles, ['economie', 'culture'], { ...options, chosen: ['a', 'gone'] });
    expect(front.lead?.slug).toBe('a');
    expect(slugs(front.secondary)).toEqual(['f', 'e']);
    expect(front.sections.map((row) => [row.id, slugs(row.articles)])).toEqual([
      ['economie', ['c']],
      ['culture', ['d', 'b']],
    ]);
    expect(slugs(front.latest)).toEqual(['f', 'e', 'd']);
  });

  test('« Les plus commentés » ranks the last week’s stories by comments, newer first on a tie', () => {
    const front = layOutFront(articles, ['economie', 'culture'], options);
    expect(front.mostCommented.map((m) => [m.article.slug, m.count])).toEqual([
      ['d', 3],
      ['c', 3],
      ['f', 1],
    ]);
  });
});
