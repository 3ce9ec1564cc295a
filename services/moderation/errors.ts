/**
 * A refusal the moderator can act on: one line that names the file or id and says what to do.
 * The command line prints its message alone and exits with code 1; any other error is a bug.
 */
export class ModerationError extends Error {
  override name = 'ModerationError';
}
