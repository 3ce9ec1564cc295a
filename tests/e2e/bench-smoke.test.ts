import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { plainEnv, root } from './site';

const out = mkdtempSync(join(tmpdir(), 'kiosque-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// The benchmark's own smoke run: it must keep working, and the generated corpus must build; its
// timings are not judged here.
test('npm run bench -- --quick builds a small corpus and reports every measure', () => {
  const run = spawnSync(
    process.execPath,
    [
      'scripts/bench/run.ts',
      '--quick',
      '--scenarios',
      'clean,comment,dev-warm,dev-edit,dev-new,dev-comment',
      '--out',
      out,
    ],
    // Coloured, as in CI: the phases must be found in a coloured log too.
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...plainEnv(), FORCE_COLOR: '1' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const json = readdirSync(out).find((name) => name.endsWith('.json'));
  expect(json).toBeDefined();
  const { results } = JSON.parse(readFileSync(join(out, json ?? ''), 'utf8')) as {
    results: {
      scenario: string;
      wallSeconds?: { median: number };
      peakRssMb?: { median: number };
      pagesPerSecond?: { median: number };
      startup?: { median: number };
      contentSync?: { median: number };
      pageGeneration?: { median: number };
      images?: { median: number };
      search?: { median: number };
      prune?: { median: number };
      cards?: { median: number };
    }[];
  };
  expect(results.map((r) => r.scenario)).toEqual([
    'clean',
    'comment',
    'dev-warm',
    'dev-edit',
    'dev-new',
    'dev-comment',
  ]);
  const [clean, comment, devWarm, devEdit, devNew, devComment] = results;
  expect(clean?.wallSeconds?.median).toBeGreaterThan(0);
  expect(clean?.peakRssMb?.median).toBeGreaterThan(50);
  expect(clean?.pagesPerSecond?.median).toBeGreaterThan(0);
  for (const phase of ['startup', 'contentSync', 'pageGeneration', 'images', 'search', 'prune'] as const) {
    expect(clean?.[phase]?.median, phase).toBeGreaterThanOrEqual(0);
  }
  // A third of the articles have a picture; the others get a card, drawn by the clean build only.
  expect(clean?.cards?.median).toBeGreaterThan(0);
  expect(comment?.cards?.median).toBe(0);
  expect(comment?.search?.median).toBeGreaterThanOrEqual(0);
  expect(devWarm?.wallSeconds?.median).toBeGreaterThan(0);
  // From the saved edit to the first response that shows it; the server was already up.
  expect(devEdit?.wallSeconds?.median).toBeGreaterThan(0);
  // From writing a new article to the first 200 of its page: astro dev must not go on serving
  // the content it had before.
  expect(devNew?.wallSeconds?.median).toBeGreaterThan(0);
  // From writing a published comment to the first response that shows it: a run whose change
  // never shows fails and leaves no median.
  expect(devComment?.wallSeconds?.median).toBeGreaterThan(0);
  expect(readdirSync(join(root, '.bench/corpus-40-2/comments/article-000001'))).not.toContain('bench-apercu.md');
  // …and the edit is undone, so that the next run starts from the same corpus.
  expect(readFileSync(join(root, '.bench/corpus-40-2/articles/article-000001.md'), 'utf8')).not.toMatch(/banctemoin/);
  expect(run.stdout).toMatch(/\| size \| scenario \| wall s \|.*\| search s \| prune s \| cards drawn \|/);
  expect(run.stdout).toMatch(/\| N=40 C=2 \| clean \|/);
}, 300_000);
