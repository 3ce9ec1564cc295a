import { describe, expect, test } from 'vitest';
import LiveBadge from '../../src/components/live/LiveBadge.astro';
import LiveEnded from '../../src/components/live/LiveEnded.astro';
import LiveEntries from '../../src/components/live/LiveEntries.astro';
import LiveEssentials from '../../src/components/live/LiveEssentials.astro';
import { liveCoverage } from '../../src/lib/live';
import { text, useContainer } from './render';

const render = useContainer();

const claire = { id: 'claire-dumas', name: 'Claire Dumas', url: '/auteurs/claire-dumas/' };
const karim = { id: 'karim-benali', name: 'Karim Benali', url: '/auteurs/karim-benali/' };
const message = (
  name: string,
  publishedAt: string,
  extra: { title?: string; source?: string; authors?: unknown[] },
) => ({
  id: `tempete/${name}`,
  anchor: `message-${name}`,
  publishedAt: new Date(publishedAt),
  title: extra.title,
  authors: extra.authors ?? [],
  source: extra.source,
  html: { digest: name, read: () => `<p>Texte du message ${name}.</p>` },
});
const messages = [
  message('veille', '2026-11-28T23:50:00+01:00', { source: 'AFP' }),
  message('matin', '2026-11-29T09:40:00+01:00', { title: 'Vigilance "rouge"', authors: [claire, karim] }),
  message('midi', '2026-11-29T11:55:00+01:00', { authors: [claire], source: 'Météo-France' }),
];
const now = new Date('2026-11-29T12:00:00+01:00');

describe('LiveBadge', () => {
  test('says « En direct » in words, its dot hidden from screen readers', async () => {
    const html = await render(LiveBadge, {});
    expect(text(html)).toBe('● En direct');
    expect(html).toMatch(/<span aria-hidden="true"[^>]*>● <\/span>En direct/);
  });
});

describe('LiveEntries', () => {
  test('shows the messages newest first, each with its time, authors, title and text', async () => {
    const html = await render(LiveEntries, {
      live: liveCoverage(undefined, messages, now),
      status: '/s/t/direct.json',
    });
    const entries = [...html.matchAll(/<article id="([^"]+)"[\s\S]*?<\/article>/g)];
    expect(entries.map((m) => m[1])).toEqual(['message-midi', 'message-matin', 'message-veille']);
    const all = (pattern: RegExp) =>
      [...html.matchAll(pattern)].map((m) =>
        (m[1] ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/[ \t\r\n]+/g, ' ')
          .trim(),
      );
    expect(all(/<time[^>]*>([^<]*)<\/time>/g)).toEqual([
      '11\u00A0h\u00A055',
      '9\u00A0h\u00A040',
      '28 nov. à\u00A023\u00A0h\u00A050',
    ]);
    expect(all(/data-part="live-byline"[^>]*>([\s\S]*?)<\/span>/g)).toEqual([
      'Claire Dumas, Météo-France',
      'Claire Dumas, Karim Benali',
      'AFP',
    ]);
    expect(all(/<h3[^>]*>([\s\S]*?)<\/h3>/g)).toEqual(['Vigilance «\u00A0rouge\u00A0»']);
    expect(entries.map((m) => text(m[0]).split(' ').slice(-4).join(' '))).toEqual([
      'Texte du message midi.',
      'Texte du message matin.',
      'Texte du message veille.',
    ]);
    expect(text(html)).toMatch(/^Le fil du direct/);
  });

  test('gives each message a permalink to its anchor, with its time for machines', async () => {
    const html = await render(LiveEntries, {
      live: liveCoverage(undefined, messages, now),
      status: '/s/t/direct.json',
    });
    expect(html).toMatch(
      /<a href="#message-matin"[^>]*title="Lien vers ce message"[^>]*><time datetime="2026-11-29T09:40\+01:00"/,
    );
    expect(html).toMatch(/<a href="\/auteurs\/karim-benali\/"[^>]*>Karim Benali<\/a>/);
  });

  test('tells the page’s script where to ask for news while the live runs, and not after', async () => {
    const running = await render(LiveEntries, {
      live: liveCoverage(undefined, messages, now),
      status: '/s/t/direct.json',
    });
    expect(running).toContain('data-live-status="/s/t/direct.json"');
    const ended = await render(LiveEntries, {
      live: liveCoverage(new Date('2026-11-29T11:58:00+01:00'), messages, now),
      status: '/s/t/direct.json',
    });
    expect(ended).not.toContain('data-live-status');
  });
});

describe('LiveEssentials and LiveEnded', () => {
  test('a running live’s body is pinned under « L’essentiel »; an ended one reads as an article', async () => {
    const body = { default: '<p>Quatre départements en vigilance rouge.</p>' };
    const running = await render(LiveEssentials, { running: true }, body);
    expect(text(running)).toBe('L’essentiel Quatre départements en vigilance rouge.');
    expect(running).toMatch(/<section aria-labelledby="l-essentiel"/);
    const ended = await render(LiveEssentials, { running: false }, body);
    expect(ended.trim()).toBe('<p>Quatre départements en vigilance rouge.</p>');
  });

  test('an ended live says so', async () => {
    expect(text(await render(LiveEnded, {}))).toBe('Ce direct est terminé.');
  });
});
