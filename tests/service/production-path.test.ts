import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addModerator } from '../../services/comments/desk/accounts.ts';
import { Moderator, PASSWORD } from './desk-helpers.ts';
import { ARTICLE, copyContent, root } from './helpers.ts';

const SITE = 'http://localhost:4321';
const scratch = mkdtempSync(join(tmpdir(), 'kiosque-path-'));
const remote = join(scratch, 'journal.git');
const clone = join(scratch, 'service');
const accounts = join(scratch, 'moderateurs.json');
let service: ChildProcessWithoutNullStreams | undefined;
let output = '';
let url = '';

/** Git as the newsroom's people run it, with an identity of their own. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Rédaction',
      GIT_AUTHOR_EMAIL: 'redaction@journal.test',
      GIT_COMMITTER_NAME: 'Rédaction',
      GIT_COMMITTER_EMAIL: 'redaction@journal.test',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** What the newsroom's repository holds: the last commit's subject and author, and a file at that commit. */
const remoteHead = () => git(remote, 'log', '-1', '--format=%s | %an', 'main');
const remoteFile = (path: string) => git(remote, 'show', `main:${path}`);

beforeAll(async () => {
  // The newsroom's repository, and the service's clone of it, as docs/deployment.md sets them up.
  const seed = join(scratch, 'seed');
  mkdirSync(seed);
  const content = copyContent(new Date().toISOString());
  cpSync(content, join(seed, 'content'), { recursive: true });
  rmSync(content, { recursive: true, force: true });
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'add', '.');
  git(seed, 'commit', '-q', '-m', 'Le site');
  git(scratch, 'clone', '-q', '--bare', seed, remote);
  git(scratch, 'clone', '-q', remote, clone);
  await addModerator(accounts, { name: 'Claire', password: PASSWORD, replace: false, now: new Date() });

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  service = spawn(process.execPath, ['services/comments/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      KIOSQUE_CONTENT_DIR: join(clone, 'content'),
      KIOSQUE_COMMENTS_PORT: String(port),
      KIOSQUE_COMMENTS_ORIGINS: SITE,
      KIOSQUE_MODERATORS_FILE: accounts,
      KIOSQUE_GIT_REMOTE: 'origin',
      KIOSQUE_GIT_BRANCH: 'main',
      // The service's clone has no identity: the service brings its own.
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  service.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  service.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start:\n${output}`)), 15_000);
    service!.stdout.on('data', () => {
      if (!output.includes('"event":"start"')) return;
      clearTimeout(timer);
      resolve();
    });
    service!.once('exit', (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
  });
}, 30_000);

afterAll(() => {
  service?.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

test('a comment and its approval on the desk reach the newsroom’s repository, each in its own commit', async () => {
  const posted = await fetch(`${url}/commentaires/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITE },
    body: JSON.stringify({ article: ARTICLE, pseudonym: 'Lectrice du port', text: 'Un avis venu jusqu’au dépôt.' }),
  });
  expect(posted.status).toBe(202);
  const { id } = (await posted.json()) as { id: string };
  const file = `content/comments/${ARTICLE}/${id}.md`;
  await expect.poll(remoteHead, { timeout: 15_000 }).toMatch(`Commentaire en attente : ${ARTICLE}/${id}`);
  expect(remoteFile(file)).toContain('status: pending');

  const moderator = new Moderator({ url } as ConstructorParameters<typeof Moderator>[0]);
  expect((await moderator.signIn()).status).toBe(303);
  const decided = await moderator.decide(`${ARTICLE}/${id}`, 'approve');
  expect(decided.status).toBe(303);
  await expect.poll(remoteHead, { timeout: 15_000 }).toBe(`Modération : publie ${ARTICLE}/${id} | Claire`);
  expect(remoteFile(file)).toMatch(/status: published[\s\S]*by: Claire/);

  // The push is over once the remote has the commit; the service notes it just after.
  const health = async () => (await (await fetch(`${url}/sante/`)).json()) as Record<string, unknown>;
  await expect.poll(health, { timeout: 5_000 }).toMatchObject({ git: true, unpushed: 0, lastPush: { ok: true } });
  // The log tells what happened without what the reader wrote.
  expect(output).toContain('"event":"push"');
  // The queue's index was read at start, before any moderator looked.
  expect(output).toMatch(/"event":"desk-index","pending":\d+,/);
  expect(output).not.toContain('jusqu’au dépôt');
}, 60_000);
