import { describe, expect, test } from 'vitest';
import { assembleSite, type RawContent } from '../../src/lib/site';
import {
  NEWS_MAX_URLS,
  SITEMAP_MAX_URLS,
  chunk,
  newsArticles,
  newsSitemapXml,
  sitemapEntries,
  sitemapIndexXml,
  urlsetXml,
} from '../../src/lib/sitemaps';

const newsletter = { title: 'La lettre', cadence: 'Le lundi', pitch: 'Tout.' };
const now = new Date('2026-11-29T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

function article(id: string, publishedAt: Date, extra: Partial<RawContent['articles'][number]['data']> = {}) {
  return {
    id,
    html: { digest: id, read: () => `<p>${id}</p>` },
    facts: {},
    data: {
      title: `Titre ${id}`,
      standfirst: 'Chapô.',
      section: { id: 'economie' },
      authors: [{ id: 'claire' }],
      publishedAt,
      tags: ['Climat'],
      related: [],
      draft: false,
      corrections: [],
      updates: [],
      ...extra,
    },
  };
}

function site(articles: RawContent['articles']) {
  return assembleSite(
    {
      sections: [{ id: 'economie', data: { name: 'Économie', description: 'Argent.', order: 1, newsletter } }],
      authors: [{ id: 'claire', data: { name: 'Claire Dumas' } }],
      articles,
      comments: [],
      pages: [
        {
          id: 'mentions-legales',
          html: { digest: 'p', read: () => '' },
          facts: {},
          data: { title: 'Mentions', description: 'Légal.', updatedAt: new Date('2026-11-01T00:00:00Z') },
        },
      ],
      picks: [],
      picksFile: 'picks.yaml',
      front: [{ id: 'une', data: { articles: [] } }],
      frontFile: 'une.yaml',
    },
    {
      defaultCommentsMode: 'open',
      commentsCloseAfterDays: null,
      relatedMax: 3,
      now,
      previews: false,
      front: { secondaryCount: 1, perSection: 1, latestCount: 1, mostCommentedCount: 1, mostCommentedDays: 7 },
    },
  );
}

describe('sitemaps', () => {
  const sample = site([
    article('ancien', hoursAgo(100), { updatedAt: hoursAgo(3) }),
    article('recent', hoursAgo(2)),
    article('brouillon', hoursAgo(1), { draft: true }),
    article('programme', new Date(now.getTime() + 3_600_000)),
  ]);

  test('list every published page once, with the date its content last changed, and no draft or scheduled story', () => {
    const entries = sitemapEntries(sample);
    const paths = entries.map((entry) => entry.path);
    expect(paths).toEqual([
      '/',
      '/economie/',
      '/economie/recent/',
      '/economie/ancien/',
      '/auteurs/claire/',
      '/sujets/climat/',
      '/archives/',
      '/archives/2026/11/',
      '/infos/mentions-legales/',
    ]);
    const lastmod = Object.fromEntries(entries.map((entry) => [entry.path, entry.lastmod.toISOString()]));
    // An update counts: the old story was changed after the new one was published.
    expect(lastmod['/economie/ancien/']).toBe(hoursAgo(3).toISOString());
    expect(lastmod['/']).toBe(hoursAgo(2).toISOString());
    expect(lastmod['/infos/mentions-legales/']).toBe('2026-11-01T00:00:00.000Z');
  });

  test('hold at most 50,000 addresses each', () => {
    const many = Array.from({ length: SITEMAP_MAX_URLS * 2 + 1 }, (_, index) => index);
    expect(chunk(many).map((part) => part.length)).toEqual([SITEMAP_MAX_URLS, SITEMAP_MAX_URLS, 1]);
    expect(chunk([])).toEqual([]);
  });

  test('write absolute addresses and W3C dates with Paris offsets, escaped for XML', () => {
    const xml = urlsetXml(
      [{ path: '/sujets/a&b/', lastmod: new Date('2026-07-01T10:00:00Z') }],
      'https://kiosque.example',
    );
    expect(xml).toContain(
      '<loc>https://kiosque.example/sujets/a&amp;b/</loc><lastmod>2026-07-01T12:00+02:00</lastmod>',
    );
    const index = sitemapIndexXml(
      [
        { path: '/sitemap-1.xml', lastmod: new Date('2026-11-29T08:00:00Z') },
        { path: '/sitemap-news.xml', lastmod: undefined },
      ],
      'https://kiosque.example',
    );
    expect(index).toContain(
      '<sitemap><loc>https://kiosque.example/sitemap-1.xml</loc><lastmod>2026-11-29T09:00+01:00</lastmod></sitemap>',
    );
    expect(index).toContain('<sitemap><loc>https://kiosque.example/sitemap-news.xml</loc></sitemap>');
  });
});

describe('the Google News sitemap', () => {
  test('takes only the stories published in the 48 hours before the build, newest first', () => {
    const news = newsArticles(
      site([
        article('hier', hoursAgo(24)),
        article('limite', hoursAgo(47.9)),
        article('trop-vieux', hoursAgo(48)),
        article('brouillon', hoursAgo(1), { draft: true }),
        article('programme', new Date(now.getTime() + 60_000)),
      ]),
    );
    expect(news.map((a) => a.slug)).toEqual(['hier', 'limite']);
  });

  test('stops at 1,000 stories, the newest', () => {
    const many = Array.from({ length: NEWS_MAX_URLS + 5 }, (_, index) =>
      article(`a${String(index).padStart(4, '0')}`, new Date(now.getTime() - (index + 1) * 60_000)),
    );
    const news = newsArticles(site(many));
    expect(news).toHaveLength(NEWS_MAX_URLS);
    expect(news[0]?.slug).toBe('a0000');
    expect(news.at(-1)?.slug).toBe(`a0${NEWS_MAX_URLS - 1}`);
  });

  test('names the publication, its language, the date with its offset and the title, escaped', () => {
    const [story] = newsArticles(site([article('pluie', hoursAgo(1), { title: 'Pluie & vent : <alerte>' })]));
    const xml = newsSitemapXml(story ? [story] : [], 'https://kiosque.example', 'Kiosque');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain(
      '<news:publication><news:name>Kiosque</news:name><news:language>fr</news:language></news:publication>',
    );
    expect(xml).toContain('<news:publication_date>2026-11-29T12:00+01:00</news:publication_date>');
    expect(xml).toContain('<news:title>Pluie &amp; vent\u00A0: &lt;alerte&gt;</news:title>');
  });
});
