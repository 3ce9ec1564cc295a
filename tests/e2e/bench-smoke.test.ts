import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { plainEnv, root } from './site';

const out = mkdtempSync(join(tmpdir(), 'kiosque-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// The benchmark's own smoke run: it must keep working; its timings are not judged here.
test('npm run bench -- --quick builds a small corpus and reports every measure', () => {
  const run = spawnSync(
    process.execPath,
    ['scripts/bench/run.ts', '--quick', '--scenarios', 'clean,comment,dev-warm', '--out', out],
    { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: plainEnv() },
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
      contentSync?: { median: number };
      pageGeneration?: { median: number };
    }[];
  };
  expect(results.map((r) => r.scenario)).toEqual(['clean', 'comment', 'dev-warm']);
  const clean = results[0];
  expect(clean?.wallSeconds?.median).toBeGreaterThan(0);
  expect(clean?.peakRssMb?.median).toBeGreaterThan(50);
  expect(clean?.pagesPerSecond?.median).toBeGreaterThan(0);
  expect(clean?.contentSync?.median).toBeGreaterThan(0);
  expect(clean?.pageGeneration?.median).toBeGreaterThan(0);
  expect(results[2]?.wallSeconds?.median).toBeGreaterThan(0);
  expect(run.stdout).toMatch(/\| N=40 C=2 \| clean \|/);
}, 300_000);
