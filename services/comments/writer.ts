/** A change to content files, to be recorded in git: which files, and in the newsroom's words. */
export interface Change {
  /** `Commentaire en attente : <article>/<id>`, `Modération : publie <article>/<id>`… */
  message: string;
  /** Absolute paths of the files written or changed. */
  paths: string[];
  /** Who decided (a moderator's name), recorded as the commit's author; the service otherwise. */
  author?: string | undefined;
}

/** What a piece of work wrote, and what it gives back to its caller. */
export interface Written<T> {
  change: Change | undefined;
  result: T;
}

/** Whether the newsroom's repository has everything written so far (`GET /sante/`). */
export interface WriterStatus {
  /** `false` when the service only writes files (no `KIOSQUE_GIT_REMOTE`). */
  git: boolean;
  /** Commits made here and not yet on the remote. */
  unpushed: number;
  /**
   * Changes written to disk whose commit git refused (its index locked by someone's git, a full
   * disk): retried with backoff, and committed at the next start at the latest.
   */
  uncommitted?: number | undefined;
  /**
   * The last push tried: when, whether it went, and if not why, and since when pushes have
   * failed without one going through (`failingSince`, the first failure of the run).
   */
  lastPush?: { at: string; ok: boolean; error?: string | undefined; failingSince?: string | undefined } | undefined;
  /** A rebase onto the remote that stopped on a conflict: nothing more is pushed until someone resolves it. */
  conflict?: { at: string; message: string; files: string[] } | undefined;
}

/**
 * The one writer of content files: each piece of work runs while no other write, and no git
 * command, is in progress; what it wrote is then committed (and later pushed) when git is on.
 */
export interface Writer {
  write<T>(work: () => Promise<Written<T>>): Promise<T>;
  status(): WriterStatus;
  /** Lets the work in progress finish, refuses new work (it rejects with `WriterClosedError`), then stops. */
  close(): Promise<void>;
}

export class WriterClosedError extends Error {
  constructor() {
    super('the writer is closed: the service is stopping');
  }
}

/** The writer without git: the files alone, one piece of work at a time. */
export function filesOnlyWriter(): Writer {
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    write<T>(work: () => Promise<Written<T>>): Promise<T> {
      if (closed) return Promise.reject(new WriterClosedError());
      const run = tail.then(async () => (await work()).result);
      tail = run.catch(() => undefined);
      return run;
    },
    status: () => ({ git: false, unpushed: 0 }),
    async close() {
      closed = true;
      await tail;
    },
  };
}
