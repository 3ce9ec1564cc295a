import { describe, expect, test } from 'vitest';
import ArticleHeader from '../../src/components/article/ArticleHeader.astro';
import ReadAlso from '../../src/components/article/ReadAlso.astro';
import { text, useContainer } from './render';

const render = useContainer();

const header = {
  title: 'Le tarif de l’électricité baisse',
  kicker: 'VIDÉO.',
  standfirst: 'Une baisse de 4 % au 1er février.',
  section: { name: 'Économie', url: '/economie/' },
  authors: [],
  source: 'AFP',
  publishedAt: new Date('2026-11-28T16:05:00Z'),
  readingMinutes: 3,
};

describe('ArticleHeader', () => {
  test('shows the kicker opening the standfirst, the credit, the date and the reading time', async () => {
    const html = await render(ArticleHeader, header);
    expect(html).toMatch(/<h1[^>]*>\s*Le tarif de l’électricité baisse\s*<\/h1>/);
    expect(text(html)).toContain('VIDÉO. Une baisse de 4 % au 1er février.');
    expect(text(html)).toContain('Source AFP');
    expect(text(html)).toContain('Publié le 28 novembre 2026 à\u00A017\u00A0h\u00A005');
    expect(html).toContain('datetime="2026-11-28T17:05+01:00"');
    expect(text(html)).toContain('Temps de lecture\u00A0: 3\u00A0min');
    expect(text(html)).not.toContain('Modifié le');
  });

  test('names every author and says when the article was changed', async () => {
    const html = await render(ArticleHeader, {
      ...header,
      source: undefined,
      authors: [
        { id: 'a', name: 'Claire Dumas' },
        { id: 'b', name: 'Karim Benali' },
        { id: 'c', name: 'Léa Morvan' },
      ],
      updatedAt: new Date('2026-11-28T18:40:00Z'),
    });
    expect(text(html)).toContain('Par Claire Dumas, Karim Benali et Léa Morvan');
    expect(text(html)).not.toContain('Source');
    expect(text(html)).toContain('Modifié le 28 novembre 2026 à\u00A019\u00A0h\u00A040');
  });
});

describe('ReadAlso', () => {
  test('links « Lire aussi » to the article under its current title', async () => {
    const html = await render(ReadAlso, { title: 'Qui écoute nos enceintes ?', href: '/economie/enceintes/' });
    expect(text(html)).toBe('Lire aussi Qui écoute nos enceintes\u202F?');
    expect(html).toMatch(/<a href="\/economie\/enceintes\/"[^>]*>Qui écoute nos enceintes\u202F\?<\/a>/);
  });
});
