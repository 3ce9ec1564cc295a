import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from './config.ts';
import { gitProblem, runGit } from './git.ts';
import { abortUnfinishedRebase, removeStaleLocks } from './git-recovery.ts';
import type { Log } from './log.ts';

interface RepositoryOptions {
  workTree: string;
  remote: string;
  branch?: string | undefined;
  log: Log;
}

/**
 * The author of what no moderator decided (a reader's comment, a « Reprise »), and the
 * committer when the work tree's git has no identity of its own.
 */
export const SERVICE_IDENTITY = { name: 'Service des commentaires', email: 'commentaires@kiosque.invalid' };

/**
 * A moderator's name as a commit author. The address is made up from the name under the
 * reserved `.invalid` domain: git wants one, and nobody should mistake it for a mailbox.
 */
export function moderatorIdentity(name: string): { name: string; email: string } {
  const shown = name.replace(/[<>\p{Cc}]/gu, '').trim() || 'moderateur';
  const local =
    shown
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '') || 'moderateur';
  return { name: shown, email: `${local}@moderation.invalid` };
}

async function gitOrConfigError(top: string, args: string[], problem: string): Promise<string> {
  const result = await runGit(top, args);
  if (result.code !== 0) throw new ConfigError(`${problem} (${gitProblem(result)})`);
  return result.stdout.trim();
}

/**
 * Checks what the flow needs before anything is written, every problem naming the variable
 * to fix, and puts right what a killed service left half-done in git (a lock, a rebase).
 */
export async function openRepository(options: RepositoryOptions): Promise<{ top: string; branch: string }> {
  const workTree = resolve(options.workTree);
  try {
    await runGit(workTree, ['--version']);
  } catch (error) {
    throw new ConfigError(`KIOSQUE_GIT_REMOTE is set, but the git program cannot be run: ${String(error)}`);
  }
  const top = await gitOrConfigError(
    workTree,
    ['rev-parse', '--show-toplevel'],
    `KIOSQUE_GIT_REMOTE is set, but ${workTree} is not inside a git work tree`,
  );
  await gitOrConfigError(
    top,
    ['remote', 'get-url', options.remote],
    `KIOSQUE_GIT_REMOTE: the work tree ${top} has no remote named "${options.remote}" (git remote -v lists them)`,
  );
  await removeStaleLocks(top, options.log);
  // Before asking for the branch: a rebase in progress leaves HEAD on none.
  await abortUnfinishedRebase(top, options.log);
  const checkedOut = await runGit(top, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  const current = checkedOut.code === 0 ? checkedOut.stdout.trim() : undefined;
  const branch = options.branch ?? current;
  if (branch === undefined)
    throw new ConfigError(`KIOSQUE_GIT_BRANCH is not set and the work tree ${top} is on no branch`);
  await gitOrConfigError(
    top,
    ['check-ref-format', `refs/heads/${branch}`],
    `KIOSQUE_GIT_BRANCH: "${branch}" is not a branch name`,
  );
  if (branch !== current) throw new ConfigError(await otherBranchProblem(top, options.remote, branch, current));
  return { top: await realpath(top), branch };
}

/** How long start-up waits for the remote to say which branches it has. */
const BRANCH_CHECK_MS = 15_000;

/**
 * `KIOSQUE_GIT_BRANCH` names another branch than the one checked out: a misspelt name would
 * have the first push create a branch on the remote that CI never builds, and the comments
 * would never be published. What the remote has tells the operator which of the two to fix;
 * a remote that cannot be reached does not stop the check, only that part of the message.
 */
async function otherBranchProblem(
  top: string,
  remote: string,
  branch: string,
  current: string | undefined,
): Promise<string> {
  const here = current === undefined ? `is on no branch` : `has the branch "${current}" checked out`;
  const asked = await runGit(top, ['ls-remote', '--heads', remote, `refs/heads/${branch}`], {
    timeoutMs: BRANCH_CHECK_MS,
  });
  const there =
    asked.code !== 0
      ? `whether ${remote} has a branch "${branch}" could not be checked (${gitProblem(asked)})`
      : asked.stdout.trim() === ''
        ? `${remote} has no branch "${branch}" (a typing error?)`
        : `${remote} has a branch "${branch}"`;
  const fix =
    current === undefined
      ? `check out the branch to push to (git switch ${branch})`
      : `set KIOSQUE_GIT_BRANCH=${current} or leave it unset to push to "${current}", or check out "${branch}" in the clone (git switch ${branch})`;
  return `KIOSQUE_GIT_BRANCH is "${branch}", but the work tree ${top} ${here}, and ${there}: ${fix}, then start the service again`;
}

/** The service's identity, for a work tree whose git has none: without it `git commit` refuses. */
export async function identityFallback(top: string): Promise<Record<string, string>> {
  const config: Record<string, string> = {};
  if ((await runGit(top, ['config', 'user.name'])).code !== 0) config['user.name'] = SERVICE_IDENTITY.name;
  if ((await runGit(top, ['config', 'user.email'])).code !== 0) config['user.email'] = SERVICE_IDENTITY.email;
  return config;
}
