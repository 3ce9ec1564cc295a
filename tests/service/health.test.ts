import { afterEach, expect, test } from 'vitest';
import type { Writer, WriterStatus } from '../../services/comments/writer.ts';
import { NOW, startService, type TestService } from './helpers.ts';

let service: TestService | undefined;
afterEach(() => service?.close());

const minutes = (count: number) => new Date(NOW.getTime() + count * 60_000);

/** A writer whose account of git the test sets. */
async function serviceWhoseWriterSays(initial: WriterStatus) {
  let current = initial;
  const writer: Writer = {
    write: () => Promise.reject(new Error('nothing is written in these tests')),
    status: () => current,
    close: () => Promise.resolve(),
  };
  service = await startService({ writer });
  return {
    says: (status: WriterStatus) => (current = status),
    health: async () => {
      const response = await fetch(`${service!.url}/sante/`);
      return { status: response.status, body: (await response.json()) as { ok: boolean; alerts?: string[] } };
    },
  };
}

test('GET /sante/ is 503 while a conflict stands or changes are not committed', async () => {
  const conflict = { at: NOW.toISOString(), message: 'rebase stopped', files: ['/srv/contenu/barred.yaml'] };
  const writer = await serviceWhoseWriterSays({ git: true, unpushed: 1, conflict });
  expect(await writer.health()).toMatchObject({ status: 503, body: { ok: false, alerts: ['conflict'] } });
  writer.says({ git: true, unpushed: 0, uncommitted: 2 });
  expect(await writer.health()).toMatchObject({ status: 503, body: { ok: false, alerts: ['uncommitted'] } });
  writer.says({ git: true, unpushed: 0, lastPush: { at: NOW.toISOString(), ok: true } });
  expect(await writer.health()).toEqual({
    status: 200,
    body: { ok: true, git: true, unpushed: 0, lastPush: { at: NOW.toISOString(), ok: true } },
  });
});

test('GET /sante/ is 503 once commits have waited behind failing pushes for over ten minutes', async () => {
  const failed = (at: Date) => ({
    git: true,
    unpushed: 3,
    lastPush: { at: at.toISOString(), ok: false, error: 'hors ligne', failingSince: NOW.toISOString() },
  });
  const writer = await serviceWhoseWriterSays(failed(NOW));
  service!.clock.now = minutes(1);
  expect((await writer.health()).status).toBe(200);
  // Retried every few minutes, each try failing again: still the same outage.
  writer.says(failed(minutes(8)));
  service!.clock.now = minutes(9);
  expect((await writer.health()).status).toBe(200);
  writer.says(failed(minutes(10)));
  service!.clock.now = minutes(11);
  expect(await writer.health()).toMatchObject({ status: 503, body: { ok: false, alerts: ['push_failing'] } });
  writer.says({ git: true, unpushed: 0, lastPush: { at: minutes(12).toISOString(), ok: true } });
  service!.clock.now = minutes(12);
  expect((await writer.health()).status).toBe(200);
});

test('GET /sante/ counts the ten minutes from the first failure, even when first asked late', async () => {
  const writer = await serviceWhoseWriterSays({
    git: true,
    unpushed: 3,
    lastPush: { at: minutes(19).toISOString(), ok: false, error: 'hors ligne', failingSince: NOW.toISOString() },
  });
  service!.clock.now = minutes(20);
  expect(await writer.health()).toMatchObject({ status: 503, body: { ok: false, alerts: ['push_failing'] } });
});
