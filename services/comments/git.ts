import { execFile } from 'node:child_process';

/** What a git command said. `code` is 0 when it succeeded. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitOptions {
  /** Kill git after this long: a remote that never answers must not hold the service. */
  timeoutMs?: number;
  /** `-c name=value` settings put before the command. */
  config?: Record<string, string>;
  /** Variables added to git's environment (a commit's author). */
  env?: Record<string, string>;
}

/** A git command that failed when it had to succeed; the message is short and holds no secret. */
class GitError extends Error {
  readonly result: GitResult;

  constructor(args: readonly string[], result: GitResult) {
    super(`git ${args[0] ?? ''} failed: ${gitProblem(result)}`);
    this.result = result;
  }
}

const LOCAL_TIMEOUT_MS = 60_000;

/**
 * The environment git runs in: never a prompt for a password (there is nobody to answer it,
 * and a waiting prompt would hold the one writer for ever), messages in English whatever the
 * machine's locale, so that they can be recognised.
 */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', LANGUAGE: 'C' };
}

/**
 * Runs the git program (no shell, so no path or message is ever read as shell syntax) in
 * `cwd`, and resolves with what it said, failed or not; a command that overran its time is
 * killed and counts as failed. It rejects only when git cannot be run at all (not installed).
 */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  const config = Object.entries(options.config ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...config, ...args],
      {
        cwd,
        env: { ...gitEnv(), ...options.env },
        timeout: options.timeoutMs ?? LOCAL_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ code: 0, stdout, stderr });
        if (typeof error.code === 'number') return resolve({ code: error.code, stdout, stderr });
        if (error.killed) {
          const stopped = `fatal: git ${args[0] ?? ''} stopped after ${options.timeoutMs ?? LOCAL_TIMEOUT_MS} ms`;
          return resolve({ code: -1, stdout, stderr: `${stderr}\n${stopped}` });
        }
        reject(error);
      },
    );
  });
}

/** Like `runGit`, but a failure rejects with a `GitError`; resolves with the standard output. */
export async function git(cwd: string, args: readonly string[], options?: GitOptions): Promise<string> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) throw new GitError(args, result);
  return result.stdout;
}

/**
 * The line of git's output that says what went wrong (the first `fatal:`, `error:` or `ssh:`
 * line, which names the cause; later ones repeat it in general terms), with any password or
 * token written in an address (`https://user:token@host`) masked, cut short: it goes into
 * logs and `GET /sante/`.
 */
export function gitProblem(result: GitResult): string {
  const lines = result.stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line =
    lines.find((candidate) => /^(fatal|error|ssh):/.test(candidate)) ?? lines.at(-1) ?? `exit code ${result.code}`;
  const masked = line.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
  return masked.length > 200 ? `${masked.slice(0, 199)}…` : masked;
}

/** Splits the output of a `-z` command into its entries. */
export function nulSeparated(output: string): string[] {
  return output.split('\0').filter((entry) => entry !== '');
}
