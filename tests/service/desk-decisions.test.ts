import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesOnlyWriter, type Change, type Writer } from '../../services/comments/writer.ts';
import { root } from './helpers.ts';
import { Moderator, startDesk, writePending, type TestDesk } from './desk-helpers.ts';

/** The files-only writer, keeping each change it was given to record. */
function recordingWriter(changes: Change[]): Writer {
  const inner = filesOnlyWriter();
  return {
    ...inner,
    write: (work) =>
      inner.write(async () => {
        const written = await work();
        if (written.change !== undefined) changes.push(written.change);
        return written;
      }),
  };
}

/** What a decision leaves in a file: the fields, the audit trail without its times, and the body. */
function decided(path: string) {
  const { frontmatter, content } = parseFrontmatter(readFileSync(path, 'utf8'));
  // The time differs: the desk runs on the tests' clock, npm run moderate on today's.
  const { moderation, ...fields } = frontmatter;
  const trail = (moderation as Record<string, unknown>[] | undefined)?.map(({ at: _, ...entry }) => entry);
  return { fields, trail, content };
}

describe('decisions', () => {
  let desk: TestDesk;
  let twin: string;
  let claire: Moderator;
  const changes: Change[] = [];
  const file = (dir: string, id: string) => join(dir, 'comments', `${id}.md`);

  /** The same decision taken with `npm run moderate` on a copy of the content made before any. */
  function moderate(...args: string[]) {
    const result = spawnSync(process.execPath, [join(root, 'scripts/moderate.ts'), ...args, '--par', 'Claire'], {
      cwd: root,
      env: { ...process.env, KIOSQUE_CONTENT_DIR: twin },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  }

  beforeAll(async () => {
    desk = await startDesk({ moderators: ['Claire', 'Malik'], writer: recordingWriter(changes) });
    for (const name of ['d1', 'd2', 'd3', 'd4', 'd5']) writePending(desk.dir, name, { pseudonym: `Auteur ${name}` });
    twin = mkdtempSync(join(tmpdir(), 'kiosque-twin-'));
    cpSync(desk.dir, twin, { recursive: true });
    claire = new Moderator(desk);
    await claire.signIn();
  });
  afterAll(async () => {
    await desk.close();
    rmSync(twin, { recursive: true, force: true });
  });

  test('approving changes the file as npm run moderate does, goes back to the same queue page, and is recorded in Claire’s name', async () => {
    const form = await claire.formOf('test-ouvert/d1', '/moderation/?article=test-ouvert');
    const response = await claire.post('/moderation/decision', { ...form, decision: 'approve' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/moderation/?article=test-ouvert');
    moderate('approve', 'test-ouvert/d1');
    expect(decided(file(desk.dir, 'test-ouvert/d1'))).toEqual(decided(file(twin, 'test-ouvert/d1')));
    // Written out, so that a wrong trail cannot hide behind both sides sharing the same code.
    expect(readFileSync(file(desk.dir, 'test-ouvert/d1'), 'utf8')).toBe(
      [
        '---',
        'article: test-ouvert',
        'pseudonym: "Auteur d1"',
        'publishedAt: 2026-11-29T09:00:00.000Z',
        'status: published',
        'moderation:',
        '  - decision: approve',
        '    by: Claire',
        '    at: 2026-11-29T15:00:00+01:00',
        '---',
        '',
        'Un avis mesuré sur cet article.',
        '',
      ].join('\n'),
    );
    expect(changes.at(-1)).toEqual({
      message: 'Modération : publie test-ouvert/d1',
      paths: [file(desk.dir, 'test-ouvert/d1')],
      author: 'Claire',
    });
    const page = await claire.page('/moderation/?article=test-ouvert');
    expect(page).toContain('Commentaire de Auteur d1 publié.');
    expect(page).not.toMatch(/pending|published|→/);
    expect(page).not.toContain('value="test-ouvert/d1"');
    expect(desk.logs).toContainEqual(
      expect.objectContaining({ event: 'decision', moderator: 'Claire', id: 'test-ouvert/d1' }),
    );
  });

  test('rejecting needs a reason, takes a charter reason or a written one, as npm run moderate does', async () => {
    const missing = await claire.decide(
      'test-ouvert/d2',
      'reject',
      { motif: '', autre: '  ' },
      { accept: 'application/json' },
    );
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ ok: false, message: 'Choisissez ou écrivez un motif de rejet.' });
    const chosen = await claire.decide(
      'test-ouvert/d2',
      'reject',
      { motif: 'Hors sujet ou message répété', autre: '' },
      { accept: 'application/json' },
    );
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({
      ok: true,
      id: 'test-ouvert/d2',
      message: 'Commentaire de Auteur d2 rejeté (motif\u00A0: Hors sujet ou message répété).',
    });
    moderate('reject', 'test-ouvert/d2', '--reason', 'Hors sujet ou message répété');
    expect(decided(file(desk.dir, 'test-ouvert/d2'))).toEqual(decided(file(twin, 'test-ouvert/d2')));
    await claire.decide('test-ouvert/d3', 'reject', {
      motif: 'Hors sujet ou message répété',
      autre: 'Lien vers un site de paris',
    });
    expect(decided(file(desk.dir, 'test-ouvert/d3')).fields['reason']).toBe('Lien vers un site de paris');
  });

  test('« Publier et mettre en avant » publishes and features, as approve then feature do', async () => {
    const response = await claire.decide('test-ouvert/d4', 'approve-feature', {}, { accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Commentaire de Auteur d4 publié et mis dans la «\u00A0Sélection de la rédaction\u00A0».',
    );
    moderate('approve', 'test-ouvert/d4');
    moderate('feature', 'test-ouvert/d4');
    expect(decided(file(desk.dir, 'test-ouvert/d4'))).toEqual(decided(file(twin, 'test-ouvert/d4')));
    expect(readFileSync(file(desk.dir, 'test-ouvert/d4'), 'utf8')).toBe(
      [
        '---',
        'article: test-ouvert',
        'pseudonym: "Auteur d4"',
        'publishedAt: 2026-11-29T09:00:00.000Z',
        'status: published',
        'featured: true',
        'moderation:',
        '  - decision: approve',
        '    by: Claire',
        '    at: 2026-11-29T15:00:00+01:00',
        '  - decision: feature',
        '    by: Claire',
        '    at: 2026-11-29T15:00:00+01:00',
        '---',
        '',
        'Un avis mesuré sur cet article.',
        '',
      ].join('\n'),
    );
    expect(changes.at(-1)).toEqual({
      message: 'Modération : publie test-ouvert/d4 dans la Sélection de la rédaction',
      paths: [file(desk.dir, 'test-ouvert/d4')],
      author: 'Claire',
    });
  });

  test('barring without a reason stays on the confirmation page, asking for one, with what was typed', async () => {
    const confirm = await claire.page('/moderation/exclure?id=test-ouvert/d5&retour=%2Fmoderation%2F%3Fpage%3D1');
    const token = /name="jeton" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
    const response = await claire.post('/moderation/exclure', {
      jeton: token,
      id: 'test-ouvert/d5',
      motif: '',
      autre: '   ',
      retour: '/moderation/?page=1',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('<h1>Exclure «\u00A0Auteur d5\u00A0»\u202F?</h1>');
    expect(page).toContain('Choisissez ou écrivez un motif d’exclusion.');
    expect(page).toContain('name="autre" maxlength="200" value="   "');
    expect(page).toContain('name="retour" value="/moderation/?page=1"');
    expect(existsSync(join(desk.dir, 'barred.yaml'))).toBe(false);
  });

  test('barring a reader takes the pseudonym from the comment, after a confirmation page', async () => {
    const confirm = await claire.page('/moderation/exclure?id=test-ouvert/d5');
    expect(confirm).toContain('<h1>Exclure «\u00A0Auteur d5\u00A0»\u202F?</h1>');
    const token = /name="jeton" value="([^"]+)"/.exec(confirm)?.[1] ?? '';
    const response = await claire.post('/moderation/exclure', {
      jeton: token,
      id: 'test-ouvert/d5',
      motif: 'Insultes ou attaques personnelles',
      retour: '/moderation/',
    });
    expect(response.status).toBe(303);
    expect(await claire.page()).toContain(
      '«\u00A0Auteur d5\u00A0» ne peut plus commenter depuis le 29 novembre 2026 (motif\u00A0: Insultes ou attaques personnelles). Un de ses commentaires attend encore dans la file.',
    );
    moderate('bar', 'Auteur d5', '--reason', 'Insultes ou attaques personnelles');
    // The day differs: the desk runs on the tests' clock, npm run moderate on today's.
    const barred = (dir: string) =>
      (
        parseFrontmatter(`---\n${readFileSync(join(dir, 'barred.yaml'), 'utf8')}\n---\n`)
          .frontmatter as unknown as Record<string, unknown>[]
      ).map(({ since: _, ...entry }) => entry);
    expect(barred(desk.dir)).toEqual(barred(twin));
    expect(readFileSync(join(desk.dir, 'barred.yaml'), 'utf8')).toContain('since: 2026-11-29');
    expect(readFileSync(join(desk.dir, 'barred.yaml'), 'utf8')).toContain('pseudonym: Auteur d5');
  });

  test('two moderators deciding the same comment at once: one wins, the other is told, nothing is overwritten', async () => {
    const id = writePending(desk.dir, 'duel', { pseudonym: 'Disputé' });
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    const malik = new Moderator(desk);
    await malik.signIn('Malik');
    const [claireForm, malikForm] = [await claire.formOf(id), await malik.formOf(id)];
    const json = { accept: 'application/json' };
    const answers = await Promise.all([
      claire.post('/moderation/decision', { ...claireForm, decision: 'approve' }, json),
      malik.post(
        '/moderation/decision',
        { ...malikForm, decision: 'reject', motif: 'Hors sujet ou message répété' },
        json,
      ),
    ]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { ok: boolean; message: string }[];
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const lost = bodies.find((body) => !body.ok)!;
    const status = decided(file(desk.dir, id)).fields['status'];
    expect(lost.message).toMatch(
      new RegExp(
        `^Le commentaire de Disputé est déjà ${status === 'published' ? 'publié par Claire' : 'rejeté par Malik'}\u00A0: rien n’a changé\\.$`,
      ),
    );
    expect(changes.filter((change) => change.paths[0] === file(desk.dir, id))).toHaveLength(1);
  });

  test('a comment changed on disk since the page was shown is not decided on the old text', async () => {
    const id = writePending(desk.dir, 'edit', { pseudonym: 'Relu' });
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    const form = await claire.formOf(id);
    writePending(desk.dir, 'edit', { pseudonym: 'Relu', text: 'Un texte corrigé par la rédaction.' });
    const response = await claire.post(
      '/moderation/decision',
      { ...form, decision: 'approve' },
      { accept: 'application/json' },
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Ce commentaire a changé entre-temps\u00A0: relisez-le avant de décider.',
    );
    expect(decided(file(desk.dir, id)).fields['status']).toBe('pending');
  });

  test('offers no decision the queue has no button for', async () => {
    const id = writePending(desk.dir, 'choix', { pseudonym: 'Choix' });
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    for (const decision of ['feature', 'unfeature', 'publier']) {
      expect((await claire.decide(id, decision)).status).toBe(400);
    }
    expect(decided(file(desk.dir, id)).trail).toBeUndefined();
  });

  test('a tampered page to come back to does not turn a decision made into an error', async () => {
    const id = writePending(desk.dir, 'retour', { pseudonym: 'Retour' });
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    const form = await claire.formOf(id);
    const response = await claire.post('/moderation/decision', {
      ...form,
      decision: 'approve',
      retour: '/moderation/?page=2\r\nSet-Cookie: x=1\u0000&article=a',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/moderation/?page=2Set-Cookie:%20x=1%00&article=a');
    expect(decided(file(desk.dir, id)).fields['status']).toBe('published');
  });

  test('a comment gone since the page was shown (a pull) is said so in the desk’s words', async () => {
    const id = writePending(desk.dir, 'parti', { pseudonym: 'Parti' });
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    const form = await claire.formOf(id);
    rmSync(file(desk.dir, id));
    const response = await claire.post(
      '/moderation/decision',
      { ...form, decision: 'approve' },
      { accept: 'application/json' },
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toBe(
      'Ce commentaire n’est plus là (retiré ou déplacé entre-temps)\u00A0: rien n’a été modifié.',
    );
  });
});
