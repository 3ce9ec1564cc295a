import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function generate(name: string, seed: string) {
  const out = join(scratch, name);
  const run = spawnSync(
    process.execPath,
    ['scripts/bench/generate.ts', '--out', out, '--articles', '12', '--comments', '5', '--seed', seed],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return new Map(files.map((file) => [file.slice(out.length), readFileSync(file, 'utf8')]));
}

describe('benchmark corpus generator', () => {
  test('the same seed writes the same bytes, another seed other ones', () => {
    const first = generate('a', '7');
    const again = generate('b', '7');
    const other = generate('c', '8');
    expect([...again]).toEqual([...first]);
    expect(other.get('/articles/article-000001.md')).not.toBe(first.get('/articles/article-000001.md'));
  });

  test('writes articles of 650–900 words with intertitles, quotes and two related stories, and C comments each', () => {
    const corpus = generate('d', '1');
    const articles = [...corpus].filter(([path]) => path.startsWith('/articles/'));
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
    expect([...corpus.keys()].filter((path) => path.startsWith('/comments/'))).toHaveLength(60);
  });
});
