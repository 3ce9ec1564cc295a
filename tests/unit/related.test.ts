import { describe, expect, test } from 'vitest';
import { relatedChooser, type RelatedCandidate } from '../../src/lib/related';

const story = (slug: string, day: number, extra: Partial<RelatedCandidate> = {}): RelatedCandidate => ({
  slug,
  section: { id: 'economie' },
  tags: [],
  publishedAt: new Date(Date.UTC(2026, 10, day)),
  related: [],
  ...extra,
});

const slugs = (list: RelatedCandidate[]) => list.map((s) => s.slug);

const chooseRelated = (article: RelatedCandidate, all: RelatedCandidate[], max: number) =>
  relatedChooser(all, max)(article);

describe('relatedChooser', () => {
  test('puts the editor’s picks first, in their order, even from another section', () => {
    const article = story('a', 20, { related: ['old', 'other'] });
    const all = [article, story('old', 1), story('other', 2, { section: { id: 'culture' } }), story('new', 19)];
    expect(slugs(chooseRelated(article, all, 4))).toEqual(['old', 'other', 'new']);
  });

  test('then same section with a shared tag, same section, shared tag, newest first within each', () => {
    const article = story('a', 20, { tags: ['climat'] });
    const all = [
      article,
      story('section-only-old', 1),
      story('section-only-new', 10),
      story('tag-only', 18, { section: { id: 'sciences' }, tags: ['climat'] }),
      story('both', 2, { tags: ['climat'] }),
      story('unrelated', 19, { section: { id: 'culture' }, tags: ['cinéma'] }),
    ];
    expect(slugs(chooseRelated(article, all, 10))).toEqual([
      'both',
      'section-only-new',
      'section-only-old',
      'tag-only',
    ]);
  });

  test('never the article itself, never a story the site does not publish, never twice, at most the cap', () => {
    // The site gives published stories only: a draft the editor names is not among them.
    const article = story('a', 20, { related: ['a', 'draft', 'b', 'b'] });
    const all = [article, story('b', 3), story('c', 4), story('d', 5), story('e', 6), story('f', 7)];
    const chosen = slugs(chooseRelated(article, all, 4));
    expect(chosen).toEqual(['b', 'f', 'e', 'd']);
  });

  test('merges stories from several tags, newest first, however busy a tag is', () => {
    const article = story('a', 30, { section: { id: 'culture' }, tags: ['commun', 'rare'] });
    const busy = Array.from({ length: 20 }, (_, i) => story(`busy-${i + 1}`, i + 1, { tags: ['commun'] }));
    const all = [article, ...busy, story('rare-one', 25, { tags: ['rare'] })];
    expect(slugs(chooseRelated(article, all, 4))).toEqual(['rare-one', 'busy-20', 'busy-19', 'busy-18']);
  });

  test('leaves out stories the page already lists elsewhere, and fills the place with the next one', () => {
    const article = story('a', 20, { related: ['b'] });
    const all = [article, story('b', 1), story('c', 2), story('d', 3)];
    expect(slugs(relatedChooser(all, 2)(article, new Set(['b', 'd'])))).toEqual(['c']);
    expect(slugs(relatedChooser(all, 2)(article, new Set(['d'])))).toEqual(['b', 'c']);
  });

  test('skips a pick that no longer exists', () => {
    const article = story('a', 20, { related: ['gone'] });
    expect(slugs(chooseRelated(article, [article, story('b', 1)], 4))).toEqual(['b']);
  });
});
