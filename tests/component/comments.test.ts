import { describe, expect, test } from 'vitest';
import CommentArea from '../../src/components/comments/CommentArea.astro';
import CommentThread from '../../src/components/comments/CommentThread.astro';
import type { Comment } from '../../src/lib/site';
import { buildThreads } from '../../src/lib/threads';
import { text, useContainer } from './render';

const render = useContainer();

function comment(anchor: string, minute: number, replyTo?: string): Comment {
  return {
    id: `art/${anchor}`,
    anchor,
    article: 'art',
    pseudonym: `Lecteur-${anchor}`,
    publishedAt: new Date(Date.UTC(2026, 10, 28, 17, minute)),
    replyTo: replyTo && `art/${replyTo}`,
    featured: anchor === 'c01',
    staff: anchor === 'c02',
    html: { digest: anchor, read: () => `<p>Texte de ${anchor}</p>` },
  };
}

describe('CommentThread', () => {
  test('shows pseudonym, date, body and a permalink, and says whom a reply answers', async () => {
    const threads = buildThreads([comment('c01', 1), comment('c02', 2, 'c01'), comment('c03', 3, 'c02')]);
    const html = await render(CommentThread, { threads, shownFirst: 10 });
    expect(html).toContain('id="commentaire-c01"');
    expect(html).toContain('href="#commentaire-c01"');
    expect(text(html)).toContain(
      'Lecteur-c01 Sélection de la rédaction 28 novembre 2026 à\u00A018\u00A0h\u00A001 Texte de c01',
    );
    expect(text(html)).toContain(
      'Lecteur-c03 28 novembre 2026 à\u00A018\u00A0h\u00A003 En réponse à Lecteur-c02 Texte de c03',
    );
    expect(text(html)).toContain('Lecteur-c02 L’équipe 28 novembre 2026');
    expect(html).not.toContain('<details');
  });

  test('shows the first top-level comments and keeps the rest behind a control that needs no script', async () => {
    const many = Array.from({ length: 12 }, (_, i) => comment(`c${String(i + 1).padStart(2, '0')}`, i + 1));
    const html = await render(CommentThread, { threads: buildThreads(many), shownFirst: 10 });
    const [visible = '', hidden = ''] = html.split('<details');
    expect(visible.match(/data-part="comment"/g)).toHaveLength(10);
    expect(hidden.match(/data-part="comment"/g)).toHaveLength(2);
    expect(text(hidden)).toContain('Voir les 2 commentaires suivants');
    expect(hidden).toContain('<summary');
    expect(html).not.toContain('<script');
  });
});

describe('CommentArea', () => {
  const base = { article: 'art', count: 0, threads: [] };

  test('open: a labelled form with the 2,000-character counter, and the two links', async () => {
    const html = await render(CommentArea, { ...base, mode: 'open' });
    expect(html).toContain('maxlength="2000"');
    expect(text(html)).toContain('0 / 2\u202F000');
    expect(html).toMatch(/<label for="commentaire-texte"/);
    expect(html).toContain('href="/infos/conditions-d-utilisation/"');
    expect(html).toContain('href="/infos/charte-de-moderation/"');
    expect(text(html)).toContain('Commentaires (0)');
  });

  test('open: a honeypot hidden from readers, and the closing date for the page’s script', async () => {
    const closesAt = new Date('2026-12-28T16:05:00Z');
    const html = await render(CommentArea, { ...base, mode: 'open', closesAt });
    expect(html).toMatch(/<input type="text" name="website" hidden tabindex="-1"/);
    expect(html).toContain('data-closes-at="2026-12-28T16:05:00.000Z"');
  });

  test('closed: says so, and offers no form', async () => {
    const html = await render(CommentArea, { ...base, mode: 'closed' });
    expect(text(html)).toContain('Les commentaires sont fermés.');
    expect(html).not.toContain('<form');
  });

  test('subscribers only: the gate with its sign-in link, over a form a signed-in browser can post', async () => {
    const html = await render(CommentArea, { ...base, mode: 'subscribers' });
    expect(text(html)).toContain('Ce service est réservé aux abonnés. S’identifier');
    expect(html).toContain('href="/infos/abonnement/"');
    expect(html).toMatch(/<form method="post"[^>]*data-part="comment-form"[^>]*data-subscribers/);
    expect(html).not.toMatch(/<form[^>]* hidden/);
  });

  test('counts what it is given in the heading', async () => {
    const threads = buildThreads([comment('c01', 1), comment('c02', 2, 'c01')]);
    const html = await render(CommentArea, { ...base, mode: 'open', count: 2, threads });
    expect(text(html)).toContain('Commentaires (2)');
  });
});
