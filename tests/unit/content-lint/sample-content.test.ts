import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test, vi } from 'vitest';
import { formatProblem } from '../../../src/lib/content-lint/problem';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cache = mkdtempSync(join(tmpdir(), 'kiosque-lint-cache-'));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cache, { recursive: true, force: true });
});

test('the sample content is exemplary: the lint has nothing to say about it', async () => {
  vi.stubEnv('KIOSQUE_CACHE_DIR', cache);
  vi.stubEnv('KIOSQUE_CONTENT_DIR', undefined);
  const { lintContent } = await import('../../../src/integrations/content-lint-run');
  const report = await lintContent(root);
  expect(report.problems.map(formatProblem)).toEqual([]);
  expect(report.files).toBeGreaterThan(50);
});
