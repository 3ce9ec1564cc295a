import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ARTICLE, commentFields, postJson, readComment, startService, type TestService } from './helpers.ts';

const CLIENTS = 50;
const PER_CLIENT = 10;

let service: TestService;
beforeAll(async () => {
  service = await startService({ perMinute: CLIENTS * PER_CLIENT });
});
afterAll(() => service.close());

test('500 comments from 50 concurrent clients are all acknowledged and all written, intact', async () => {
  const sent = new Map<string, { pseudonym: string; text: string }>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; n < PER_CLIENT; n++) {
        const pseudonym = `Lecteur ${client}`;
        // Long, multi-line, with accents and emoji: a torn or interleaved write would show.
        const text = `Commentaire ${n} du lecteur ${client} : « été » 🦊\n\n${'bla '.repeat(50 + client)}\r\nfin ${client}-${n}`;
        const response = await postJson(service, commentFields({ pseudonym, text }));
        expect(response.status).toBe(202);
        const { id } = (await response.json()) as { id: string };
        expect(sent.has(id)).toBe(false);
        sent.set(id, { pseudonym, text: text.replace('\r\n', '\n') });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.info(`load: ${sent.size} comments from ${CLIENTS} clients acknowledged in ${seconds.toFixed(2)} s`);

  const folder = join(service.dir, 'comments', ARTICLE);
  const written = readdirSync(folder).filter((name) => name.startsWith('r'));
  expect(written).toHaveLength(CLIENTS * PER_CLIENT);
  expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([]);
  for (const [id, { pseudonym, text }] of sent) {
    const { frontmatter, body } = readComment(service.dir, ARTICLE, id);
    expect(frontmatter).toMatchObject({ article: ARTICLE, pseudonym, status: 'pending' });
    expect(body).toBe(text);
  }
});
