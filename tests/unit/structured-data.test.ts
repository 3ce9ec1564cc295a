import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/site';
import { breadcrumbs, newsArticle, pictureCrops, webSite, type Publisher } from '../../src/lib/structured-data';

const publisher: Publisher = {
  name: 'Kiosque',
  origin: 'https://kiosque.example',
  logo: { url: 'https://kiosque.example/logo.png', width: 512, height: 512 },
  publishingPrinciples: '/infos/charte-editoriale/',
};

const section = {
  id: 'economie',
  name: 'Économie',
  description: '',
  order: 1,
  url: '/economie/',
  newsletter: { title: '', cadence: '', pitch: '' },
};
const story = (extra: Partial<Article> = {}): Article => ({
  slug: 'usine',
  url: '/economie/usine/',
  file: 'content/articles/usine.md',
  title: 'Batteries : une usine',
  standfirst: 'Un chapô.',
  section,
  authors: [{ id: 'claire-dumas', name: 'Claire Dumas', url: '/auteurs/claire-dumas/' }],
  publishedAt: new Date('2026-07-01T05:40:00Z'),
  tags: ['industrie', 'énergie'],
  related: [],
  commentsMode: 'open',
  status: 'published',
  corrections: [],
  updates: [],
  readingMinutes: 3,
  readAlso: [],
  contents: [],
  html: { digest: 'd', read: () => '' },
  ...extra,
});

describe('structured data of a story', () => {
  test('is a NewsArticle with everything Google News reads', () => {
    const images = [{ url: 'https://kiosque.example/_astro/a.jpg', width: 1200, height: 675 }];
    const data = newsArticle(story({ updatedAt: new Date('2026-12-01T09:00:00Z') }), {
      publisher,
      images,
      commentCount: 4,
    });
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Batteries\u00A0: une usine',
      description: 'Un chapô.',
      datePublished: '2026-07-01T07:40+02:00',
      dateModified: '2026-12-01T10:00+01:00',
      mainEntityOfPage: 'https://kiosque.example/economie/usine/',
      author: [{ '@type': 'Person', name: 'Claire Dumas', url: 'https://kiosque.example/auteurs/claire-dumas/' }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Kiosque',
        logo: { '@type': 'ImageObject', url: 'https://kiosque.example/logo.png', width: 512, height: 512 },
        publishingPrinciples: 'https://kiosque.example/infos/charte-editoriale/',
      },
      image: [{ '@type': 'ImageObject', url: 'https://kiosque.example/_astro/a.jpg', width: 1200, height: 675 }],
      articleSection: 'Économie',
      keywords: ['industrie', 'énergie'],
      isAccessibleForFree: true,
      commentCount: 4,
    });
  });

  test('is signed by the agency as an organisation, and modified when published if never updated', () => {
    const data = newsArticle(story({ authors: [], source: 'AFP' }), { publisher, images: [], commentCount: 0 });
    expect(data['author']).toEqual([{ '@type': 'Organization', name: 'AFP' }]);
    expect(data['dateModified']).toBe(data['datePublished']);
    expect(data).not.toHaveProperty('correction');
  });

  test('carries each correction as a CorrectionComment with its text and date', () => {
    const data = newsArticle(
      story({
        corrections: [
          { date: new Date('2026-07-02T08:00:00Z'), text: 'Le directeur se prénomme Paul, et non Pierre : pardon.' },
        ],
        updates: [{ date: new Date('2026-07-03T08:00:00Z'), text: 'La direction a répondu.' }],
      }),
      { publisher, images: [], commentCount: 0 },
    );
    expect(data['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'Le directeur se prénomme Paul, et non Pierre\u00A0: pardon.',
        datePublished: '2026-07-02T10:00+02:00',
      },
    ]);
  });

  test('offers pictures in 16:9, 4:3 and 1:1, never wider than 1,200 pixels nor than the original', () => {
    expect(pictureCrops(1600, 900)).toEqual([
      { width: 1200, height: 675 },
      { width: 1200, height: 900 },
      { width: 900, height: 900 },
    ]);
    expect(pictureCrops(800, 600)).toEqual([
      { width: 800, height: 450 },
      { width: 800, height: 600 },
      { width: 600, height: 600 },
    ]);
  });

  test('has a breadcrumb home › section › story, and the site a search action', () => {
    const trail = breadcrumbs(
      [
        { name: 'Accueil', path: '/' },
        { name: 'Économie', path: '/economie/' },
      ],
      publisher.origin,
    );
    expect(trail['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: 'https://kiosque.example/' },
      { '@type': 'ListItem', position: 2, name: 'Économie', item: 'https://kiosque.example/economie/' },
    ]);
    expect(webSite(publisher, '/recherche/')['potentialAction']).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://kiosque.example/recherche/?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });
});
