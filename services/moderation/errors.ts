import type { Status } from './comments.ts';

/**
 * What went wrong, as data, for a caller that words it its own way (the desk); the message
 * says it in the command line's words.
 */
export type Problem =
  | { kind: 'unknown-comment'; id: string }
  /** An id that cannot name a comment file. */
  | { kind: 'bad-id' }
  /** A file that must be corrected by hand before anything can be decided on it. */
  | { kind: 'needs-hand'; file: 'comment' | 'barred-list' }
  /**
   * The file changed since it was read or seen; `now` is what it holds now when known: its
   * status, and who took its last decision.
   */
  | {
      kind: 'changed';
      now: { id: string; pseudonym: string; status: Status; by: string | undefined } | undefined;
    }
  | { kind: 'reason-missing' }
  | { kind: 'not-published'; id: string; status: Status }
  /** A pseudonym or moderator's name that cannot be recorded. */
  | { kind: 'bad-name'; who: 'pseudonym' | 'moderator' };

/**
 * A refusal the moderator can act on: one line in French that names the file or id and says
 * what to do; nothing has been written. The command line prints its message alone and exits
 * with code 1; the desk says its `problem` in its own words. Any other error is a bug.
 */
export class ModerationError extends Error {
  override name = 'ModerationError';
  /** The same refusal as data, when a caller words it itself; `undefined` when only the message says it. */
  readonly problem: Problem | undefined;
  constructor(message: string, problem?: Problem) {
    super(message);
    this.problem = problem;
  }
}
