import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/lib/integrity';
import { assembleSite, type RawContent } from '../../src/lib/site';

const newsletter = { title: 'La lettre', cadence: 'Le lundi', pitch: 'Tout.' };
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));

function articleEntry(id: string, day: number, extra: Partial<RawContent['articles'][number]['data']> = {}) {
  return {
    id,
    filePath: `content/articles/${id}.md`,
    html: `<p>${id}</p>`,
    facts: { readingMinutes: 2, readAlso: [] },
    data: {
      title: `Titre ${id}`,
      standfirst: 'Chapô.',
      section: { id: 'economie' },
      authors: [],
      source: 'AFP',
      publishedAt: at(day),
      tags: [],
      related: [],
      draft: false,
      ...extra,
    },
  };
}

function commentEntry(id: string, status: 'published' | 'pending' | 'rejected', replyTo?: string, hour = 13) {
  return {
    id: `a/${id}`,
    filePath: `content/comments/a/${id}.md`,
    html: `<p>${id}</p>`,
    facts: { problems: [] },
    data: {
      article: { id: 'a' },
      pseudonym: `Lecteur ${id}`,
      publishedAt: at(20, hour),
      replyTo,
      status,
      featured: false,
    },
  };
}

function raw(): RawContent {
  return {
    sections: [
      { id: 'culture', data: { name: 'Culture', description: 'Arts.', order: 2, newsletter } },
      { id: 'economie', data: { name: 'Économie', description: 'Argent.', order: 1, newsletter } },
    ],
    authors: [{ id: 'claire', data: { name: 'Claire Dumas' } }],
    articles: [
      articleEntry('a', 20, { comments: 'subscribers', authors: [{ id: 'claire' }] }),
      articleEntry('b', 22),
      articleEntry('brouillon', 25, { draft: true }),
    ],
    comments: [
      commentEntry('c01', 'published'),
      commentEntry('c02', 'published', 'c01', 14),
      commentEntry('c03', 'pending', undefined, 15),
      commentEntry('c04', 'rejected', 'c01', 16),
    ],
    pages: [],
    picks: [{ id: 'p1', data: { article: { id: 'b' } } }],
    picksFile: 'content/picks.yaml',
  };
}

const options = {
  defaultCommentsMode: 'open' as const,
  commentsCloseAfterDays: null,
  relatedMax: 4,
  now: new Date('2026-11-29T12:00:00Z'),
};

describe('assembleSite', () => {
  test('lists published articles newest first, without drafts, at /section/slug/', () => {
    const site = assembleSite(raw(), options);
    expect(site.articles.map((a) => [a.slug, a.url])).toEqual([
      ['b', '/economie/b/'],
      ['a', '/economie/a/'],
    ]);
    expect(site.article('brouillon')).toBeUndefined();
  });

  test('orders sections for the navigation', () => {
    expect(assembleSite(raw(), options).sections.map((s) => s.id)).toEqual(['economie', 'culture']);
  });

  test('counts and threads only published comments', () => {
    const site = assembleSite(raw(), options);
    expect(site.commentCount('a')).toBe(2);
    expect(site.commentCount('b')).toBe(0);
    const [thread] = site.threads('a');
    expect(thread?.comment.pseudonym).toBe('Lecteur c01');
    expect(thread?.replies.map((r) => r.comment.anchor)).toEqual(['c02']);
  });

  test('closes comments after the site’s delay unless the article sets its own', () => {
    const content = raw();
    content.articles = [
      articleEntry('a', 20),
      articleEntry('b', 20, { commentsCloseAfterDays: 30 }),
      articleEntry('c', 20, { commentsCloseAfterDays: null }),
    ];
    const site = assembleSite(content, { ...options, commentsCloseAfterDays: 5 });
    expect(site.article('a')?.commentsMode).toBe('closed');
    expect(site.article('a')?.commentsCloseAt?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(site.article('b')?.commentsMode).toBe('open');
    expect(site.article('c')?.commentsMode).toBe('open');
    expect(site.article('c')?.commentsCloseAt).toBeUndefined();
  });

  test('applies the site’s comment mode where the article sets none', () => {
    const site = assembleSite(raw(), options);
    expect(site.article('a')?.commentsMode).toBe('subscribers');
    expect(site.article('b')?.commentsMode).toBe('open');
  });

  test('resolves authors and picks', () => {
    const site = assembleSite(raw(), options);
    expect(site.article('a')?.authors.map((a) => a.name)).toEqual(['Claire Dumas']);
    expect(site.picks.map((a) => a.slug)).toEqual(['b']);
  });

  test('refuses to build on a broken reference, naming the file and the field', () => {
    const broken = raw();
    broken.comments.push(commentEntry('c05', 'published', 'c99', 17));
    expect(() => assembleSite(broken, options)).toThrow(ContentError);
    expect(() => assembleSite(broken, options)).toThrow('content/comments/a/c05.md: replyTo: no comment "c99" in a/');
  });
});
