import { describe, expect, test } from 'vitest';
import ArticleNotes from '../../src/components/article/ArticleNotes.astro';
import PreviewNotice from '../../src/components/article/PreviewNotice.astro';
import { text, useContainer } from './render';

const render = useContainer();

describe('ArticleNotes', () => {
  test('prints corrections and updates with their dates, newest first, the French way', async () => {
    const html = await render(ArticleNotes, {
      corrections: [{ date: new Date('2026-11-29T08:30:00Z'), text: 'Le maire se prénomme Paul, et non Pierre.' }],
      updates: [{ date: new Date('2026-11-29T15:05:00Z'), text: 'La préfecture a réagi : voir plus bas.' }],
    });
    const notes = [...html.matchAll(/<p[^>]*data-part="(correction|update)"[^>]*>([\s\S]*?)<\/p>/g)].map(
      (m) => `${m[1]}: ${text(m[2] ?? '')}`,
    );
    expect(notes).toEqual([
      'update: Mise à jour — 29 novembre 2026 à\u00A016\u00A0h\u00A005 La préfecture a réagi\u00A0: voir plus bas.',
      'correction: Rectificatif — 29 novembre 2026 à\u00A09\u00A0h\u00A030 Le maire se prénomme Paul, et non Pierre.',
    ]);
    expect(html).toContain('aria-label="Rectificatifs et mises à jour"');
  });

  test('prints nothing for a story never corrected nor updated', async () => {
    expect((await render(ArticleNotes, { corrections: [], updates: [] })).trim()).toBe('');
  });
});

describe('PreviewNotice', () => {
  const now = new Date('2026-11-29T11:00:00Z');

  test('says a draft is one, and where the other previews are', async () => {
    const html = await render(PreviewNotice, { status: 'draft', publishedAt: now, now });
    expect(text(html)).toMatch(/^Brouillon Cet article n’est pas publié/);
    expect(html).toContain('href="/brouillons/"');
  });

  test('says when a scheduled story comes out, without the year when it is this year', async () => {
    const html = await render(PreviewNotice, {
      status: 'scheduled',
      publishedAt: new Date('2026-12-03T06:00:00Z'),
      now,
    });
    expect(text(html)).toContain('Programmé pour le 3 décembre à\u00A07\u00A0h\u00A000');
    expect(html).toContain('datetime="2026-12-03T07:00+01:00"');
  });
});
