import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// That a generated corpus builds is checked by tests/e2e/bench-smoke.test.ts.

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Corpus = Map<string, string>;

function generate(name: string, articles: number, comments: number, seed: string): Corpus {
  const out = join(scratch, name);
  const run = spawnSync(
    process.execPath,
    [
      'scripts/bench/generate.ts',
      '--out',
      out,
      '--articles',
      String(articles),
      '--comments',
      String(comments),
      '--seed',
      seed,
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return new Map(
    files.map((file) => [file.slice(out.length), file.endsWith('.jpg') ? '' : readFileSync(file, 'utf8')]),
  );
}

const field = (text: string, name: string) => text.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
const list = (text: string, name: string) =>
  (field(text, name) ?? '[]')
    .slice(1, -1)
    .split(', ')
    .filter((item) => item !== '');
const under = (corpus: Corpus, folder: string) => [...corpus].filter(([path]) => path.startsWith(folder));

describe('benchmark corpus generator', () => {
  test('the same seed writes the same bytes, another seed other ones', () => {
    const first = generate('a', 12, 5, '7');
    const again = generate('b', 12, 5, '7');
    const other = generate('c', 12, 5, '8');
    expect([...again]).toEqual([...first]);
    expect(other.get('/articles/article-000001.md')).not.toBe(first.get('/articles/article-000001.md'));
  });

  test('the number of comments changes no article', () => {
    const few = generate('d', 12, 1, '3');
    const many = generate('e', 12, 9, '3');
    expect(under(many, '/articles/')).toEqual(under(few, '/articles/'));
  });

  test('writes articles of 650–900 words with intertitles, quotes and two related stories', () => {
    const articles = under(generate('f', 12, 5, '1'), '/articles/article-');
    expect(articles).toHaveLength(12);
    for (const [, text] of articles) {
      const body = text.split(/^---$/m)[2] ?? '';
      const words = body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      expect(words).toBeGreaterThanOrEqual(650);
      expect(words).toBeLessThanOrEqual(1000);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/« .+ »/);
      expect(text).toMatch(/^related: \[article-\d+, article-\d+\]$/m);
    }
  });

  describe('at N=600, C=5', () => {
    const n = 600;
    let corpus: Corpus;
    let articles: [string, string][];
    const slugOf = (path: string) => path.replace(/^\/articles\/|\.md$/g, '');
    beforeAll(() => {
      corpus = generate('g', n, 5, '1');
      articles = under(corpus, '/articles/article-');
    });

    test('comments: exactly N × C, most articles with 0–5, a few with far more, replies among them', () => {
      const perArticle = new Map<string, number>();
      for (const [path] of under(corpus, '/comments/')) {
        const article = path.split('/')[2] as string;
        perArticle.set(article, (perArticle.get(article) ?? 0) + 1);
      }
      const counts = articles.map(([path]) => perArticle.get(slugOf(path)) ?? 0);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(n * 5);
      expect(counts.filter((count) => count <= 5).length).toBeGreaterThan(n * 0.6);
      expect(counts.filter((count) => count === 0).length).toBeGreaterThan(n * 0.1);
      expect(Math.max(...counts)).toBeGreaterThanOrEqual(100);

      const comments = under(corpus, '/comments/');
      const replies = comments.filter(([, text]) => field(text, 'replyTo') !== undefined);
      expect(replies.length).toBeGreaterThan(comments.length * 0.1);
      for (const [path, text] of replies) {
        const target = corpus.get(path.replace(/[^/]+$/, `${field(text, 'replyTo')}.md`));
        expect(target, path).toBeDefined();
        expect(field(target ?? '', 'publishedAt')! < field(text, 'publishedAt')!).toBe(true);
      }
    });

    test('about 1 % drafts, with no comments, that nothing published names', () => {
      const drafts = new Set(articles.filter(([, text]) => /^draft: true$/m.test(text)).map(([path]) => slugOf(path)));
      expect(drafts.size).toBe(6);
      for (const draft of drafts) expect(under(corpus, `/comments/${draft}/`)).toEqual([]);
      const named = articles.flatMap(([, text]) => [
        ...list(text, 'related'),
        ...[...text.matchAll(/::lire-aussi\{article="(.+)"\}/g)].map((m) => m[1]),
      ]);
      named.push(
        ...[...`${corpus.get('/une.yaml')}${corpus.get('/picks.yaml')}`.matchAll(/article-\d+/g)].map((m) => m[0]),
      );
      expect(named.filter((slug) => drafts.has(slug as string))).toEqual([]);
      expect(corpus.get('/une.yaml')).toMatch(/^une:\n {2}articles: \[article-000001, /);
    });

    test('a quarter of agency wires without authors; the rest signed by hundreds of authors with bios', () => {
      const wires = articles.filter(([, text]) => /^source: (AFP|Reuters)$/m.test(text));
      expect(wires.length / n).toBeGreaterThan(0.18);
      expect(wires.length / n).toBeLessThan(0.32);
      for (const [, text] of wires) expect(field(text, 'authors')).toBeUndefined();

      const authors = under(corpus, '/authors/').filter(([path]) => path.endsWith('.yaml'));
      expect(authors).toHaveLength(n / 12);
      for (const [, text] of authors) expect(field(text, 'bio')?.length).toBeGreaterThan(60);
      const known = new Set(authors.map(([path]) => path.replace(/^\/authors\/|\.yaml$/g, '')));
      const bylines = articles.flatMap(([, text]) => list(text, 'authors'));
      expect(bylines.filter((author) => !known.has(author))).toEqual([]);
      expect(new Set(bylines).size).toBeGreaterThan(known.size / 2);
    });

    test('pictures on about a third of the articles, each a file of the corpus with its alt and credit', () => {
      const pictures = articles.filter(([, text]) => /^image:$/m.test(text));
      expect(pictures.length / n).toBeGreaterThan(0.25);
      expect(pictures.length / n).toBeLessThan(0.42);
      for (const [, text] of pictures) {
        expect(corpus.has(`/articles/${field(text, ' {2}src')?.slice(2)}`)).toBe(true);
        expect(field(text, ' {2}alt')).toMatch(/^".{20,}"$/);
        expect(field(text, ' {2}credit')).toBeDefined();
      }
      expect(articles.filter(([, text]) => field(text, 'kicker') !== undefined).length).toBeGreaterThan(n * 0.05);
    });

    test('hundreds of tags, written as editors do, with a long tail', () => {
      const uses = new Map<string, number>();
      for (const [, text] of articles) for (const tag of list(text, 'tags')) uses.set(tag, (uses.get(tag) ?? 0) + 1);
      const counts = [...uses.values()].sort((a, b) => b - a);
      expect(uses.size).toBeGreaterThan(150);
      expect(counts[0]).toBeGreaterThan(n * 0.15);
      expect(counts.filter((count) => count <= n * 0.01).length).toBeGreaterThan(uses.size / 2);
      expect([...uses.keys()].some((tag) => / /.test(tag) && /[^\p{ASCII}]/u.test(tag))).toBe(true);
      expect(new Set(articles.map(([, text]) => field(text, 'section'))).size).toBe(8);
    });
  });
});
