import { describe, expect, test } from 'vitest';
import { cacheKey } from '../../src/lib/cache-key';
import { ContentError } from '../../src/lib/integrity';
import { assembleSite, type RawContent } from '../../src/lib/site';

const newsletter = { title: 'La lettre', cadence: 'Le lundi', pitch: 'Tout.' };
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour));

function articleEntry(id: string, day: number, extra: Partial<RawContent['articles'][number]['data']> = {}) {
  return {
    id,
    filePath: `content/articles/${id}.md`,
    html: { digest: `digest-${id}`, read: () => `<p>${id}</p>` },
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
      corrections: [],
      updates: [],
      ...extra,
    },
  };
}

function commentEntry(id: string, status: 'published' | 'pending' | 'rejected', replyTo?: string, hour = 13) {
  return {
    id: `a/${id}`,
    filePath: `content/comments/a/${id}.md`,
    html: { digest: `digest-${id}`, read: () => `<p>${id}</p>` },
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
    front: [{ id: 'une', data: { articles: [] } }],
    frontFile: 'content/une.yaml',
  };
}

const options = {
  defaultCommentsMode: 'open' as const,
  commentsCloseAfterDays: null,
  relatedMax: 4,
  now: new Date('2026-11-29T12:00:00Z'),
  previews: false,
  front: { secondaryCount: 2, perSection: 3, latestCount: 10, mostCommentedCount: 5, mostCommentedDays: 7 },
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

  test('keeps a story dated after the build’s clock out until the clock reaches it', () => {
    const content = raw();
    content.articles.push(articleEntry('programme', 29, { publishedAt: new Date('2026-12-03T06:00:00Z') }));
    const before = assembleSite(content, { ...options, now: new Date('2026-12-03T05:59:59Z') });
    expect(before.article('programme')).toBeUndefined();
    expect(before.articles.map((a) => a.slug)).toEqual(['b', 'a']);
    const after = assembleSite(content, { ...options, now: new Date('2026-12-03T06:00:00Z') });
    expect(after.article('programme')?.status).toBe('published');
    expect(after.articles.map((a) => a.slug)).toEqual(['programme', 'b', 'a']);
    expect(after.months.map((month) => month.slug)).toContain('2026/12');
  });

  test('lets « À la une » name a scheduled story ahead of time: it leads from its publication on', () => {
    const content = raw();
    content.articles.push(articleEntry('programme', 29, { publishedAt: new Date('2026-12-03T06:00:00Z') }));
    content.front = [{ id: 'une', data: { articles: [{ id: 'programme' }, { id: 'a' }] } }];
    const before = assembleSite(content, { ...options, now: new Date('2026-12-03T05:50:00Z') });
    expect([before.front.lead?.slug, ...before.front.secondary.map((a) => a.slug)]).toEqual(['a', 'b']);
    const after = assembleSite(content, { ...options, now: new Date('2026-12-03T06:10:00Z') });
    expect([after.front.lead?.slug, after.front.secondary[0]?.slug]).toEqual(['programme', 'a']);
  });

  test('previews drafts and scheduled stories, soonest first, only when asked (astro dev)', () => {
    const content = raw();
    content.articles.push(articleEntry('programme', 29, { publishedAt: new Date('2026-12-03T06:00:00Z') }));
    expect(assembleSite(content, options).previews).toEqual([]);
    const dev = assembleSite(content, { ...options, previews: true });
    expect(dev.previews.map((a) => [a.slug, a.status])).toEqual([
      ['brouillon', 'draft'],
      ['programme', 'scheduled'],
    ]);
    // Previews are shown at their own address, never in the site's lists.
    expect(dev.articles.map((a) => a.slug)).toEqual(['b', 'a']);
    expect(dev.previews[1]?.url).toBe('/economie/programme/');
  });

  test('dates « Modifié le » from the latest of updatedAt, corrections and updates', () => {
    const content = raw();
    content.articles = [
      articleEntry('a', 20, {
        updatedAt: at(21),
        corrections: [{ date: at(23), text: 'Le chiffre était faux.' }],
        updates: [{ date: at(22), text: 'Le ministre a répondu.' }],
      }),
      articleEntry('b', 20, { updatedAt: at(24), updates: [{ date: at(22), text: 'Réaction.' }] }),
      articleEntry('c', 20),
    ];
    content.comments = [];
    content.picks = [];
    const site = assembleSite(content, options);
    expect(site.article('a')?.updatedAt).toEqual(at(23));
    expect(site.article('b')?.updatedAt).toEqual(at(24));
    expect(site.article('c')?.updatedAt).toBeUndefined();
  });

  test('lists every correction of a published story, newest first, with its story', () => {
    const content = raw();
    content.articles = [
      articleEntry('a', 20, {
        corrections: [
          { date: at(21), text: 'Première.' },
          { date: at(25), text: 'Troisième.' },
        ],
      }),
      articleEntry('b', 20, { corrections: [{ date: at(22), text: 'Deuxième.' }] }),
      articleEntry('brouillon', 20, { draft: true, corrections: [{ date: at(26), text: 'Invisible.' }] }),
    ];
    content.comments = [];
    content.picks = [];
    const site = assembleSite(content, options);
    expect(site.corrections.map(({ article, note }) => [article.slug, note.text])).toEqual([
      ['a', 'Troisième.'],
      ['b', 'Deuxième.'],
      ['a', 'Première.'],
    ]);
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

  test('a draft or a missing story in « À la une » stops the build, naming the file and the entry', () => {
    const content = raw();
    content.front = [{ id: 'une', data: { articles: [{ id: 'b' }, { id: 'brouillon' }, { id: 'disparu' }] } }];
    expect(() => assembleSite(content, options)).toThrow(
      'content/une.yaml: une.articles[1]: "brouillon" is still a draft\n  content/une.yaml: une.articles[2]: no article "disparu"',
    );
  });

  test('a missing « À la une » file stops the build, saying how to let the site choose', () => {
    const content = raw();
    content.front = [];
    expect(() => assembleSite(content, options)).toThrow(
      'content/une.yaml: une: missing: write `une: { articles: [] }`',
    );
  });

  test('the editors’ lead story leads the home page, whatever its date', () => {
    const content = raw();
    content.front = [{ id: 'une', data: { articles: [{ id: 'a' }] } }];
    const { front } = assembleSite(content, options);
    expect(front.lead?.slug).toBe('a');
    expect(front.secondary.map((a) => a.slug)).toEqual(['b']);
  });

  test('lists the stories citing an article, in « Lire aussi » or as related', () => {
    const content = raw();
    content.articles = [
      articleEntry('cite', 20),
      { ...articleEntry('lien', 21), facts: { readingMinutes: 2, readAlso: ['cite'] } },
      articleEntry('relie', 22, { related: [{ id: 'cite' }] }),
      articleEntry('brouillon', 23, { draft: true, related: [{ id: 'cite' }] }),
      articleEntry('autre', 24),
    ];
    content.comments = [];
    content.picks = [];
    const site = assembleSite(content, options);
    const cite = site.article('cite');
    expect(cite && site.articlePage(cite).citedBy.map((s) => s.slug)).toEqual(['relie', 'lien']);
    // « Sur le même sujet » does not repeat them.
    expect(cite && site.articlePage(cite).related.map((s) => s.slug)).toEqual(['autre']);
    const autre = site.article('autre');
    expect(autre && site.articlePage(autre).citedBy).toEqual([]);
  });

  test('gives each author, tag, agency and month its stories, newest first', () => {
    const content = raw();
    content.articles = [
      articleEntry('a', 20, { tags: ['Vie privée', 'numérique'], authors: [{ id: 'claire' }], source: undefined }),
      articleEntry('b', 22, { tags: ['vie privée'], source: 'AFP' }),
      articleEntry('c', 1, { tags: [], source: 'Reuters', publishedAt: new Date('2026-10-31T23:30:00Z') }),
    ];
    const site = assembleSite(content, options);
    const names = (list: { slug: string; articles: { slug: string }[] }[]) =>
      list.map((l) => [l.slug, l.articles.map((a) => a.slug)]);
    expect(names(site.tags)).toEqual([
      ['numerique', ['a']],
      ['vie-privee', ['b', 'a']],
    ]);
    expect(site.tags.find((t) => t.slug === 'vie-privee')).toMatchObject({
      name: 'vie privée',
      url: '/sujets/vie-privee/',
    });
    expect(names(site.agencies)).toEqual([
      ['afp', ['b']],
      ['reuters', ['c']],
    ]);
    expect(site.authors.map((a) => [a.url, a.articles.map((s) => s.slug)])).toEqual([['/auteurs/claire/', ['a']]]);
  });

  test('gives each author the stories they signed, newest first, once each, and none to an author who signed none', () => {
    const content = raw();
    content.authors = [
      { id: 'claire', data: { name: 'Claire Dumas' } },
      { id: 'paul', data: { name: 'Paul Néant' } },
      { id: 'ines', data: { name: 'Inès Bravo' } },
    ];
    content.articles = [
      articleEntry('a', 20, { authors: [{ id: 'claire' }, { id: 'ines' }] }),
      articleEntry('b', 22, { authors: [{ id: 'ines' }, { id: 'ines' }] }),
      articleEntry('c', 1, { authors: [{ id: 'claire' }] }),
    ];
    const site = assembleSite(content, options);
    expect(site.authors.map((a) => [a.name, a.articles.map((s) => s.slug)])).toEqual([
      ['Claire Dumas', ['a', 'c']],
      ['Inès Bravo', ['b', 'a']],
      ['Paul Néant', []],
    ]);
    // 23 h 30 UTC on 31 October is already November in Paris.
    expect(site.months.map((m) => [m.url, m.name, m.articles.length])).toEqual([
      ['/archives/2026/11/', 'novembre 2026', 3],
    ]);
  });
});

describe('live coverage', () => {
  function liveEntry(name: string, day: number, hour: number, title?: string) {
    return {
      id: `direct/${name}`,
      filePath: `content/live/direct/${name}.md`,
      html: { digest: `digest-${name}`, read: () => `<p>${name}</p>` },
      facts: { problems: [] },
      data: { publishedAt: at(day, hour), authors: [{ id: 'claire' }], title },
    };
  }
  function withLive(): RawContent {
    const content = raw();
    content.articles.push(articleEntry('direct', 28, { live: true }), articleEntry('fini', 21, { live: true }));
    content.articles[4]!.data.liveEndedAt = at(21, 23);
    content.live = [liveEntry('b', 29, 9, 'Vigilance rouge'), liveEntry('c', 29, 11), liveEntry('a', 29, 7)];
    return content;
  }

  test('gives a live its messages newest first, with their authors, and says it runs at the build’s clock', () => {
    const site = assembleSite(withLive(), options);
    const live = site.article('direct')?.live;
    expect(live?.running).toBe(true);
    expect(live?.entries.map((e) => [e.anchor, e.title, e.authors.map((a) => a.name)])).toEqual([
      ['message-c', undefined, ['Claire Dumas']],
      ['message-b', 'Vigilance rouge', ['Claire Dumas']],
      ['message-a', undefined, ['Claire Dumas']],
    ]);
    expect(site.article('fini')?.live?.running).toBe(false);
    expect(site.article('a')?.live).toBeUndefined();
  });

  test('holds back a message dated after the build’s clock until a build passes it', () => {
    const content = withLive();
    content.live?.push(liveEntry('plus-tard', 29, 15));
    const messages = (now: Date) =>
      assembleSite(content, { ...options, now })
        .article('direct')
        ?.live?.entries.map((e) => e.anchor);
    expect(messages(new Date('2026-11-29T12:00:00Z'))).not.toContain('message-plus-tard');
    expect(messages(new Date('2026-11-29T15:00:00Z'))?.[0]).toBe('message-plus-tard');
  });

  test('dates a live’s last change by its latest message', () => {
    const site = assembleSite(withLive(), options);
    expect(site.article('direct')?.updatedAt?.toISOString()).toBe('2026-11-29T11:00:00.000Z');
    expect(site.article('a')?.updatedAt).toBeUndefined();
  });

  test('a new message changes the live’s page and the cards showing it; an ended live’s cards say nothing', () => {
    const before = assembleSite(withLive(), options);
    const content = withLive();
    content.live?.push(liveEntry('d', 29, 11));
    const after = assembleSite(content, options);
    const page = (site: typeof before) => cacheKey(site.articlePage(site.article('direct')!));
    expect(page(after)).not.toBe(page(before));
    expect(cacheKey(after.articlePage(after.article('a')!))).toBe(cacheKey(before.articlePage(before.article('a')!)));
    const cards = after.listingShows(after.articles).cards;
    expect(cards.filter((card) => card.live).map((card) => card.url)).toEqual(['/economie/direct/']);
    const lists = after.listingShows(after.articles).picks.concat(after.articlePage(after.article('a')!).related);
    expect(lists.filter((story) => story.live?.running).map((story) => story.slug)).toEqual(['direct']);
    expect(lists.map((story) => story.slug)).toContain('fini');
  });

  test('the clock alone ends a live: its page and its cards are made again when its end has passed', () => {
    const content = () => {
      const c = withLive();
      c.articles[3]!.data.liveEndedAt = at(29, 18);
      return c;
    };
    const during = assembleSite(content(), options);
    const after = assembleSite(content(), { ...options, now: new Date('2026-11-30T08:00:00Z') });
    expect(during.article('direct')?.live?.running).toBe(true);
    expect(after.article('direct')?.live?.running).toBe(false);
    const page = (site: typeof during) => cacheKey(site.articlePage(site.article('direct')!));
    expect(page(after)).not.toBe(page(during));
    const liveCards = (site: typeof during) => site.listingShows(site.articles).cards.filter((card) => card.live);
    expect(liveCards(during)).toHaveLength(1);
    expect(liveCards(after)).toHaveLength(0);
  });

  test('a message in the folder of an ordinary article stops the build, naming the file', () => {
    const content = withLive();
    content.live?.push({ ...liveEntry('x', 29, 10), id: 'a/x', filePath: 'content/live/a/x.md' });
    expect(() => assembleSite(content, options)).toThrow(
      'content/live/a/x.md: folder: "a" is not a live coverage: add `live: true` to content/articles/a.md',
    );
  });
});
