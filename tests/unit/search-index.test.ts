import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, expect, test, vi } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index';

vi.mock('pagefind', () => ({
  createIndex: () =>
    Promise.resolve({
      errors: [],
      index: {
        addDirectory: () => Promise.resolve({ errors: ['dist/economie/index.html: invalid UTF-8'], page_count: 0 }),
      },
    }),
  close: () => Promise.resolve(null),
}));

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-search-'));
vi.stubEnv('KIOSQUE_CACHE_DIR', join(scratch, 'cache'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = join(scratch, 'dist', 'economie', 'index.html');
mkdirSync(dirname(page), { recursive: true });
writeFileSync(page, '<html lang="fr"><body><article data-pagefind-body><h1>Titre</h1></article></body></html>');

function buildDone() {
  const hook = buildSearchIndex().hooks['astro:build:done'];
  return hook?.({
    dir: pathToFileURL(join(scratch, 'dist/')),
    assets: new Map([['/economie/', [pathToFileURL(page)]]]),
    logger: { info: vi.fn() } as unknown as AstroIntegrationLogger,
  } as unknown as Parameters<NonNullable<typeof hook>>[0]);
}

test('a failed indexing stops the build, with Pagefind’s own words', async () => {
  await expect(buildDone()).rejects.toThrow(
    'The search index could not be built (Pagefind): dist/economie/index.html: invalid UTF-8',
  );
});

test('a mistyped KIOSQUE_SEARCH_REBUILD stops the build, naming the variable and what to write', async () => {
  vi.stubEnv('KIOSQUE_SEARCH_REBUILD', 'oui');
  await expect(buildDone()).rejects.toThrow(
    'KIOSQUE_SEARCH_REBUILD: expected 1 (rebuild the whole index) or 0, got "oui"',
  );
  vi.stubEnv('KIOSQUE_SEARCH_REBUILD', '');
});

test('a site without articles gets no index, and a manifest that says so to the search page', async () => {
  const hook = buildSearchIndex().hooks['astro:build:done'];
  const dist = join(scratch, 'empty/');
  await hook?.({
    dir: pathToFileURL(dist),
    assets: new Map(),
    logger: { info: vi.fn() } as unknown as AstroIntegrationLogger,
  } as unknown as Parameters<NonNullable<typeof hook>>[0]);
  expect(JSON.parse(readFileSync(join(dist, 'pagefind', 'kiosque-index.json'), 'utf8'))).toEqual({
    hidden: [],
    recent: [],
    shards: 0,
  });
  expect(readdirSync(join(dist, 'pagefind'))).toEqual(['kiosque-index.json']);
});
