import { existsSync } from 'node:fs';
import { readFile, readdir, readlink, rm } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from './config.ts';
import { git, nulSeparated, runGit } from './git.ts';
import type { Log } from './log.ts';

/** How long a lock held by a running git command may take to go away before start-up gives up. */
const LOCK_WAIT_MS = 5_000;

async function gitPath(top: string, name: string): Promise<string> {
  return (await git(top, ['rev-parse', '--path-format=absolute', '--git-path', name])).trim();
}

/**
 * Whether a git program runs in this repository, as far as Linux's `/proc` tells; `undefined`
 * where there is no `/proc` to ask. A process whose folder cannot be read counts as running:
 * removing a lock a live git holds would corrupt its index.
 */
async function gitRunsIn(top: string): Promise<boolean | undefined> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name) && name !== String(process.pid));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
    if (!command.startsWith('git')) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd === undefined || cwd === top || cwd.startsWith(top + sep)) return true;
  }
  return false;
}

/** The lock files git takes while it writes the index, `HEAD` or a branch. */
async function lockFiles(top: string): Promise<string[]> {
  const named = await Promise.all(
    ['index.lock', 'HEAD.lock', 'ORIG_HEAD.lock', 'packed-refs.lock'].map((name) => gitPath(top, name)),
  );
  const refs = await gitPath(top, 'refs');
  const entries = await readdir(refs, { recursive: true, withFileTypes: true }).catch(() => []);
  const refLocks = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.lock'))
    .map((entry) => join(entry.parentPath, entry.name));
  return [...named.filter((file) => existsSync(file)), ...refLocks];
}

/**
 * A service killed while git wrote the index or moved the branch leaves a lock file behind
 * (`index.lock`, `refs/heads/main.lock`), and every later commit refuses to run. Such locks are
 * removed only once no git program runs in the work tree (a lock a live command holds is
 * waited for, then reported).
 */
export async function removeStaleLocks(top: string, log: Log): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let locks = await lockFiles(top); locks.length > 0; locks = await lockFiles(top)) {
    const running = await gitRunsIn(top);
    if (running === false) {
      await Promise.all(locks.map((lock) => rm(lock, { force: true })));
      log({ event: 'recovery', what: 'stale git locks removed', files: locks.length });
      return;
    }
    if (running === undefined || Date.now() > deadline) {
      throw new ConfigError(
        `${locks.join(', ')}: ${running ? 'a git command is running; once it has stopped' : 'if no git command runs in the work tree'}, remove ${locks.length > 1 ? 'them' : 'it'} and start the service again`,
      );
    }
    await sleep(200);
  }
}

/**
 * A rebase the service started and never finished (it was killed in the middle) is aborted:
 * the branch goes back to the local commits as they were, and the next push rebases again.
 */
export async function abortUnfinishedRebase(top: string, log: Log): Promise<void> {
  const unfinished = existsSync(await gitPath(top, 'rebase-merge')) || existsSync(await gitPath(top, 'rebase-apply'));
  if (!unfinished) return;
  await git(top, ['rebase', '--abort']);
  log({ event: 'recovery', what: 'unfinished rebase aborted' });
}

/**
 * The comment files and `barred.yaml` written but not committed: a service killed between
 * writing a file and committing it. Both writers write under a temporary dot name and then
 * give the file its final name in one step, so a file with its final name is whole; the dot
 * names themselves are left alone. Deletions are not the service's (it never deletes).
 */
export async function uncommittedContent(top: string, contentDir: string): Promise<string[]> {
  const comments = relative(top, join(contentDir, 'comments'));
  const barred = relative(top, join(contentDir, 'barred.yaml'));
  const result = await runGit(top, [
    '--literal-pathspecs',
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--',
    comments,
    barred,
  ]);
  if (result.code !== 0) throw new Error(`git status failed in ${top}: ${result.stderr.trim()}`);
  const entries = nulSeparated(result.stdout);
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const state = entry.slice(0, 2);
    const path = entry.slice(3);
    // A rename is followed by its former name.
    if (state.startsWith('R') || state.startsWith('C')) i++;
    if (state.includes('D') || basename(path).startsWith('.')) continue;
    if (path === barred || path.endsWith('.md')) files.push(join(top, path));
  }
  return files;
}

/**
 * The temporary name `writeAtomically` (services/moderation/write.ts) writes a file under
 * before giving it its own: `.<file name>.<pid>-<8 hex digits>.tmp`, in the file's folder.
 */
const ATOMIC_TEMP = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * A process killed between writing a temporary file and renaming it leaves that file behind,
 * untracked in the clone for ever. Removed: files git does not track, under the content folder,
 * named as `writeAtomically` names them, whose writer (the pid in the name) no longer runs.
 */
export async function removeLeftoverTemps(top: string, contentDir: string, log: Log): Promise<void> {
  const untracked = nulSeparated(
    await git(top, ['--literal-pathspecs', 'ls-files', '--others', '-z', '--', relative(top, contentDir) || '.']),
  );
  const leftovers = untracked.filter((path) => {
    const pid = ATOMIC_TEMP.exec(basename(path))?.[1];
    return pid !== undefined && !processRuns(Number(pid));
  });
  if (leftovers.length === 0) return;
  await Promise.all(leftovers.map((path) => rm(join(top, path), { force: true })));
  log({
    event: 'recovery',
    what: 'temporary files of interrupted writes removed',
    files: leftovers.length,
    paths: leftovers.join(', '),
  });
}
