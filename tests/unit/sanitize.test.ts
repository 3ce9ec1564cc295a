import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/pipeline';

const dir = new URL('../fixtures/hostile/', import.meta.url);
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.md'));

const render = (markdown: string, path = 'content/comments/un-article/c01.md') =>
  renderMarkdown(markdown, path).then((r) => r.code);

describe('hostile comments render inert', () => {
  test('every fixture has its reviewed expected HTML', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  test.each(fixtures)('%s matches its checked-in HTML', async (name) => {
    const html = await render(readFileSync(new URL(name, dir), 'utf8'));
    expect(html + '\n').toBe(readFileSync(new URL(name.replace(/\.md$/, '.html'), dir), 'utf8'));
  });

  test.each(fixtures)('%s carries nothing that could run or restyle the page', async (name) => {
    const html = await render(readFileSync(new URL(name, dir), 'utf8'));
    // Escaped text may say « onerror= »; only real tags matter.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    for (const tag of tags) {
      expect(tag).toMatch(/^<(p|br|em|strong|del|blockquote|ul|ol|li|a|code)[\s>]/);
      expect(tag).not.toMatch(/\s(on\w+|style|class|id|src)\s*=/i);
      expect(tag).not.toMatch(/(javascript|vbscript|data):/i);
    }
  });
});

describe('comment policy', () => {
  test('keeps paragraphs, emphasis, quotes, lists and links', async () => {
    const html = await render('Un *mot* et **deux**.\n\n> cité\n\n- a\n- b\n\n[source](https://exemple.fr)');
    expect(html).toContain('<em>mot</em>');
    expect(html).toContain('<strong>deux</strong>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain('<a href="https://exemple.fr" rel="ugc nofollow noopener">source</a>');
  });

  test('unwraps a link left without an address (its `javascript:` one removed, or none given), keeping its text', async () => {
    expect(await render('Voir [*ce* site](javascript:alert(1)) ou <a>là</a>.')).toBe(
      '<p>Voir <em>ce</em> site ou là.</p>',
    );
  });

  test('turns a heading into a paragraph instead of a headline', async () => {
    expect(await render('# Scandale')).toBe('<p>Scandale</p>');
  });

  test('treats a file whose kind is unknown as a comment', async () => {
    expect(await render('<b onclick="x()">gras</b><img src=x>', 'somewhere/else.md')).toBe('<p>gras</p>');
  });
});

describe('article policy', () => {
  const article = (markdown: string) => render(markdown, 'content/articles/un-article.md');

  test('keeps the editor’s headings, images and tables, with anchors on intertitles', async () => {
    const html = await article(
      '## Un intertitre\n\n![Une vue du port](https://exemple.fr/port.jpg)\n\n| a |\n|---|\n| 1 |',
    );
    expect(html).toContain('<h2 id="un-intertitre">Un intertitre</h2>');
    expect(html).toContain('<img src="https://exemple.fr/port.jpg" alt="Une vue du port">');
    expect(html).toContain('<table>');
  });

  test('keeps safe inline HTML and still removes scripts and handlers', async () => {
    const html = await article(
      'Un <abbr title="Commission nationale de l’informatique et des libertés">CNIL</abbr> <sup>1</sup> <script>x()</script><b onclick="x()">b</b>',
    );
    expect(html).toContain('<abbr title="Commission nationale de l’informatique et des libertés">CNIL</abbr>');
    expect(html).toContain('<sup>1</sup>');
    expect(html).not.toContain('script');
    expect(html).not.toContain('onclick');
  });

  test('keeps the mark that keeps a passage out of search, in an article but not in a comment', async () => {
    const passage = '<div data-pagefind-ignore>\n\nUn encadré que la recherche ne connaît pas.\n\n</div>';
    expect(await article(passage)).toContain('<div data-pagefind-ignore="">');
    expect(await render(passage)).not.toContain('data-pagefind-ignore');
  });
});
