import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/content/schemas/article';
import { commentSchema } from '../../src/content/schemas/comment';
import { liveEntrySchema } from '../../src/content/schemas/live-entry';
import { sectionSchema } from '../../src/content/schemas/section';

// The image() helper only exists inside Astro's loader; a string stands in for it here.
const article = articleSchema({ image: () => z.string() } as never);

const validArticle = {
  title: 'Le prix du pain recule',
  standfirst: 'Une première depuis trois ans.',
  section: 'economie',
  source: 'AFP',
  publishedAt: '2026-11-28T17:05:00+01:00',
};

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('article schema', () => {
  test('accepts a minimal agency article and fills the defaults', () => {
    const result = article.safeParse(validArticle);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ tags: [], related: [], authors: [], draft: false });
    expect(result.data?.publishedAt.toISOString()).toBe('2026-11-28T16:05:00.000Z');
  });

  test('names the missing title', () => {
    const { title: _, ...withoutTitle } = validArticle;
    expect(issuesOf(article.safeParse(withoutTitle))).toEqual(['title']);
  });

  test('names an invalid date instead of guessing one', () => {
    for (const publishedAt of ['28/11/2026', 'le 3 novembre', '2026-11-28T17:05', '2026-02-31x']) {
      const result = article.safeParse({ ...validArticle, publishedAt });
      expect(issuesOf(result), publishedAt).toEqual(['publishedAt']);
      expect(result.error?.issues[0]?.message).toBe(
        `expected a date like 2026-11-28T17:05:00+01:00, got "${publishedAt}"`,
      );
    }
  });

  test('takes a date as YAML gives it, or a day alone', () => {
    expect(article.safeParse({ ...validArticle, publishedAt: new Date('2026-11-28T16:05:00Z') }).success).toBe(true);
    expect(article.safeParse({ ...validArticle, publishedAt: '2026-11-28' }).data?.publishedAt.toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
  });

  test('asks for an author or a source', () => {
    const { source: _, ...unsigned } = validArticle;
    const result = article.safeParse(unsigned);
    expect(issuesOf(result)).toEqual(['authors']);
    expect(result.error?.issues[0]?.message).toMatch(/author or a source/);
  });

  test('refuses an update dated before publication', () => {
    expect(issuesOf(article.safeParse({ ...validArticle, updatedAt: '2026-11-27T10:00:00+01:00' }))).toEqual([
      'updatedAt',
    ]);
  });

  test('takes corrections and updates as dated notes, and refuses one dated before publication or without text', () => {
    const note = { date: '2026-11-29T09:30:00+01:00', text: 'Le chiffre était faux.' };
    const result = article.safeParse({ ...validArticle, corrections: [note], updates: [note] });
    expect(result.data?.corrections).toEqual([
      { date: new Date('2026-11-29T08:30:00Z'), text: 'Le chiffre était faux.' },
    ]);
    expect(
      issuesOf(article.safeParse({ ...validArticle, updates: [{ ...note, text: ' ' }, { text: 'Sans date.' }] })),
    ).toEqual(['updates.0.text', 'updates.1.date']);
    expect(
      issuesOf(
        article.safeParse({ ...validArticle, corrections: [note, { ...note, date: '2026-11-27T10:00:00+01:00' }] }),
      ),
    ).toEqual(['corrections.1.date']);
  });

  test('refuses an unknown comments mode', () => {
    expect(issuesOf(article.safeParse({ ...validArticle, comments: 'members' }))).toEqual(['comments']);
  });

  test('wants a credit on an image', () => {
    const result = article.safeParse({ ...validArticle, image: { src: './photo.jpg', alt: 'Un quai' } });
    expect(issuesOf(result)).toEqual(['image.credit']);
  });

  test('wants alt text on an image unless the editor says it is decorative', () => {
    const image = { src: './photo.jpg', credit: 'Kiosque' };
    const withoutAlt = article.safeParse({ ...validArticle, image: { ...image, alt: ' ' } });
    expect(issuesOf(withoutAlt)).toEqual(['image.alt']);
    expect(withoutAlt.error?.issues[0]?.message).toMatch(/decorative: true/);
    expect(article.safeParse({ ...validArticle, image: { ...image, decorative: true } }).success).toBe(true);
    expect(
      issuesOf(article.safeParse({ ...validArticle, image: { ...image, alt: 'Un quai', decorative: true } })),
    ).toEqual(['image.decorative']);
  });
});

describe('live coverage fields', () => {
  test('a live ends at a date not before its publication, and only a live ends', () => {
    expect(article.safeParse({ ...validArticle, live: true }).data).toMatchObject({ live: true });
    expect(article.safeParse({ ...validArticle, live: true, liveEndedAt: '2026-11-28T23:00:00+01:00' }).success).toBe(
      true,
    );
    expect(
      issuesOf(article.safeParse({ ...validArticle, live: true, liveEndedAt: '2026-11-28T09:00:00+01:00' })),
    ).toEqual(['liveEndedAt']);
    const notLive = article.safeParse({ ...validArticle, liveEndedAt: '2026-11-28T23:00:00+01:00' });
    expect(issuesOf(notLive)).toEqual(['liveEndedAt']);
    expect(notLive.error?.issues[0]?.message).toMatch(/live: true/);
  });

  test('a live message needs a date with its offset, and an author or a source', () => {
    expect(liveEntrySchema.safeParse({ publishedAt: '2026-11-29T09:40:00+01:00', source: 'AFP' }).success).toBe(true);
    expect(issuesOf(liveEntrySchema.safeParse({ publishedAt: '2026-11-29T09:40:00+01:00' }))).toEqual(['authors']);
    expect(issuesOf(liveEntrySchema.safeParse({ publishedAt: '2026-11-29T09:40', source: 'AFP' }))).toEqual([
      'publishedAt',
    ]);
  });
});

describe('comment schema', () => {
  const valid = {
    article: 'un-article',
    pseudonym: 'Ondine',
    publishedAt: '2026-11-28T18:00:00+01:00',
    status: 'published',
  };

  test('accepts a published comment', () => {
    expect(commentSchema.safeParse(valid).success).toBe(true);
  });

  test('wants a reason for a rejection', () => {
    expect(issuesOf(commentSchema.safeParse({ ...valid, status: 'rejected' }))).toEqual(['reason']);
    expect(commentSchema.safeParse({ ...valid, status: 'rejected', reason: 'Hors sujet' }).success).toBe(true);
  });

  test('refuses an unknown status and a one-letter pseudonym', () => {
    expect(issuesOf(commentSchema.safeParse({ ...valid, status: 'draft', pseudonym: 'X' })).sort()).toEqual([
      'pseudonym',
      'status',
    ]);
  });
});

describe('section schema', () => {
  test('wants a complete newsletter', () => {
    const result = sectionSchema.safeParse({
      name: 'Culture',
      description: 'Les arts.',
      order: 4,
      newsletter: { title: 'La lettre Culture' },
    });
    expect(issuesOf(result).sort()).toEqual(['newsletter.cadence', 'newsletter.pitch']);
  });
});
