import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesOnlyWriter, type Writer, type WriterStatus } from '../../services/comments/writer.ts';
import { Moderator, startDesk, writePending, type TestDesk } from './desk-helpers.ts';

const BANNER = 'Les décisions sont bien enregistrées, mais elles ne partent plus vers le site';

/** The files-only writer, saying whatever git status the test gives it. */
function writerSaying(status: { now: WriterStatus }): Writer {
  const files = filesOnlyWriter();
  return { ...files, status: () => status.now };
}

/** Whether the page shows the banner (it is always there once signed in, hidden while all goes well). */
const bannerShown = (html: string) => {
  const banner = /<p [^>]*data-stalled[^>]*>/.exec(html)?.[0];
  if (banner === undefined) throw new Error('no banner on the page');
  return !banner.includes(' hidden');
};

describe('while decisions no longer reach the site', () => {
  const status: { now: WriterStatus } = { now: { git: true, unpushed: 0 } };
  let desk: TestDesk;
  let claire: Moderator;
  beforeAll(async () => {
    desk = await startDesk({ writer: writerSaying(status) });
    writePending(desk.dir, 'attente-1');
    writePending(desk.dir, 'attente-2');
    claire = new Moderator(desk);
    await claire.signIn();
  });
  afterAll(() => desk.close());

  test('the desk says nothing while pushing works, or is only waiting for its next try', async () => {
    for (const now of [
      { git: false, unpushed: 0 },
      { git: true, unpushed: 0, lastPush: { at: '2026-11-29T14:00:00Z', ok: true } },
      { git: true, unpushed: 3, lastPush: { at: '2026-11-29T14:00:00Z', ok: true } },
      { git: true, unpushed: 1 },
    ]) {
      status.now = now;
      expect(bannerShown(await claire.page()), JSON.stringify(now)).toBe(false);
    }
  });

  test('every page says so, for a conflict, changes git refused, or commits whose push failed', async () => {
    for (const now of [
      { git: true, unpushed: 0, conflict: { at: '2026-11-29T14:00:00Z', message: 'conflit', files: ['a.md'] } },
      { git: true, unpushed: 0, uncommitted: 2 },
      { git: true, unpushed: 1, lastPush: { at: '2026-11-29T14:00:00Z', ok: false, error: 'refusé' } },
    ]) {
      status.now = now;
      const queue = await claire.page();
      expect(bannerShown(queue), JSON.stringify(now)).toBe(true);
      expect(queue).toContain(`${BANNER}\u00A0: elles n’y apparaîtront qu’une fois le problème réglé.`);
      expect(bannerShown(await claire.page('/moderation/exclure?id=test-ouvert/attente-1'))).toBe(true);
    }
    const signIn = await new Moderator(desk).page('/moderation/connexion/');
    expect(signIn).not.toContain(BANNER);
  });

  test('a decision made meanwhile tells the page’s script, which shows the banner', async () => {
    status.now = { git: true, unpushed: 1, lastPush: { at: '2026-11-29T14:00:00Z', ok: false } };
    const response = await claire.decide('test-ouvert/attente-2', 'approve', {}, { accept: 'application/json' });
    expect(await response.json()).toMatchObject({ ok: true, stalled: true });
    status.now = { git: true, unpushed: 0, lastPush: { at: '2026-11-29T14:01:00Z', ok: true } };
    const next = await claire.decide('test-ouvert/attente-1', 'approve', {}, { accept: 'application/json' });
    expect(await next.json()).toMatchObject({ ok: true, stalled: false });
  });
});
