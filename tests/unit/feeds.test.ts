import { describe, expect, test } from 'vitest';
import { absolutize, feedBody, hasCommentFeed } from '../../src/lib/feeds';
import { liveCoverage } from '../../src/lib/live';

describe('feeds', () => {
  test('make root-relative addresses absolute, and leave others as they are', () => {
    expect(
      absolutize(
        '<a href="/economie/a/">a</a> <img src="/_astro/b.jpg" alt=""> <a href="https://ailleurs.fr/x">x</a> <a href="//cdn.fr/y">y</a> <a href="#note">n</a>',
        'https://kiosque.example',
      ),
    ).toBe(
      '<a href="https://kiosque.example/economie/a/">a</a> <img src="https://kiosque.example/_astro/b.jpg" alt=""> <a href="https://ailleurs.fr/x">x</a> <a href="//cdn.fr/y">y</a> <a href="#note">n</a>',
    );
  });

  test('give the full text with the picture and its credit, each « Lire aussi » as a link, no newsletter box', () => {
    const html =
      '<p>Début.</p><kiosque-slot data-slot="read-also" data-article="autre"></kiosque-slot>' +
      '<p>Milieu.</p><kiosque-slot data-slot="newsletter"></kiosque-slot><p>Fin.</p>';
    const body = feedBody(
      { html: { digest: 'd', read: () => html }, corrections: [], updates: [] },
      { autre: { title: 'L\'autre "article"', url: '/economie/autre/' } },
      'https://kiosque.example',
      {
        url: 'https://kiosque.example/_astro/p.jpg',
        width: 1200,
        height: 675,
        alt: 'Une <usine>',
        credit: 'A. B. / Kiosque',
      },
    );
    expect(body).toBe(
      [
        '<figure><img src="https://kiosque.example/_astro/p.jpg" width="1200" height="675" alt="Une &lt;usine&gt;" /><figcaption>A. B. / Kiosque</figcaption></figure>',
        '<p>Début.</p>',
        '<p>Lire aussi\u00A0: <a href="https://kiosque.example/economie/autre/">L’autre «\u00A0article\u00A0»</a></p>',
        '<p>Milieu.</p>',
        '<p>Fin.</p>',
      ].join('\n'),
    );
  });

  test('open a corrected story with its corrections and updates, newest first, as the page does', () => {
    const body = feedBody(
      {
        html: { digest: 'd', read: () => '<p>Texte.</p>' },
        corrections: [{ date: new Date('2026-11-29T08:30:00Z'), text: 'Le maire se prénomme Paul.' }],
        updates: [{ date: new Date('2026-11-29T10:00:00Z'), text: 'La préfecture a <réagi>.' }],
      },
      {},
      'https://kiosque.example',
    );
    expect(body).toBe(
      [
        '<p><strong>Mise à jour</strong> (29 novembre 2026 à\u00A011\u00A0h\u00A000)\u00A0: La préfecture a &lt;réagi&gt;.</p>',
        '<p><strong>Rectificatif</strong> (29 novembre 2026 à\u00A09\u00A0h\u00A030)\u00A0: Le maire se prénomme Paul.</p>',
        '<p>Texte.</p>',
      ].join('\n'),
    );
  });

  test('give a live’s three latest messages after its summary, with their time and title', () => {
    const message = (name: string, hour: number, title?: string) => ({
      id: `tempete/${name}`,
      anchor: `message-${name}`,
      publishedAt: new Date(Date.UTC(2026, 10, 29, hour)),
      title,
      authors: [],
      source: 'AFP',
      html: { digest: name, read: () => `<p>Message ${name}, <a href="/societe/x/">lien</a>.</p>` },
    });
    const live = liveCoverage(
      undefined,
      [message('a', 6), message('b', 7, 'Trains "suspendus"'), message('c', 8), message('d', 9)],
      new Date('2026-11-29T12:00:00+01:00'),
    );
    const body = feedBody(
      { html: { digest: 'd', read: () => '<p>L’essentiel.</p>' }, corrections: [], updates: [], live },
      {},
      'https://kiosque.example',
    );
    expect(body).toBe(
      [
        '<p>L’essentiel.</p>',
        '<h2>Les derniers messages du direct</h2>',
        '<p><strong>10\u00A0h\u00A000</strong></p>',
        '<p>Message d, <a href="https://kiosque.example/societe/x/">lien</a>.</p>',
        '<p><strong>9\u00A0h\u00A000</strong></p>',
        '<p>Message c, <a href="https://kiosque.example/societe/x/">lien</a>.</p>',
        '<p><strong>8\u00A0h\u00A000</strong> — Trains «\u00A0suspendus\u00A0»</p>',
        '<p>Message b, <a href="https://kiosque.example/societe/x/">lien</a>.</p>',
      ].join('\n'),
    );
  });

  test('offer a comment feed where comments exist or may still come', () => {
    expect(hasCommentFeed({ commentsMode: 'open' }, 0)).toBe(true);
    expect(hasCommentFeed({ commentsMode: 'subscribers' }, 0)).toBe(true);
    expect(hasCommentFeed({ commentsMode: 'closed' }, 2)).toBe(true);
    expect(hasCommentFeed({ commentsMode: 'closed' }, 0)).toBe(false);
  });
});
