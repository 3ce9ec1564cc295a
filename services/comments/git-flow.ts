import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from './config.ts';
import { git, gitProblem, nulSeparated, runGit, type GitResult } from './git.ts';
import { removeLeftoverTemps, uncommittedContent } from './git-recovery.ts';
import { SERVICE_IDENTITY, identityFallback, moderatorIdentity, openRepository } from './git-setup.ts';
import { OneAtATime } from './one-at-a-time.ts';
import { reappendBars } from './rebase-bars.ts';
import { writeAtomically } from '../moderation/write.ts';
import type { Log } from './log.ts';
import { WriterClosedError, type Change, type Writer, type WriterStatus, type Written } from './writer.ts';

export interface GitFlowOptions {
  /** The clone the service writes in (any folder inside it). */
  workTree: string;
  /** The name of the newsroom's remote in that clone (`origin`), from `KIOSQUE_GIT_REMOTE`. */
  remote: string;
  /** The remote branch to push to: the work tree's current branch, which is also the default. */
  branch?: string | undefined;
  log: Log;
  /** Waits between pushes that failed: `firstMs`, doubled each time, up to `maxMs`. */
  retry?: { firstMs: number; maxMs: number } | undefined;
  /** How often an idle service fetches the other moderators' decisions. */
  pullEveryMs?: number | undefined;
  /** The content folder, whose `comments/` and `barred.yaml` start-up recovery looks at; default `<work tree>/content`. */
  contentDir?: string | undefined;
}

export interface GitFlow extends Writer {
  /** Files a fetch-and-rebase brought from the remote (other moderators' decisions), for caches to refresh. */
  onIncoming(listener: (paths: string[]) => void): void;
  /** Push now (tests, and start-up). */
  sync(): Promise<void>;
}

/** The git settings of the comment service; `undefined` when it only writes files. */
export function gitSettingsFromEnv(env: NodeJS.ProcessEnv): { remote: string; branch?: string } | undefined {
  const remote = env['KIOSQUE_GIT_REMOTE']?.trim();
  if (remote === undefined || remote === '') return undefined;
  const branch = env['KIOSQUE_GIT_BRANCH']?.trim();
  return branch === undefined || branch === '' ? { remote } : { remote, branch };
}

/**
 * What the service's last log line says of the work a stop leaves in the clone (remote down,
 * a conflict standing, a commit git refused), so that the operator does not read a failed push
 * and `stopped` as work lost; nothing when everything reached the remote.
 */
export function leftAtStop(status: WriterStatus): { unpushed?: number; uncommitted?: number; message?: string } {
  const { unpushed } = status;
  const uncommitted = status.uncommitted ?? 0;
  if (unpushed === 0 && uncommitted === 0) return {};
  const what = [
    unpushed > 0 ? `${unpushed} commit${unpushed > 1 ? 's' : ''} not pushed` : '',
    uncommitted > 0 ? `${uncommitted} change${uncommitted > 1 ? 's' : ''} written, not committed` : '',
  ].filter((part) => part !== '');
  const when =
    `${uncommitted > 0 ? 'committed and ' : ''}pushed at the next start` +
    (status.conflict === undefined ? '' : ', once the conflict is resolved (docs/git-flow.md)');
  return {
    ...(unpushed > 0 ? { unpushed } : {}),
    ...(uncommitted > 0 ? { uncommitted } : {}),
    message: `waiting in the clone: ${what.join(', ')}; ${when}`,
  };
}

/**
 * Index settings for the commands that write the index: a split index writes the few entries
 * that changed rather than all of them, tens of milliseconds less per commit at 50,000 files.
 */
const INDEX = { 'core.splitIndex': 'true' };
/** Commits made within this delay of each other go out in one push. */
const BATCH_MS = 1_000;
const NETWORK_TIMEOUT_MS = 60_000;
/** `close()` waits this long at most for its last push. */
const LAST_PUSH_MS = 10_000;
/** A rejected push is followed by a fetch and a rebase, then tried again, this many times. */
const PUSH_ROUNDS = 3;
const RECOVERY_MESSAGE = "Reprise : fichiers écrits avant l'arrêt du service";

/**
 * The writer that records every change in git and pushes it to the newsroom's remote
 * (docs/git-flow.md): one writer, commits pushed in the background, retried with backoff
 * while the remote is away, rebased onto the other moderators' decisions, conflicts reported
 * and never resolved silently.
 */
export async function createGitFlow(options: GitFlowOptions): Promise<GitFlow> {
  const { log, remote } = options;
  const { top, branch } = await openRepository(options);
  const contentDir =
    options.contentDir === undefined
      ? join(top, 'content')
      : await realpath(options.contentDir).catch(() => resolve(options.contentDir!));
  if (relative(top, contentDir).startsWith('..')) {
    throw new ConfigError(`KIOSQUE_CONTENT_DIR: ${contentDir} is not inside the git work tree ${top}`);
  }
  const identity = await identityFallback(top);
  const barredPath = relative(top, join(contentDir, 'barred.yaml')).split('\\').join('/');
  const tracking = `refs/remotes/${remote}/${branch}`;
  const firstMs = options.retry?.firstMs ?? 2_000;
  const maxMs = options.retry?.maxMs ?? 5 * 60_000;
  const pullEveryMs = options.pullEveryMs ?? 60_000;

  const writes = new OneAtATime();
  const syncs = new OneAtATime();
  const listeners: ((paths: string[]) => void)[] = [];
  const status: WriterStatus = { git: true, unpushed: 0 };
  let closed = false;
  let backoffMs = 0;
  let retryAt = 0;
  let pushTimer: NodeJS.Timeout | undefined;
  let pushTimerAt = 0;
  /** The remote branch's tip the last conflict was met on: trying again on the same tip would only meet it again. */
  let conflictTip: string | undefined;
  /**
   * Changes written to disk whose commit failed (someone's git holding the index lock, a full
   * disk): the files are the truth, so the write stands, and these are committed, in order and
   * with their own messages, before anything else the writer does.
   */
  const owed: Change[] = [];
  let owedBackoffMs = 0;
  let owedTimer: NodeJS.Timeout | undefined;

  async function revision(ref: string): Promise<string | undefined> {
    const result = await runGit(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.code === 0 ? result.stdout.trim() : undefined;
  }

  async function countUnpushed(): Promise<void> {
    const range = (await revision(tracking)) === undefined ? ['HEAD'] : [`${tracking}..HEAD`];
    status.unpushed = Number((await git(top, ['rev-list', '--count', ...range])).trim());
  }

  /** A path of the work tree, as git names it (relative, `/`-separated). */
  async function inWorkTree(path: string): Promise<string> {
    if (!isAbsolute(path)) throw new Error(`the writer was given a relative path: ${path}`);
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    const inside = relative(top, join(folder, basename(path)));
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(`${path} is outside the git work tree ${top}`);
    }
    return inside.split('\\').join('/');
  }

  /**
   * Commits exactly the change's files; resolves once the commit exists. Only those files are
   * indexed and the commit is made from the index (`write-tree`, `commit-tree`), so that no
   * other file of the work tree is looked at: `git commit` checks every tracked file, which
   * takes 0.3 to 0.6 s in a clone of 50,000 comments, against a few hundredths of a second
   * this way (docs/git-flow.md). When something else is staged (someone worked in the clone by
   * hand), `git commit --only` takes the change's files and leaves the rest of the index alone.
   */
  async function commit(change: Change): Promise<void> {
    const started = performance.now();
    const paths = await Promise.all(change.paths.map(inWorkTree));
    if (paths.length === 0) return;
    await git(top, ['update-index', '--add', '--remove', '--', ...paths], { config: INDEX });
    const staged = nulSeparated(await git(top, ['diff-index', '--cached', '--name-only', '-z', 'HEAD']));
    const ours = new Set(paths);
    if (!staged.some((path) => ours.has(path))) {
      log({ event: 'commit', ok: true, skipped: 'nothing changed', files: paths.length });
      return;
    }
    // Always set: the machine's git identity says who ran the service, not who wrote the change.
    const author = change.author === undefined ? SERVICE_IDENTITY : moderatorIdentity(change.author);
    const sha = staged.every((path) => ours.has(path))
      ? await commitIndex(change.message, author)
      : await commitOnly(change.message, author, paths);
    status.unpushed++;
    log({ event: 'commit', ok: true, sha, files: paths.length, ms: Math.round(performance.now() - started) });
  }

  async function commitIndex(message: string, author: { name: string; email: string }): Promise<string> {
    const tree = (await git(top, ['write-tree'], { config: INDEX })).trim();
    const parent = (await git(top, ['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
    const sha = (await git(top, ['commit-tree', tree, '-p', parent, '-m', message], { config: identity, env })).trim();
    // The old value makes the update fail rather than lose a commit made meanwhile by hand.
    await git(top, ['update-ref', '-m', `commit: ${message.split('\n')[0] ?? ''}`, 'HEAD', sha, parent]);
    return sha.slice(0, 7);
  }

  async function commitOnly(
    message: string,
    author: { name: string; email: string },
    paths: string[],
  ): Promise<string | undefined> {
    const args = ['--literal-pathspecs', 'commit', '--only', '--no-verify', '--no-status', '-m', message];
    const by = `--author=${author.name} <${author.email}>`;
    const result = await runGit(top, [...args, by, '--', ...paths], { config: { ...identity, ...INDEX } });
    if (result.code !== 0) {
      log({ event: 'commit', ok: false, error: gitProblem(result) });
      throw new Error(`git commit failed in ${top}: ${gitProblem(result)}`);
    }
    // `[main 1a2b3c4] Modération : …`
    return /^\[.*?([0-9a-f]{7,})\]/.exec(result.stdout)?.[1];
  }

  /** Commits what is owed, oldest first; `false` when git still refuses (retried later). Runs in the writer's turn. */
  async function settle(): Promise<boolean> {
    while (owed.length > 0) {
      try {
        await commit(owed[0]!);
      } catch (error) {
        status.uncommitted = owed.length;
        owedBackoffMs = owedBackoffMs === 0 ? firstMs : Math.min(owedBackoffMs * 2, maxMs);
        log({
          event: 'commit',
          ok: false,
          error: error instanceof Error ? error.message : String(error),
          owed: owed.length,
          retryInMs: owedBackoffMs,
        });
        scheduleSettle();
        return false;
      }
      owed.shift();
    }
    status.uncommitted = undefined;
    owedBackoffMs = 0;
    return true;
  }

  function scheduleSettle(): void {
    if (owedTimer !== undefined) return;
    owedTimer = setTimeout(() => {
      owedTimer = undefined;
      writes
        .run(settle)
        .then((settled) => settled && schedulePush(0))
        .catch((error: unknown) => log({ event: 'commit', ok: false, error: String(error) }));
    }, owedBackoffMs);
    owedTimer.unref();
  }

  function emitIncoming(paths: string[]): void {
    if (paths.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(paths);
      } catch (error) {
        log({ event: 'incoming', ok: false, error: String(error) });
      }
    }
  }

  /** Fetches the remote branch into its remote-tracking ref; `ok: false` when the remote could not be reached. */
  async function fetch(): Promise<{ ok: true } | { ok: false; result: GitResult }> {
    const result = await runGit(
      top,
      ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', remote, `+refs/heads/${branch}:${tracking}`],
      // Housekeeping is left to the commits, which hold the writer; a fetch runs beside them.
      { timeoutMs: NETWORK_TIMEOUT_MS, config: { 'gc.auto': '0', 'maintenance.auto': 'false' } },
    );
    // A branch that is not on the remote yet is created by the first push.
    if (result.code === 0 || /couldn't find remote ref/.test(result.stderr)) return { ok: true };
    return { ok: false, result };
  }

  /**
   * Replays the local commits on top of the fetched remote branch, inside the writer's turn (no
   * write in progress). On a conflict the rebase is aborted, so that the work tree holds the
   * local commits exactly as before, and the conflict is recorded: nothing is resolved here.
   */
  function rebase(): Promise<boolean> {
    return writes.run(async () => {
      // A file written but not committed would stop the rebase: it waits for the commit.
      if (!(await settle())) return false;
      const target = await revision(tracking);
      const before = await revision('HEAD');
      if (target === undefined || before === undefined) return true;
      if ((await runGit(top, ['merge-base', '--is-ancestor', target, before])).code === 0) return true;
      let result = await runGit(top, ['rebase', '--no-autostash', '--no-verify', '--empty=drop', '--quiet', target], {
        config: identity,
      });
      while (result.code !== 0 && (await reappendLocalBars())) {
        result = await runGit(top, ['rebase', '--continue'], { config: identity, env: { GIT_EDITOR: 'true' } });
      }
      if (result.code !== 0) {
        await recordConflict(target, result);
        return false;
      }
      const after = await git(top, ['rev-parse', 'HEAD']);
      const changed = nulSeparated(await git(top, ['diff', '--name-only', '-z', before, after.trim()]));
      status.conflict = undefined;
      conflictTip = undefined;
      await countUnpushed();
      log({ event: 'rebase', ok: true, incoming: changed.length, unpushed: status.unpushed });
      emitIncoming(changed.map((path) => join(top, path)));
      return true;
    });
  }

  /**
   * A rebase stopped on `barred.yaml` alone, where a local bar and a remote one both appended
   * an entry: the local entries are appended to the remote's file (`reappendBars`), and the
   * rebase can go on. `false` for any other conflict, which is left for a person.
   */
  async function reappendLocalBars(): Promise<boolean> {
    if ((await revision('REBASE_HEAD')) === undefined) return false;
    const conflicted = nulSeparated(await git(top, ['diff', '--name-only', '--diff-filter=U', '-z']));
    if (conflicted.length !== 1 || conflicted[0] !== barredPath) return false;
    const stage = async (n: number) => {
      const result = await runGit(top, ['cat-file', 'blob', `:${n}:${barredPath}`]);
      return result.code === 0 ? result.stdout : undefined;
    };
    // During a rebase, stage 2 is the branch being built on the remote's, stage 3 the local commit.
    const [base, remoteText, localText] = [await stage(1), await stage(2), await stage(3)];
    if (remoteText === undefined || localText === undefined) return false;
    const merged = reappendBars(base ?? '', localText, remoteText);
    if (merged === undefined) return false;
    writeAtomically(join(top, barredPath), merged);
    await git(top, ['--literal-pathspecs', 'add', '--', barredPath]);
    log({ event: 'rebase', merged: barredPath, why: 'a local bar appended after the remote’s' });
    return true;
  }

  async function recordConflict(target: string, result: GitResult): Promise<void> {
    let files: string[];
    let message: string;
    if ((await revision('REBASE_HEAD')) !== undefined) {
      files = nulSeparated(await git(top, ['diff', '--name-only', '--diff-filter=U', '-z']));
      const subject = (await git(top, ['log', '-1', '--format=%s', 'REBASE_HEAD'])).trim();
      message = `the local commit "${subject}" does not apply on ${remote}/${branch}`;
    } else {
      // The rebase did not get going: files someone changed in the work tree stand in the way.
      files = nulSeparated(await git(top, ['diff', '--name-only', '-z', 'HEAD']));
      message = `cannot rebase onto ${remote}/${branch}: ${gitProblem(result)}`;
    }
    // Back to the local commits exactly as they were (a no-op when the rebase never started).
    await runGit(top, ['rebase', '--abort']);
    conflictTip = target;
    status.conflict = { at: new Date().toISOString(), message, files: files.map((path) => join(top, path)) };
    await countUnpushed();
    log({ event: 'conflict', message, files: files.join(', '), unpushed: status.unpushed });
  }

  /** Pushes the local commits; a rejection because the remote moved on is answered with a fetch and a rebase. */
  async function push(timeoutMs: number): Promise<void> {
    for (let round = 1; round <= PUSH_ROUNDS; round++) {
      const head = await revision('HEAD');
      if (head === undefined || status.unpushed === 0) return;
      const started = performance.now();
      const commits = status.unpushed;
      const result = await runGit(top, ['push', '--porcelain', '--no-verify', remote, `${head}:refs/heads/${branch}`], {
        timeoutMs,
      });
      const ms = Math.round(performance.now() - started);
      if (result.code === 0) {
        await git(top, ['update-ref', tracking, head]);
        await countUnpushed();
        status.lastPush = { at: new Date().toISOString(), ok: true };
        backoffMs = 0;
        log({ event: 'push', ok: true, commits, ms });
        return;
      }
      // `--porcelain` marks a refused ref with `!`: `[rejected]` when the remote branch has
      // commits we do not have, `[remote rejected] (failed to update ref)` when another push
      // was updating it at that moment. Both are answered with a fetch, a rebase and a new try.
      if (!/^!\t/m.test(result.stdout) || round === PUSH_ROUNDS) return pushFailed(result, commits, ms);
      log({ event: 'push', ok: false, rejected: true, commits, ms });
      const fetched = await fetch();
      if (!fetched.ok) return pushFailed(fetched.result, commits, ms);
      if (await rebase()) continue;
      if (status.conflict === undefined) return pushFailed(result, commits, ms, 'a commit git refused is not made yet');
      // No backoff: a conflict waits for a new remote tip or a person, and was logged as such.
      status.lastPush = failedPush(`${refusal(result)}; ${status.conflict.message}`);
      return;
    }
  }

  /** What the remote said when it refused a push; the remote's own words (`(protected branch)`) say more than git's summary. */
  function refusal(result: GitResult): string {
    const refused = /^!\t\S+\t(.+)$/m.exec(result.stdout)?.[1];
    return refused === undefined ? gitProblem(result) : `refused by ${remote}: ${refused.slice(0, 160)}`;
  }

  /** A failed push, as `lastPush` says it: the failures since the last push that went keep their first time. */
  function failedPush(error: string): NonNullable<WriterStatus['lastPush']> {
    const at = new Date().toISOString();
    const failingSince = status.lastPush?.ok === false ? (status.lastPush.failingSince ?? at) : at;
    return { at, ok: false, error, failingSince };
  }

  function pushFailed(result: GitResult, commits: number, ms: number, why?: string): void {
    const error = why === undefined ? refusal(result) : `${refusal(result)}; ${why}`;
    status.lastPush = failedPush(error);
    backoffMs = backoffMs === 0 ? firstMs : Math.min(backoffMs * 2, maxMs);
    retryAt = Date.now() + backoffMs;
    log({ event: 'push', ok: false, commits, ms, error, retryInMs: backoffMs });
  }

  /**
   * Fetches, and rebases (a fast-forward when nothing is local) if the remote has something
   * new. While a conflict stands, the rebase is tried again only on a new remote tip (someone
   * may have fixed it there) or when asked (`force`, from `sync()`).
   */
  async function pull(force: boolean): Promise<void> {
    const fetched = await fetch();
    if (!fetched.ok) {
      log({ event: 'pull', ok: false, error: gitProblem(fetched.result) });
      return;
    }
    const tip = await revision(tracking);
    // Against the tip a conflict was met on, the same rebase would meet the same conflict.
    if (status.conflict !== undefined && tip === conflictTip && !force) return;
    await rebase();
  }

  /** One round of bringing the work tree and the remote in line, one at a time. */
  function reconcile(force = false, timeoutMs = NETWORK_TIMEOUT_MS): Promise<void> {
    return syncs.run(async () => {
      // Counted afresh: a count made while a commit landed may have missed it.
      await countUnpushed();
      if (status.conflict !== undefined || status.unpushed === 0) await pull(force);
      if (status.conflict === undefined && status.unpushed > 0) await push(timeoutMs);
      // Commits made during the push go with the next batch; after a failure, the backoff decides.
      if (status.unpushed > 0) schedulePush(status.lastPush?.ok === false ? 0 : BATCH_MS);
    });
  }

  /**
   * Asks for a push in `delayMs`, or when the backoff after a failure allows; an earlier
   * request stands, so that a burst of commits shares one push.
   */
  function schedulePush(delayMs: number): void {
    if (closed || status.conflict !== undefined) return;
    const at = Date.now() + Math.max(delayMs, retryAt - Date.now());
    if (pushTimer !== undefined && pushTimerAt <= at) return;
    clearTimeout(pushTimer);
    pushTimerAt = at;
    pushTimer = setTimeout(() => {
      pushTimer = undefined;
      reconcile().catch((error: unknown) => log({ event: 'push', ok: false, error: String(error) }));
    }, at - Date.now());
    pushTimer.unref();
  }

  await writes.run(async () => {
    await removeLeftoverTemps(top, contentDir, log);
    const leftover = await uncommittedContent(top, contentDir);
    if (leftover.length > 0) {
      const list = leftover.map((path) => `- ${relative(top, path)}`).join('\n');
      await commit({ message: `${RECOVERY_MESSAGE}\n\n${list}`, paths: leftover });
      log({ event: 'recovery', what: 'uncommitted files committed', files: leftover.length });
    }
    await countUnpushed();
  });
  schedulePush(0);
  const pullTimer = setInterval(() => {
    // Pushes have their own timer; a pull waits until nothing is being written or sent.
    if (writes.busy || syncs.busy || (status.unpushed > 0 && status.conflict === undefined)) return;
    reconcile().catch((error: unknown) => log({ event: 'pull', ok: false, error: String(error) }));
  }, pullEveryMs);
  pullTimer.unref();

  return {
    write<T>(work: () => Promise<Written<T>>): Promise<T> {
      if (closed) return Promise.reject(new WriterClosedError());
      return writes.run(async () => {
        const { change, result } = await work();
        if (change !== undefined) owed.push(change);
        // A commit that fails leaves the work done: the caller is told it succeeded, since it did.
        if (change !== undefined && (await settle())) schedulePush(BATCH_MS);
        return result;
      });
    },
    status: () => structuredClone(status),
    onIncoming(listener) {
      listeners.push(listener);
    },
    sync: () => reconcile(true),
    async close() {
      closed = true;
      clearInterval(pullTimer);
      clearTimeout(pushTimer);
      clearTimeout(owedTimer);
      await writes.idle();
      // One last try; what still fails is committed at the next start (« Reprise »).
      if (owed.length > 0) await writes.run(settle);
      const deadline = Date.now() + LAST_PUSH_MS;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((done) => {
        timer = setTimeout(done, LAST_PUSH_MS);
      });
      await Promise.race([
        syncs
          .idle()
          .then(async () => {
            if (status.unpushed > 0 && status.conflict === undefined) {
              await reconcile(false, Math.max(deadline - Date.now(), 1_000));
            }
          })
          // What is not pushed stays committed, and goes at the next start.
          .catch((error: unknown) => log({ event: 'push', ok: false, error: String(error) })),
        late,
      ]);
      clearTimeout(timer);
    },
  };
}
