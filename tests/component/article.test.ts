import { describe, expect, test } from 'vitest';
import ArticleBody from '../../src/components/article/ArticleBody.astro';
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
    expect(text(html)).toContain('VIDÉO. Une baisse de 4\u202F% au 1er février.');
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
        { id: 'a', name: 'Claire Dumas', url: '/auteurs/a/' },
        { id: 'b', name: 'Karim Benali', url: '/auteurs/b/' },
        { id: 'c', name: 'Léa Morvan', url: '/auteurs/c/' },
      ],
      updatedAt: new Date('2026-11-28T18:40:00Z'),
    });
    const byline = html.match(/data-part="byline"[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '';
    expect(byline.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toBe('Par Claire Dumas, Karim Benali et Léa Morvan');
    // Each name leads to its author's page.
    expect([...byline.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/auteurs/a/',
      '/auteurs/b/',
      '/auteurs/c/',
    ]);
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

describe('ArticleBody', () => {
  const body = {
    segments: [{ kind: 'html', html: '<p>Premier paragraphe.</p><h2 id="un">Un</h2>' }],
    links: {},
    newsletter: { title: 'La lettre', cadence: 'Chaque matin', pitch: 'L’essentiel.' },
    section: 'economie',
  };
  const contents = [
    { id: 'un', text: 'Un' },
    { id: 'deux-lété', text: 'Deux : l’été' },
    { id: 'trois', text: 'Trois' },
    { id: 'quatre', text: 'Quatre' },
  ];

  test('opens with a « Sommaire » linking each intertitle, in reading order', async () => {
    const html = await render(ArticleBody, { ...body, contents });
    const nav = /<nav aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
    expect(nav).not.toBeNull();
    expect(html.indexOf('<nav')).toBeLessThan(html.indexOf('Premier paragraphe'));
    expect(html).toMatch(new RegExp(`<p id="${nav?.[1]}"[^>]*>Sommaire</p>`));
    const links = [...(nav?.[2] ?? '').matchAll(/<li[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)];
    expect(links.map((link) => [link[1], link[2]])).toEqual([
      ['#un', 'Un'],
      ['#deux-lété', 'Deux : l’été'],
      ['#trois', 'Trois'],
      ['#quatre', 'Quatre'],
    ]);
    expect(nav?.[2]).toMatch(/^<p [^>]*>Sommaire<\/p><ol[ >]/);
  });

  test('has no « Sommaire » when the article has none', async () => {
    const html = await render(ArticleBody, { ...body, contents: [] });
    expect(html).not.toContain('<nav');
    expect(text(html)).not.toContain('Sommaire');
  });
});
