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

  test('sets French quotes, apostrophes and spacing in the prose', async () => {
    const { code } = await renderMarkdown('Il a dit "non" : c\'est tout !', ARTICLE);
    expect(code).toContain('Il a dit «\u00A0non\u00A0»\u00A0: c’est tout\u202F!');
  });

  test('fails on a « Lire aussi » without a valid slug, naming the field and the line', async () => {
    await expect(renderMarkdown('Texte.\n\n::lire-aussi{article="Mauvais Slug"}', ARTICLE)).rejects.toThrow(
      /un-article\.md.*body, line 3: ::lire-aussi needs article="slug-of-an-article", got "Mauvais Slug"/s,
    );
  });

  test('fails on an unknown block directive in an editor’s file', async () => {
    await expect(renderMarkdown('::encadre', ARTICLE)).rejects.toThrow(/body, line 1: unknown directive ::encadre/);
  });

  test('fails on a second newsletter', async () => {
    await expect(renderMarkdown('::newsletter\n\n::newsletter', ARTICLE)).rejects.toThrow(/body, line 3: ::newsletter appears more than once/);
  });
});

describe('comment Markdown', () => {
  test('accepts exactly 2,000 characters as the reader sees them, emoji included', async () => {
    await expect(renderMarkdown('👍'.repeat(2000), COMMENT)).resolves.toBeDefined();
  });

  test('refuses a comment over 2,000 characters, naming the file and the body', async () => {
    await expect(renderMarkdown('a'.repeat(2001), COMMENT)).rejects.toThrow(
      /c01\.md.*body: the comment is 2001 characters long; the limit is 2000/s,
    );
  });

  test('gives back directive-looking text exactly as the reader typed it', async () => {
    const { code } = await renderMarkdown('Score :victoire{x=1} et ::lire-aussi{article="a"}', COMMENT);
    expect(code).toBe('<p>Score :victoire{x=1} et\u00A0::lire-aussi{article=«\u00A0a\u00A0»}</p>');
  });
});
