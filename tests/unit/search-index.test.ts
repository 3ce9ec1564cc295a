import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('a failed indexing stops the build, with Pagefind’s own words', async () => {
  const hook = buildSearchIndex().hooks['astro:build:done'];
  const done = hook?.({
    dir: pathToFileURL(join(scratch, 'dist/')),
    assets: new Map(),
    logger: { info: vi.fn() } as unknown as AstroIntegrationLogger,
  } as unknown as Parameters<NonNullable<typeof hook>>[0]);
  await expect(done).rejects.toThrow(
    'The search index could not be built (Pagefind): dist/economie/index.html: invalid UTF-8',
  );
});
