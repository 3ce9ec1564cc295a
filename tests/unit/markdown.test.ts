import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/pipeline';

const ARTICLE = 'content/articles/un-article.md';
const COMMENT = 'content/comments/un-article/c01.md';

describe('article Markdown', () => {
  test('turns « Lire aussi » directives into slots and lists their targets in reading order', async () => {
    const { code, metadata } = await renderMarkdown(
      'Premier paragraphe.\n\n::lire-aussi{article="premier"}\n\n## Suite\n\n::lire-aussi{article="second"}',
      ARTICLE,
    );
    expect(code).toContain('<kiosque-slot data-slot="read-also" data-article="premier"></kiosque-slot>');
    expect(metadata.frontmatter['readAlso']).toEqual(['premier', 'second']);
  });

  test('places the newsletter after the first paragraph unless the editor placed it', async () => {
    const auto = (await renderMarkdown('Un.\n\nDeux.', ARTICLE)).code;
    expect(auto.indexOf('data-slot="newsletter"')).toBeGreaterThan(auto.indexOf('Un.'));
    expect(auto.indexOf('data-slot="newsletter"')).toBeLessThan(auto.indexOf('Deux.'));
    const placed = (await renderMarkdown('Un.\n\nDeux.\n\n::newsletter', ARTICLE)).code;
    expect(placed.indexOf('data-slot="newsletter"')).toBeGreaterThan(placed.indexOf('Deux.'));
    expect(placed.match(/data-slot="newsletter"/g)).toHaveLength(1);
  });

  test('computes the reading time from the words of the body', async () => {
    const words = Array.from({ length: 500 }, () => 'mot').join(' ');
    expect((await renderMarkdown(words, ARTICLE)).metadata.frontmatter['readingMinutes']).toBe(3);
  });

  test('reads tables and strikethrough, and leaves a bare address as text', async () => {
    const { code } = await renderMarkdown('| a |\n|---|\n| 1 |\n\nPrix ~~12~~ 10 €, voir www.exemple.fr.', ARTICLE);
    expect(code).toContain('<td>1</td>');
    expect(code).toContain('<del>12</del>');
    expect(code).toContain('voir www.exemple.fr.');
    expect(code).not.toContain('<a');
  });

  test('sets French quotes across emphasis and links, and leaves code alone', async () => {
    const { code } = await renderMarkdown('"*Non*", dit-il. "Voir [ici](https://x.fr)". `"code"`', ARTICLE);
    expect(code).toContain(
      '«\u00A0<em>Non</em>\u00A0», dit-il. «\u00A0Voir <a href="https://x.fr">ici</a>\u00A0». <code>"code"</code>',
    );
  });

  test('sets French quotes, apostrophes and spacing in the prose', async () => {
    const { code } = await renderMarkdown('Il a dit "non" : c\'est tout !', ARTICLE);
    expect(code).toContain('Il a dit «\u00A0non\u00A0»\u00A0: c’est tout\u202F!');
  });

  test('sets numbers, hours and ordinals in the prose, not in code, code blocks or link targets', async () => {
    const markdown = [
      'Voir [le "rapport" de 2026](https://exemple.fr/r?annee=2026&page=12000 "Titre : 12000") et `x = "a" ; 12000`.',
      '```\nif (a) { b = "c" ; } // 17h05 12000\n```',
      '<https://exemple.fr/a?b=1> : 12000 votes à 17h05 le 1ère fois.',
    ].join('\n\n');
    const { code } = await renderMarkdown(markdown, ARTICLE);
    expect(code).toContain(
      '<a href="https://exemple.fr/r?annee=2026&#x26;page=12000" title="Titre : 12000">le «\u00A0rapport\u00A0» de 2026</a>',
    );
    expect(code).toContain('<code>x = "a" ; 12000</code>');
    expect(code).toContain('<pre><code>if (a) { b = "c" ; } // 17h05 12000\n</code></pre>');
    expect(code).toContain(
      '<a href="https://exemple.fr/a?b=1">https://exemple.fr/a?b=1</a>\u00A0: 12\u202F000 votes à 17\u00A0h\u00A005 le 1re fois.',
    );
  });

  test('records the intertitles with the anchors their headings carry, typeset as the reader sees them', async () => {
    const { code, metadata } = await renderMarkdown(
      "Intro.\n\n## L'été *brûlant*\n\nTexte.\n\n### Détail\n\n## Bilan : 12000 hectares\n\n## Bilan : 12000 hectares",
      ARTICLE,
    );
    const intertitles = metadata.frontmatter['intertitles'] as { id: string; text: string }[];
    expect(intertitles.map((entry) => entry.text)).toEqual([
      'L’été brûlant',
      'Bilan\u00A0: 12\u202F000 hectares',
      'Bilan\u00A0: 12\u202F000 hectares',
    ]);
    const ids = intertitles.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(code).toMatch(new RegExp(`<h2 id="${id}">`));
    expect(code).toMatch(/<h3 id="[^"]+">Détail<\/h3>/);
  });

  test('records intertitles for articles only: a comment’s headings are paragraphs, a page has no « Sommaire »', async () => {
    for (const path of [COMMENT, 'content/pages/une-page.md']) {
      const { metadata } = await renderMarkdown('## Titre\n\nTexte.', path);
      expect(metadata.frontmatter['intertitles']).toBeUndefined();
    }
  });

  const problems = async (markdown: string, path = ARTICLE) =>
    (await renderMarkdown(markdown, path)).metadata.frontmatter['problems'];

  test('reports a « Lire aussi » without a valid slug, with its line, and shows nothing for it', async () => {
    const { code, metadata } = await renderMarkdown('Texte.\n\n::lire-aussi{article="Mauvais Slug"}', ARTICLE);
    expect(metadata.frontmatter['problems']).toEqual([
      'line 3: ::lire-aussi needs article="slug-of-an-article", got "Mauvais Slug"',
    ]);
    expect(code).not.toContain('Mauvais');
  });

  test('reports an unknown block directive in an editor’s file', async () => {
    expect(await problems('Un.\n\n::encadre')).toEqual([
      'line 3: unknown directive ::encadre (known: ::lire-aussi{article="…"}, ::newsletter)',
    ]);
  });

  test('reports a second newsletter', async () => {
    expect(await problems('::newsletter\n\n::newsletter')).toEqual(['line 3: ::newsletter appears more than once']);
  });

  test('reports nothing in a clean article', async () => {
    expect(await problems('Un.\n\n::lire-aussi{article="autre"}\n\n::newsletter')).toEqual([]);
  });
});

describe('comment Markdown', () => {
  const problems = async (markdown: string) =>
    (await renderMarkdown(markdown, COMMENT)).metadata.frontmatter['problems'];

  test('accepts exactly 2,000 characters as the reader sees them, emoji included', async () => {
    expect(await problems('👍'.repeat(2000))).toEqual([]);
  });

  test('reports a comment over 2,000 characters', async () => {
    expect(await problems('a'.repeat(2001))).toEqual(['the comment is 2001 characters long; the limit is 2000']);
  });

  test('sets a published comment in French typography too, leaving its code and links alone', async () => {
    const { code } = await renderMarkdown(
      "J'étais là à 8h, avec 15000 autres ! Voir [ici](https://exemple.fr/?q=1) et `a ; b`",
      COMMENT,
    );
    expect(code).toBe(
      '<p>J’étais là à 8\u00A0h, avec 15\u202F000 autres\u202F! Voir <a href="https://exemple.fr/?q=1" rel="ugc nofollow noopener">ici</a> et <code>a ; b</code></p>',
    );
  });

  test('gives back directive-looking text exactly as the reader typed it', async () => {
    const { code } = await renderMarkdown('Score :victoire{x=1} et ::lire-aussi{article="a"}', COMMENT);
    expect(code).toBe('<p>Score :victoire{x=1} et\u00A0::lire-aussi{article=«\u00A0a\u00A0»}</p>');
  });
});
