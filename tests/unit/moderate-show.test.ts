import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { showComment, type Context } from '../../scripts/moderation/commands.ts';
import { htmlToText } from '../../scripts/moderation/html-text.ts';
import { previewPage } from '../../scripts/moderation/preview.ts';
import { readComment } from '../../services/moderation/comments.ts';
import { ModerationError } from '../../services/moderation/errors.ts';
import { renderComment } from '../../services/moderation/render.ts';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';

const HOSTILE = new URL('../fixtures/hostile/', import.meta.url);
const fixtures = readdirSync(HOSTILE).filter((name) => name.endsWith('.md'));
const ARTICLE = 'ia-generative-colleges-devoirs';

let dir: string;
let context: Context;

/** Writes a pending comment with this body and returns its id. */
function comment(name: string, body: string, fields = "pseudonym: 'Mallory'"): string {
  const text = `---\narticle: ${ARTICLE}\n${fields}\npublishedAt: 2026-11-29T10:15:00.000Z\nstatus: pending\n---\n\n${body}\n`;
  writeFileSync(join(context.root, 'comments', ARTICLE, `${name}.md`), text);
  return `${ARTICLE}/${name}`;
}

/** Real tags only: escaped text may say « onerror= », which is harmless. */
const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-moderate-show-'));
  context = { root: join(dir, 'content'), now: new Date('2026-11-29T13:15:00Z') };
  cpSync(new URL('../../content/', import.meta.url), context.root, { recursive: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('show renders a comment as readers will see it', () => {
  test.each(fixtures)('%s: the site pipeline’s HTML for the comment’s path, with nothing that runs', async (name) => {
    const id = comment(name.replace(/\.md$/, ''), readFileSync(new URL(name, HOSTILE), 'utf8').trim());
    const stored = readComment(context.root, id);
    const html = await renderComment(stored);
    expect(html).toBe((await renderMarkdown(stored.body, stored.path)).code);
    for (const tag of tags(html)) {
      expect(tag).not.toMatch(/^<(script|img|iframe|svg|style|object|embed)/i);
      expect(tag).not.toMatch(/\s(on\w+|style|src)\s*=/i);
      expect(tag).not.toMatch(/(javascript|vbscript|data):/i);
    }
    const shown = (await showComment(context, id)).stdout;
    expect(shown).toContain(html.split('\n')[0]);
  });

  test('the hostile text of the brief comes out inert, the path choosing the comment policy', async () => {
    const id = comment(
      'hostile',
      'Salut <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n## Titre',
    );
    const stored = readComment(context.root, id);
    const html = await renderComment(stored);
    // The link lost its javascript: address, so it is only its text.
    expect(html).toBe('<p>Salut  x </p>\n<p>Titre</p>');
    // The same text as an article would keep the image and the heading: the path matters.
    const asArticle = (await renderMarkdown(stored.body, join(context.root, 'articles', 'hostile.md'))).code;
    expect(asArticle).not.toBe(html);
    const { stdout } = await showComment(context, id);
    expect(stdout).toContain(`HTML filtré, tel que le site l’insère dans la page :\n  ${html.replace('\n', '\n  ')}`);
    expect(stdout).toContain('Texte tel que les lecteurs le liront :\n  Salut x\n\n  Titre\n');
    // The raw text is shown as typed, so that the moderator sees the attempt.
    expect(stdout).toContain('Texte saisi (Markdown) :\n  Salut <script>alert(1)</script>');
  });

  test('prints every field, the article’s title and the comment answered', async () => {
    const id = comment('fields', 'Bonjour.', "pseudonym: 'Zoé'\nreplyTo: c02\nsource: formulaire");
    const { stdout } = await showComment(context, id);
    expect(stdout.split('\n').slice(0, 10)).toEqual([
      id,
      expect.stringMatching(/^ {2}Fichier {6}: .*comments\/ia-generative-colleges-devoirs\/fields\.md$/),
      `  Article      : « Au collège, l'IA générative bouscule les devoirs à la maison » (${ARTICLE})`,
      '  Pseudonyme   : Zoé',
      '  Envoyé le    : 29 novembre 2026 à\u00A011\u00A0h\u00A015 (il y a 3\u00A0h)',
      '  Statut       : pending (en attente de modération)',
      '  En réponse à : c02 (Papa-de-trois, publié)',
      '  Sélection    : non',
      '  source       : "formulaire"',
      '',
    ]);
  });

  test('lists the decisions already taken, who took them and when', async () => {
    const id = comment(
      'trail',
      'Bonjour.',
      "pseudonym: 'Zoé'\nmoderation:\n  - decision: reject\n    by: Paul\n    at: 2026-11-29T14:15:07+01:00\n    reason: Spam\n  - decision: approve\n    by: Claire Martin\n    at: 2026-11-29T17:02:00+01:00",
    );
    const lines = (await showComment(context, id)).stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('  Décision'))).toEqual([
      '  Décision   : rejeté par Paul, le 29 novembre 2026 à\u00A014\u00A0h\u00A015 (motif : Spam)',
      '  Décision   : publié par Claire Martin, le 29 novembre 2026 à\u00A017\u00A0h\u00A002',
    ]);
    expect(lines.join('\n')).not.toContain('moderation');
  });

  test('refuses an unknown id, naming it', async () => {
    await expect(showComment(context, `${ARTICLE}/c404`)).rejects.toThrow(
      new RegExp(`^commentaire inconnu « ${ARTICLE}/c404 »`),
    );
  });
});

describe('the terminal text of the HTML', () => {
  test('keeps paragraphs, quotes, lists, line breaks and where links lead', async () => {
    const html = (
      await renderMarkdown(
        'Un *mot*  et\nla suite.  \nÀ la ligne.\n\n> cité\n\n1. un\n2. [deux](https://exemple.fr/a?b=1&c=2)\n\n- <https://exemple.fr>',
        'content/comments/a/c01.md',
      )
    ).code;
    expect(htmlToText(html)).toBe(
      [
        'Un mot et la suite.',
        'À la ligne.',
        '',
        '> cité',
        '',
        '1. un',
        '2. deux ‹https://exemple.fr/a?b=1&c=2›',
        '',
        '• https://exemple.fr',
      ].join('\n'),
    );
  });

  test('numbers a list from its start and indents a list inside another', async () => {
    const html = (await renderMarkdown('3. trois\n4. quatre\n\n- a\n  - b\n- c', 'content/comments/a/c01.md')).code;
    expect(htmlToText(html)).toBe('3. trois\n4. quatre\n\n• a\n  • b\n• c');
  });

  test('shows escaped markup as the text readers read', () => {
    expect(htmlToText('<p>&#x3C;script>alert(1)&#x3C;/script> &#x26;amp; &lt;b&gt;</p>')).toBe(
      '<script>alert(1)</script> &amp; <b>',
    );
  });
});

describe('the preview page', () => {
  test('is a French page holding the rendered comment, with the facts escaped and scripts forbidden', async () => {
    const id = comment('preview', 'Texte <b>gras</b>.', "pseudonym: '<b>Zo</b> & Cie'");
    const stored = readComment(context.root, id);
    const html = await renderComment(stored);
    const page = previewPage(stored, html, 'Titre <i>ici</i>');
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain(`<div class="comment">\n${html}\n`);
    expect(page).toContain('<strong>&lt;b&gt;Zo&lt;/b&gt; &amp; Cie</strong>');
    expect(page).toContain('<dd>Titre &lt;i&gt;ici&lt;/i&gt; (ia-generative-colleges-devoirs)</dd>');
    expect(page).toContain(`content="default-src 'none';`);
    expect(page).not.toMatch(/<script|<b>|<i>/i);
  });

  test('is written where asked, never into the content nor without .html', async () => {
    const id = comment('written', 'Bonjour.');
    const target = join(dir, 'apercu.html');
    const { stdout } = await showComment(context, id, target);
    expect(stdout).toContain(`Aperçu écrit dans ${target}`);
    expect(readFileSync(target, 'utf8')).toContain('<p>Bonjour.</p>');
    const file = join(context.root, 'comments', ARTICLE, 'written.md');
    const before = readFileSync(file, 'utf8');
    await expect(showComment(context, id, file)).rejects.toThrow(ModerationError);
    await expect(showComment(context, id, join(context.root, 'apercu.html'))).rejects.toThrow(
      "l'aperçu ne peut pas être écrit dans le dossier du contenu",
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
