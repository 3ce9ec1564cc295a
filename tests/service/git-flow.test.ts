import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createGitFlow,
  gitSettingsFromEnv,
  leftAtStop,
  type GitFlow,
  type GitFlowOptions,
} from '../../services/comments/git-flow.ts';
import { isBarred } from '../../services/comments/barred.ts';
import { gitProblem } from '../../services/comments/git.ts';
import { reappendBars } from '../../services/comments/rebase-bars.ts';
import type { LogEvent } from '../../services/comments/log.ts';
import { WriterClosedError } from '../../services/comments/writer.ts';
import { barReader } from '../../services/moderation/apply.ts';
import { readBarred } from '../../services/moderation/barred.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** The tests' own commits (the seed, a colleague's) say who made them; the service's clones have no identity. */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const identity = ['-c', 'user.name=Rédaction', '-c', 'user.email=redaction@example.org'];
  return (await run('git', [...identity, ...args], { cwd })).stdout.trim();
}

const COMMENT = 'content/comments/la-greve/c1.md';
const OTHER = 'content/comments/la-greve/c2.md';

function comment(status: string): string {
  return `---\narticle: la-greve\npseudonym: "Tamaris"\npublishedAt: 2026-12-01T09:00:00.000Z\nstatus: ${status}\n---\n\nLes trains ne roulaient pas ce matin.\n`;
}

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kiosque-git-flow-'));
  // No user.name or user.email anywhere: the service must commit all the same.
  await writeFile(join(base, 'gitconfig'), '');
  vi.stubEnv('GIT_CONFIG_GLOBAL', join(base, 'gitconfig'));
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(base, { recursive: true, force: true });
});

const flows: GitFlow[] = [];
afterEach(async () => {
  await Promise.all(flows.splice(0).map((flow) => flow.close()));
});

/** A newsroom's repository (a bare repository standing for the remote) with two pending comments. */
async function newsroom(): Promise<{ bare: string; clone: (name: string) => Promise<string> }> {
  const dir = await mkdtemp(join(base, 'newsroom-'));
  const seed = join(dir, 'seed');
  await mkdir(join(seed, 'content/comments/la-greve'), { recursive: true });
  await git(seed, 'init', '--quiet', '-b', 'main');
  await writeFile(join(seed, COMMENT), comment('pending'));
  await writeFile(join(seed, OTHER), comment('pending'));
  await writeFile(join(seed, 'content/barred.yaml'), '[]\n');
  await writeFile(join(seed, 'README.md'), 'Le journal.\n');
  await git(seed, 'add', '.');
  await git(seed, 'commit', '--quiet', '-m', 'Premier numéro');
  const bare = join(dir, 'remote.git');
  await git(dir, 'clone', '--quiet', '--bare', seed, bare);
  return {
    bare,
    clone: async (name) => {
      await git(dir, 'clone', '--quiet', bare, name);
      return join(dir, name);
    },
  };
}

const events: LogEvent[] = [];

async function flowIn(workTree: string, options: Partial<GitFlowOptions> = {}): Promise<GitFlow> {
  const flow = await createGitFlow({ workTree, remote: 'origin', log: (event) => events.push(event), ...options });
  flows.push(flow);
  return flow;
}

/** A moderation decision as the desk makes it: the comment's file rewritten, then recorded. */
function decide(flow: GitFlow, file: string, status: string, author?: string): Promise<string> {
  return flow.write(async () => {
    await writeFile(file, comment(status));
    return { change: { message: `Modération : ${status} la-greve/c1`, paths: [file], author }, result: status };
  });
}

/** The remote branch's commits, newest first: subject, author, committer. */
async function remoteLog(bare: string): Promise<string[]> {
  const log = await git(bare, 'log', '--format=%s | %an <%ae> | %cn <%ce>', 'main');
  return log.split('\n');
}

describe('the git flow', () => {
  it('commits a decision with its message and moderator, and pushes it to the remote', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    // Something a person left staged is not the service's to commit.
    await writeFile(join(tree, 'README.md'), 'Le journal du soir.\n');
    await git(tree, 'add', 'README.md');
    const flow = await flowIn(tree);

    expect(await decide(flow, join(tree, COMMENT), 'published', 'Camille Dupré')).toBe('published');
    await flow.write(async () => ({ change: undefined, result: null }));
    // The same decision again changes nothing, and commits nothing.
    await decide(flow, join(tree, COMMENT), 'published', 'Camille Dupré');
    await flow.sync();

    expect(await remoteLog(bare)).toEqual([
      'Modération : published la-greve/c1 | Camille Dupré <camille-dupre@moderation.invalid> | Service des commentaires <commentaires@kiosque.invalid>',
      'Premier numéro | Rédaction <redaction@example.org> | Rédaction <redaction@example.org>',
    ]);
    expect(await git(bare, 'show', `main:${COMMENT}`)).toContain('status: published');
    expect(await git(tree, 'diff', '--cached', '--name-only')).toBe('README.md');
    expect(flow.status()).toMatchObject({ git: true, unpushed: 0, lastPush: { ok: true } });
  });

  it('authors a reader’s comment and a « Reprise » as the service, committed by the machine’s identity', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    await git(tree, 'config', 'user.name', 'Serveur Kiosque');
    await git(tree, 'config', 'user.email', 'root@kiosque.example.org');
    await writeFile(join(tree, 'content/comments/la-greve/c9.md'), comment('pending'));
    const flow = await flowIn(tree);
    const file = join(tree, 'content/comments/la-greve/c3.md');
    await flow.write(async () => {
      await writeFile(file, comment('pending'));
      return { change: { message: 'Commentaire en attente : la-greve/c3', paths: [file] }, result: undefined };
    });
    await decide(flow, join(tree, COMMENT), 'published', 'Camille Dupré');
    await flow.sync();
    expect((await remoteLog(bare)).slice(0, 3)).toEqual([
      'Modération : published la-greve/c1 | Camille Dupré <camille-dupre@moderation.invalid> | Serveur Kiosque <root@kiosque.example.org>',
      'Commentaire en attente : la-greve/c3 | Service des commentaires <commentaires@kiosque.invalid> | Serveur Kiosque <root@kiosque.example.org>',
      "Reprise : fichiers écrits avant l'arrêt du service | Service des commentaires <commentaires@kiosque.invalid> | Serveur Kiosque <root@kiosque.example.org>",
    ]);
  });

  it('keeps the commits while the remote is away, and pushes them when it is back', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    const flow = await flowIn(tree, { retry: { firstMs: 50, maxMs: 200 } });
    const from = events.length;
    await rename(bare, `${bare}.away`);

    await decide(flow, join(tree, COMMENT), 'published', 'camille');
    await flow.sync();
    const away = flow.status();
    expect(away.unpushed).toBe(1);
    expect(away.lastPush).toMatchObject({
      ok: false,
      error: expect.stringContaining('does not appear to be a git repository'),
    });
    expect(await git(tree, 'log', '-1', '--format=%s')).toBe('Modération : published la-greve/c1');
    // Each failure doubles the wait before the next try, up to the most allowed.
    const waits = () => events.slice(from).flatMap((event) => (event.event === 'push' ? [event['retryInMs']] : []));
    await vi.waitFor(() => expect(waits().length).toBeGreaterThanOrEqual(4), { timeout: 15_000 });
    expect(waits().slice(0, 4)).toEqual([50, 100, 200, 200]);
    // The outage dates from its first failure, whatever the retries since (GET /sante/ reads it).
    const later = flow.status().lastPush;
    expect(later?.at).not.toBe(away.lastPush?.at);
    expect(later).toMatchObject({ ok: false, failingSince: away.lastPush?.failingSince });
    expect(away.lastPush?.failingSince).toBe(away.lastPush?.at);

    await rename(`${bare}.away`, bare);
    // No call to sync(): the flow tries again by itself.
    await vi.waitFor(() => expect(flow.status()).toMatchObject({ unpushed: 0, lastPush: { ok: true } }), {
      timeout: 10_000,
    });
    expect((await remoteLog(bare))[0]).toMatch(/^Modération : published la-greve\/c1 \| camille/);
  });

  it('keeps a decision whose commit git refused, commits it once git lets it, and still rebases and pushes', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    const flow = await flowIn(tree, { retry: { firstMs: 50, maxMs: 200 } });
    // Someone's git in the clone holds the index, as `git status` or a hand-made commit does.
    const lock = join(tree, '.git/index.lock');
    await writeFile(lock, '');

    // The decision is on disk: the moderator is told so, not that nothing changed.
    await expect(decide(flow, join(tree, COMMENT), 'published', 'camille')).resolves.toBe('published');
    expect(await readFile(join(tree, COMMENT), 'utf8')).toContain('status: published');
    expect(flow.status()).toMatchObject({ uncommitted: 1 });

    // Meanwhile an editor pushes to the newsroom's repository.
    const editor = await clone('editor');
    await writeFile(join(editor, 'README.md'), 'Le journal du matin.\n');
    await git(editor, 'commit', '--quiet', '-am', 'Une');
    await git(editor, 'push', '--quiet', 'origin', 'main');

    await rm(lock);
    await vi.waitFor(() => expect(flow.status()).toMatchObject({ uncommitted: undefined, unpushed: 0 }), {
      timeout: 10_000,
    });
    await flow.sync();
    expect((await remoteLog(bare)).map((line) => line.split(' | ')[0])).toEqual([
      'Modération : published la-greve/c1',
      'Une',
      'Premier numéro',
    ]);
    expect(flow.status()).toMatchObject({ unpushed: 0, lastPush: { ok: true } });
    expect(flow.status().conflict).toBeUndefined();
    expect(await git(tree, 'status', '--porcelain')).toBe('');
  });

  it('runs one piece of work at a time, each after the previous one is committed', async () => {
    const { clone } = await newsroom();
    const tree = await clone('service');
    const flow = await flowIn(tree);
    const seen: string[] = [];
    const record = (id: string) =>
      flow.write(async () => {
        seen.push(`${id} after « ${await git(tree, 'log', '-1', '--format=%s')} »`);
        const file = join(tree, `content/comments/la-greve/${id}.md`);
        await writeFile(file, comment('pending'));
        return { change: { message: `Commentaire en attente : la-greve/${id}`, paths: [file] }, result: undefined };
      });
    await Promise.all([record('c7'), record('c8')]);
    expect(seen).toEqual(['c7 after « Premier numéro »', 'c8 after « Commentaire en attente : la-greve/c7 »']);
  });

  it('never shows the password of the remote’s address in its status', async () => {
    const { clone } = await newsroom();
    const tree = await clone('service');
    await git(tree, 'remote', 'set-url', 'origin', 'http://kiosque:s3cret-jeton@127.0.0.1:9/journal.git');
    const flow = await flowIn(tree);
    await decide(flow, join(tree, COMMENT), 'published', 'camille');
    await flow.sync();
    const { lastPush } = flow.status();
    expect(lastPush).toMatchObject({ ok: false, error: expect.stringContaining('127.0.0.1') });
    expect(JSON.stringify(lastPush)).not.toContain('s3cret-jeton');
    expect(JSON.stringify(events)).not.toContain('s3cret-jeton');
  });

  it('lets two moderators decide different comments at once: both decisions reach the remote', async () => {
    const { bare, clone } = await newsroom();
    const [treeA, treeB] = [await clone('a'), await clone('b')];
    const [a, b] = [await flowIn(treeA), await flowIn(treeB)];
    const incoming = { a: [] as string[], b: [] as string[] };
    a.onIncoming((paths) => incoming.a.push(...paths));
    b.onIncoming((paths) => incoming.b.push(...paths));

    await Promise.all([
      decide(a, join(treeA, COMMENT), 'published', 'camille'),
      decide(b, join(treeB, OTHER), 'rejected', 'yanis'),
    ]);
    await Promise.all([a.sync(), b.sync()]);
    await a.sync();
    await b.sync();

    const subjects = (await remoteLog(bare)).map((line) => line.split(' | ')[0]);
    expect(subjects.toSorted()).toEqual([
      'Modération : published la-greve/c1',
      'Modération : rejected la-greve/c1',
      'Premier numéro',
    ]);
    expect(await git(bare, 'show', `main:${COMMENT}`)).toContain('status: published');
    expect(await git(bare, 'show', `main:${OTHER}`)).toContain('status: rejected');
    expect(incoming.a).toContain(join(treeA, OTHER));
    expect(incoming.b).toContain(join(treeB, COMMENT));
    expect(await readFile(join(treeA, OTHER), 'utf8')).toContain('status: rejected');
    expect([a.status().unpushed, b.status().unpushed]).toEqual([0, 0]);
  });

  it('reports the same comment decided twice as a conflict, keeps both decisions, and never forces', async () => {
    const { bare, clone } = await newsroom();
    const [treeA, treeB] = [await clone('a'), await clone('b')];
    const [a, b] = [await flowIn(treeA), await flowIn(treeB)];

    // A pushes first; in the other order b's own background push, a second after its commit, could win.
    await decide(a, join(treeA, COMMENT), 'published', 'camille');
    await a.sync();
    await decide(b, join(treeB, COMMENT), 'rejected', 'yanis');
    await b.sync();

    const status = b.status();
    expect(status.conflict).toMatchObject({
      message: expect.stringContaining('Modération : rejected la-greve/c1'),
      files: [join(treeB, COMMENT)],
    });
    expect(status.unpushed).toBe(1);
    expect(await readFile(join(treeB, COMMENT), 'utf8')).toContain('status: rejected');
    expect(await git(treeB, 'status', '--porcelain')).toBe('');
    expect((await remoteLog(bare)).map((line) => line.split(' | ')[0])).toEqual([
      'Modération : published la-greve/c1',
      'Premier numéro',
    ]);
    expect(events).toContainEqual(expect.objectContaining({ event: 'conflict', files: COMMENT }));

    // Decisions go on being committed here, and wait.
    const later = join(treeB, OTHER);
    await b.write(async () => {
      await writeFile(later, comment('published'));
      return { change: { message: 'Modération : publie la-greve/c2', paths: [later] }, result: undefined };
    });
    await b.sync();
    expect(b.status()).toMatchObject({ unpushed: 2, conflict: { files: [join(treeB, COMMENT)] } });
    expect(await git(bare, 'show', `main:${OTHER}`)).toContain('status: pending');

    // Someone takes the first decision back on the remote: the next try goes through.
    const desk = await clone('desk');
    await git(desk, 'revert', '--no-edit', 'HEAD');
    await git(desk, 'push', '--quiet', 'origin', 'main');
    await b.sync();
    expect(b.status().conflict).toBeUndefined();
    expect(b.status().unpushed).toBe(0);
    expect(await git(bare, 'show', `main:${COMMENT}`)).toContain('status: rejected');
    expect(await git(bare, 'show', `main:${OTHER}`)).toContain('status: published');
  });

  it('adds a bar made here after a bar pushed from another clone: both readers barred, no conflict', async () => {
    const { bare, clone } = await newsroom();
    const editor = await clone('editor');
    const list = join(editor, 'content/barred.yaml');
    await writeFile(
      list,
      '# Pseudonymes refusés\n- pseudonym: Ancien\n  since: 2026-10-02\n  reason: Spam\n  by: Camille\n',
    );
    await git(editor, 'commit', '--quiet', '-am', 'Liste des exclus');
    await git(editor, 'push', '--quiet', 'origin', 'main');
    const tree = await clone('service');
    const flow = await flowIn(tree);
    await flow.sync();

    // `npm run moderate -- bar` in a moderator's own clone, pushed.
    const at = new Date('2026-12-03T10:00:00Z');
    barReader(join(editor, 'content'), { pseudonym: 'Corbeau', reason: 'Insultes répétées', by: 'Yanis', at });
    await git(editor, 'commit', '--quiet', '-am', 'Modération : exclut « Corbeau » des commentaires');
    await git(editor, 'push', '--quiet', 'origin', 'main');
    // Meanwhile, on the desk, as `barAuthor` does.
    await flow.write(async () => {
      const result = barReader(join(tree, 'content'), { pseudonym: 'Tamaris', reason: 'Menaces', by: 'Camille', at });
      return { change: { message: result.commitMessage, paths: [result.path], author: 'Camille' }, result };
    });
    await flow.sync();

    expect(flow.status()).toMatchObject({ unpushed: 0, lastPush: { ok: true } });
    expect(flow.status().conflict).toBeUndefined();
    expect(await git(bare, 'show', 'main:content/barred.yaml')).toBe(
      [
        '# Pseudonymes refusés',
        '- pseudonym: Ancien',
        '  since: 2026-10-02',
        '  reason: Spam',
        '  by: Camille',
        '- pseudonym: Corbeau',
        '  since: 2026-12-03',
        '  reason: Insultes répétées',
        '  by: Yanis',
        '- pseudonym: Tamaris',
        '  since: 2026-12-03',
        '  reason: Menaces',
        '  by: Camille',
      ].join('\n'),
    );
    expect((await remoteLog(bare)).map((line) => line.split(' | ')[0]).slice(0, 2)).toEqual([
      'Modération : exclut « Tamaris » des commentaires',
      'Modération : exclut « Corbeau » des commentaires',
    ]);
    const content = join(tree, 'content');
    expect(readBarred(content).entries.map((entry) => (entry as { pseudonym: string }).pseudonym)).toEqual([
      'Ancien',
      'Corbeau',
      'Tamaris',
    ]);
    for (const reader of ['Ancien', 'Corbeau', 'Tamaris']) expect(await isBarred(content, reader)).toBe(true);
    expect(await git(tree, 'status', '--porcelain')).toBe('');
  });

  it('adds the local bar to the remote’s list only when that is all it did, and the result reads back whole', () => {
    const base = '- pseudonym: Ancien\n  by: Camille\n';
    const remote = `${base}- pseudonym: Corbeau\n  by: Yanis\n`;
    const local = `${base}- pseudonym: Tamaris\n  by: Camille\n`;
    expect(reappendBars(base, local, remote)).toBe(`${remote}- pseudonym: Tamaris\n  by: Camille\n`);
    // A last line without its line break, on either side; comments kept.
    expect(
      reappendBars(
        '- pseudonym: Ancien',
        `- pseudonym: Ancien\n- pseudonym: Tamaris\n`,
        '- pseudonym: Ancien\n# vu\n- pseudonym: Corbeau',
      ),
    ).toBe('- pseudonym: Ancien\n# vu\n- pseudonym: Corbeau\n- pseudonym: Tamaris\n');
    // The remote fixed the last entry by hand (where git's merge=union would keep both `by:` lines).
    expect(reappendBars(base, local, '- pseudonym: Ancien\n  by: Léa\n')).toBe(
      '- pseudonym: Ancien\n  by: Léa\n- pseudonym: Tamaris\n  by: Camille\n',
    );
    // The same reader barred on both sides is listed once.
    expect(reappendBars(base, `${base}- pseudonym: tamaris\n  by: Yanis\n`, local)).toBe(local);
    // Anything else than entries appended stays a conflict for a person.
    expect(reappendBars(base, '- pseudonym: Ancien\n  by: Léa\n- pseudonym: Tamaris\n', remote)).toBeUndefined();
    expect(reappendBars(base, `${base}  reason: Spam\n`, remote)).toBeUndefined();
    expect(reappendBars(base, `${base}- pseudonym: Tamaris\n`, '[Corbeau]\n')).toBeUndefined();
  });

  it('says in lastPush that the last push was refused for a conflict, and says it again after a restart', async () => {
    const { clone } = await newsroom();
    const [treeA, treeB] = [await clone('a'), await clone('b')];
    const [a, b] = [await flowIn(treeA), await flowIn(treeB)];
    await decide(b, join(treeB, OTHER), 'published', 'yanis');
    await b.sync();
    expect(b.status().lastPush).toMatchObject({ ok: true });

    await decide(a, join(treeA, COMMENT), 'published', 'camille');
    await a.sync();
    await decide(b, join(treeB, COMMENT), 'rejected', 'yanis');
    await b.sync();
    const refused = {
      ok: false,
      error: expect.stringMatching(
        /^refused by origin: .*rejected.*; the local commit "Modération : rejected la-greve\/c1" does not apply on origin\/main$/,
      ),
    };
    expect(b.status().lastPush).toMatchObject(refused);

    await b.close();
    // The new service tries at once, without being asked.
    const again = await flowIn(treeB);
    await vi.waitFor(() => expect(again.status().lastPush).toMatchObject(refused), { timeout: 10_000 });
    expect(again.status()).toMatchObject({ unpushed: 1, conflict: { files: [join(treeB, COMMENT)] } });
  });

  it('fetches the other moderators’ decisions while idle and says which files changed', async () => {
    const { clone } = await newsroom();
    const [treeA, treeB] = [await clone('a'), await clone('b')];
    const a = await flowIn(treeA);
    const b = await flowIn(treeB, { pullEveryMs: 100 });
    const incoming: string[][] = [];
    b.onIncoming((paths) => incoming.push(paths));

    await decide(a, join(treeA, COMMENT), 'published', 'camille');
    await a.sync();

    await vi.waitFor(() => expect(incoming).toEqual([[join(treeB, COMMENT)]]), { timeout: 10_000 });
    expect(await readFile(join(treeB, COMMENT), 'utf8')).toContain('status: published');
  });
});

describe('the git flow at start-up', () => {
  it('commits the files a killed service wrote, and nothing else, then pushes them', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    await writeFile(join(tree, 'content/comments/la-greve/c9.md'), comment('pending'));
    await writeFile(join(tree, 'content/barred.yaml'), '- pseudonym: Troll75\n');
    await writeFile(join(tree, 'content/comments/la-greve/.c8.tmp'), 'à moitié');
    await writeFile(join(tree, 'brouillon.txt'), 'pas pour le service');
    // Our own git, killed while it held the index and was moving the branch.
    await writeFile(join(tree, '.git/index.lock'), '');
    await writeFile(join(tree, '.git/refs/heads/main.lock'), '');

    const flow = await flowIn(tree);
    await flow.sync();

    const shown = await git(bare, 'show', '--name-only', '--format=%s', 'main');
    expect(shown.split('\n').filter((line) => line !== '')).toEqual([
      "Reprise : fichiers écrits avant l'arrêt du service",
      'content/barred.yaml',
      'content/comments/la-greve/c9.md',
    ]);
    expect(existsSync(join(tree, '.git/index.lock'))).toBe(false);
    expect(existsSync(join(tree, '.git/refs/heads/main.lock'))).toBe(false);
    expect((await git(tree, 'status', '--porcelain', '--untracked-files=all')).split('\n').sort()).toEqual([
      '?? brouillon.txt',
      '?? content/comments/la-greve/.c8.tmp',
    ]);
    expect(events).toContainEqual(expect.objectContaining({ event: 'recovery', files: 2 }));
  });

  it('removes the temporary files of writes a killed process left, and only those', async () => {
    const { clone } = await newsroom();
    const editor = await clone('editor');
    const dead = await new Promise<number>((resolve) => {
      const child = spawn('true');
      child.once('exit', () => resolve(child.pid!));
    });
    const folder = 'content/comments/la-greve';
    // Someone once committed a file with such a name: it is the newsroom's, not a leftover.
    const tracked = `${folder}/.archive.md.${dead}-00c0ffee.tmp`;
    await writeFile(join(editor, tracked), 'gardé');
    await git(editor, 'add', tracked);
    await git(editor, 'commit', '--quiet', '-m', 'Archive');
    await git(editor, 'push', '--quiet', 'origin', 'main');
    const tree = await clone('service');
    const leftovers = [
      `${folder}/.r20261203-0a1b.md.${dead}-0a1b2c3d.tmp`,
      `content/.barred.yaml.${dead}-deadbeef.tmp`,
    ];
    const kept = [
      // A write in progress: its process runs.
      `${folder}/.c1.md.${process.pid}-1234abcd.tmp`,
      // Outside the content folder, or named otherwise.
      `.README.md.${dead}-0a1b2c3d.tmp`,
      `${folder}/.c1.md.${dead}-xyz.tmp`,
    ];
    for (const path of [...leftovers, ...kept]) await writeFile(join(tree, path), 'à moitié');

    const from = events.length;
    await flowIn(tree);
    for (const path of leftovers) expect(existsSync(join(tree, path))).toBe(false);
    for (const path of [...kept, tracked]) expect(existsSync(join(tree, path))).toBe(true);
    expect(events.slice(from)).toContainEqual({
      event: 'recovery',
      what: 'temporary files of interrupted writes removed',
      files: 2,
      paths: expect.stringContaining(leftovers[0]!),
    });
  });

  it('loses no acknowledged comment when the service and its git are killed in the middle', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    // The killed service cannot reach the remote: what is tested is what it leaves on disk.
    await git(tree, 'remote', 'set-url', 'origin', join(base, 'nowhere.git'));
    const service = `
      import { writeFileSync } from 'node:fs';
      import { join } from 'node:path';
      import { createGitFlow } from ${JSON.stringify(join(root, 'services/comments/git-flow.ts'))};
      const tree = process.env.KIOSQUE_TEST_TREE;
      const flow = await createGitFlow({ workTree: tree, remote: 'origin', log: () => {} });
      for (let i = 0; ; i++) {
        const file = join(tree, 'content/comments/la-greve', 'k' + i + '.md');
        await flow.write(async () => {
          writeFileSync(file, 'status: pending\\n');
          return { change: { message: 'Commentaire en attente : la-greve/k' + i, paths: [file] }, result: undefined };
        });
        process.stdout.write('k' + i + '\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', service], {
      env: { ...process.env, KIOSQUE_TEST_TREE: tree },
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => acknowledged.push(...chunk.toString().split('\n').filter(Boolean)));
    let exitCode: number | null | undefined;
    const exited = new Promise((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
    await vi.waitFor(
      () => {
        expect(exitCode).toBeUndefined();
        expect(acknowledged.length).toBeGreaterThanOrEqual(15);
      },
      { timeout: 30_000, interval: 20 },
    );
    // As systemd stops a service: the whole process group, git included, at once.
    process.kill(-child.pid!, 'SIGKILL');
    await exited;

    await git(tree, 'remote', 'set-url', 'origin', bare);
    const flow = await flowIn(tree);
    await flow.sync();
    const onRemote = (await git(bare, 'ls-tree', '--name-only', 'main', 'content/comments/la-greve/')).split('\n');
    for (const id of acknowledged) expect(onRemote).toContain(`content/comments/la-greve/${id}.md`);
    expect(await git(tree, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(flow.status()).toMatchObject({ unpushed: 0, lastPush: { ok: true } });
  });

  it('aborts a rebase left half-done, keeping the local decision, then reports its conflict', async () => {
    const { clone } = await newsroom();
    const [treeA, treeB] = [await clone('a'), await clone('b')];
    const a = await flowIn(treeA);
    await decide(a, join(treeA, COMMENT), 'published', 'camille');
    await a.sync();
    await writeFile(join(treeB, COMMENT), comment('rejected'));
    await git(treeB, 'commit', '--quiet', '-am', 'Modération : rejette la-greve/c1');
    await git(treeB, 'fetch', '--quiet');
    await expect(git(treeB, 'rebase', 'origin/main')).rejects.toThrow();

    const b = await flowIn(treeB);
    expect(await git(treeB, 'log', '-1', '--format=%s')).toBe('Modération : rejette la-greve/c1');
    expect(await readFile(join(treeB, COMMENT), 'utf8')).toContain('status: rejected');
    await b.sync();
    expect(b.status().conflict?.files).toEqual([join(treeB, COMMENT)]);
  });

  it('names the variable to fix when the work tree or the remote is wrong', async () => {
    const { clone } = await newsroom();
    const tree = await clone('service');
    const log = () => undefined;
    await expect(createGitFlow({ workTree: base, remote: 'origin', log })).rejects.toThrow(
      /KIOSQUE_GIT_REMOTE is set, but .* is not inside a git work tree/,
    );
    await expect(createGitFlow({ workTree: tree, remote: 'journal', log })).rejects.toThrow(
      /KIOSQUE_GIT_REMOTE: the work tree .* has no remote named "journal"/,
    );
    await git(tree, 'checkout', '--quiet', '--detach');
    await expect(createGitFlow({ workTree: tree, remote: 'origin', log })).rejects.toThrow(/KIOSQUE_GIT_BRANCH/);
  });

  it('refuses a KIOSQUE_GIT_BRANCH other than the branch checked out, saying whether the remote has it', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    const log = () => undefined;
    const start = (branch: string) => createGitFlow({ workTree: tree, remote: 'origin', branch, log });

    await expect(start('production')).rejects.toThrow(
      `KIOSQUE_GIT_BRANCH is "production", but the work tree ${await realpath(tree)} has the branch "main" checked out, and origin has no branch "production" (a typing error?)`,
    );
    const editor = await clone('editor');
    await git(editor, 'push', '--quiet', 'origin', 'main:production');
    await expect(start('production')).rejects.toThrow(
      /checked out, and origin has a branch "production": .*git switch production/,
    );
    await git(tree, 'remote', 'set-url', 'origin', join(base, 'nowhere.git'));
    await expect(start('prod')).rejects.toThrow(
      /"main" checked out, and whether origin has a branch "prod" could not be checked \(fatal: .*nowhere\.git/,
    );
    await git(tree, 'remote', 'set-url', 'origin', bare);

    // Nothing was pushed anywhere; the branch checked out, named or not, starts as before.
    expect(await git(bare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads')).toBe('main\nproduction');
    await decide(await flowIn(tree, { branch: 'main' }), join(tree, COMMENT), 'published', 'camille');
  });

  it('masks an address’s password in what git says, for the logs', () => {
    const stderr =
      "Cloning…\nfatal: unable to access 'https://kiosque:s3cret-jeton@git.journal.fr/redaction.git/': Could not resolve host\n";
    expect(gitProblem({ code: 128, stdout: '', stderr })).toBe(
      "fatal: unable to access 'https://***@git.journal.fr/redaction.git/': Could not resolve host",
    );
  });

  it('reads its settings from KIOSQUE_GIT_REMOTE and KIOSQUE_GIT_BRANCH', () => {
    expect(gitSettingsFromEnv({})).toBeUndefined();
    expect(gitSettingsFromEnv({ KIOSQUE_GIT_REMOTE: ' ' })).toBeUndefined();
    expect(gitSettingsFromEnv({ KIOSQUE_GIT_REMOTE: 'origin' })).toEqual({ remote: 'origin' });
    expect(gitSettingsFromEnv({ KIOSQUE_GIT_REMOTE: 'origin', KIOSQUE_GIT_BRANCH: 'commentaires' })).toEqual({
      remote: 'origin',
      branch: 'commentaires',
    });
  });
});

describe('closing the git flow', () => {
  it('says in the stop line how many commits wait, and that they go at the next start', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    const flow = await flowIn(tree, { retry: { firstMs: 50, maxMs: 200 } });
    await flow.sync();
    expect(leftAtStop(flow.status())).toEqual({});
    await rename(bare, `${bare}.away`);
    await decide(flow, join(tree, COMMENT), 'published', 'camille');
    await decide(flow, join(tree, OTHER), 'rejected', 'camille');
    await flow.close();
    expect(leftAtStop(flow.status())).toEqual({
      unpushed: 2,
      message: 'waiting in the clone: 2 commits not pushed; pushed at the next start',
    });
    expect(leftAtStop({ git: true, unpushed: 1, uncommitted: 1 })).toEqual({
      unpushed: 1,
      uncommitted: 1,
      message:
        'waiting in the clone: 1 commit not pushed, 1 change written, not committed; committed and pushed at the next start',
    });

    await rename(`${bare}.away`, bare);
    await (await flowIn(tree)).sync();
    expect((await remoteLog(bare)).length).toBe(3);
  });

  it('finishes the work in flight, pushes it, then refuses new work', async () => {
    const { bare, clone } = await newsroom();
    const tree = await clone('service');
    const flow = await createGitFlow({ workTree: tree, remote: 'origin', log: () => undefined });
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const inFlight = flow.write(async () => {
      await held;
      await writeFile(join(tree, COMMENT), comment('published'));
      return { change: { message: 'Modération : publie la-greve/c1', paths: [join(tree, COMMENT)] }, result: 'fait' };
    });

    let closed = false;
    const closing = flow.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false);
    await expect(decide(flow, join(tree, OTHER), 'published')).rejects.toBeInstanceOf(WriterClosedError);

    finish();
    expect(await inFlight).toBe('fait');
    await closing;
    expect((await remoteLog(bare))[0]).toMatch(/^Modération : publie la-greve\/c1 \|/);
  });
});
