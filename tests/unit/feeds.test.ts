import { describe, expect, test } from 'vitest';
import { absolutize, feedBody, hasCommentFeed, latestForFeed } from '../../src/lib/feeds';
import { liveCoverage } from '../../src/lib/live';
import { siteConfig } from '../../src/site.config';

const now = new Date('2026-11-29T12:00:00Z');
const minutesAgo = (minutes: number) => ({ publishedAt: new Date(now.getTime() - minutes * 60_000), minutes });

describe('feeds', () => {
  test('carry the latest stories up to the cap, never one scheduled after the build', () => {
    const articles = [minutesAgo(-30), ...Array.from({ length: 80 }, (_, index) => minutesAgo(index))];
    const items = latestForFeed(articles, now);
    expect(items).toHaveLength(siteConfig.feedItems);
    expect(items[0]?.minutes).toBe(0);
    expect(items.some((item) => item.minutes < 0)).toBe(false);
  });

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
      { html: { digest: 'd', read: () => html } },
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
      { html: { digest: 'd', read: () => '<p>L’essentiel.</p>' }, live },
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
