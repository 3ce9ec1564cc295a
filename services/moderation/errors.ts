/**
 * A refusal the moderator can act on: one line in French that names the file or id and says
 * what to do; nothing has been written. The command line prints its message alone and exits
 * with code 1, the desk shows it; any other error is a bug.
 */
export class ModerationError extends Error {
  override name = 'ModerationError';
}
