import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createQueueIndex } from '../../services/comments/desk/queue-index.ts';
import { writePending } from './desk-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'kiosque-desk-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 60 articles with two pending comments each, as a newsroom's archive, in miniature.
for (let article = 0; article < 60; article++) {
  for (const name of ['c1', 'c2']) {
    writePending(dir, name, {
      article: `article-${String(article).padStart(2, '0')}`,
      at: new Date(Date.UTC(2026, 10, 29, 8, article)).toISOString(),
    });
  }
}

test('the first reading of the archive lets the service answer in between, and a look meanwhile sees everything', async () => {
  const index = createQueueIndex(dir, () => new Date('2026-12-01T00:00:00Z'));
  let answeredDuringLoad = false;
  let seenDuringLoad: number | undefined;
  const loading = index.load();
  // Readers' requests are handled between two folders, not after the whole archive.
  setImmediate(() => {
    answeredDuringLoad = true;
    seenDuringLoad = index.page({}, 1, 20).total;
  });
  await loading;
  expect(answeredDuringLoad).toBe(true);
  expect(seenDuringLoad).toBe(120);
  expect(index.page({}, 1, 20)).toMatchObject({ total: 120, matching: 120 });
  expect(index.page({}, 1, 20).items[0]?.id).toBe('article-00/c1');
});
