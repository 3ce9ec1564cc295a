/**
 * The moderation module's API as the desk uses it (`services/moderation/`), provided here on
 * top of `scripts/moderation/` until that module lands; every other desk file imports from
 * this one, so that swapping it is the only change. `by` and `at` are not recorded yet.
 */
import { isoParis } from '../../../src/lib/dates.ts';
import { samePseudonym } from '../../../src/lib/pseudonyms.ts';
import { appendBarred, barredFile, readBarred } from '../../../scripts/moderation/barred.ts';
import { createHash } from 'node:crypto';
import {
  pendingComments,
  readAllComments,
  readComment as readStored,
  type StoredComment as Stored,
} from '../../../scripts/moderation/comments.ts';
import { cleanReason, decide } from '../../../scripts/moderation/decisions.ts';
import { ModerationError } from '../../../scripts/moderation/errors.ts';
import { renderComment } from '../../../scripts/moderation/render.ts';
import { oneLine, relativeAge, shownPath } from '../../../scripts/moderation/terminal.ts';
import { writeAtomically } from '../../../scripts/moderation/write.ts';

export { ModerationError, renderComment };

/** A comment file as the moderator works on it, with a version that changes with its text. */
export interface StoredComment extends Stored {
  version: string;
}

export function readComment(root: string, id: string): StoredComment {
  const comment = readStored(root, id);
  return { ...comment, version: createHash('sha256').update(comment.source).digest('hex').slice(0, 16) };
}
/** « il y a 3 h »: not part of the moderation module, which keeps it for the terminal; the desk shows ages the same way. */
export { relativeAge };

type Decision = 'approve' | 'reject' | 'feature' | 'unfeature';

export interface DecisionInput {
  /** `<article>/<name>`. */
  id: string;
  decision: Decision;
  reason?: string | undefined;
  by: string;
  at: Date;
  /** The `version` the moderator saw: the decision is refused if the file changed since. */
  seen?: string | undefined;
}

export interface DecisionResult {
  id: string;
  path: string;
  changed: boolean;
  status: 'published' | 'pending' | 'rejected';
  summary: string;
  notes: string[];
  commitMessage: string;
}

/** Reads the comment again, decides, and writes it only if nobody changed it meanwhile. */
export function applyDecision(root: string, input: DecisionInput): DecisionResult {
  const comment = readComment(root, input.id);
  if (input.seen !== undefined && input.seen !== comment.version) {
    throw new ModerationError(
      `${shownPath(comment.path)} a changé entre-temps (status: ${comment.status}) : rien n'a été écrit`,
    );
  }
  const siblings = readAllComments(root, comment.folder).comments;
  const outcome = decide(comment, input.decision, input.reason, siblings);
  if (outcome.text !== undefined) writeAtomically(comment.path, outcome.text, comment.source);
  const status =
    outcome.text === undefined
      ? comment.status
      : input.decision === 'approve'
        ? 'published'
        : input.decision === 'reject'
          ? 'rejected'
          : comment.status;
  return {
    id: comment.id,
    path: comment.path,
    changed: outcome.text !== undefined,
    status,
    summary: outcome.summary,
    notes: outcome.notes,
    commitMessage: outcome.commitMessage,
  };
}

export interface BarInput {
  pseudonym: string;
  reason: string;
  by: string;
  at: Date;
}

export interface BarResult {
  path: string;
  changed: boolean;
  summary: string;
  commitMessage: string;
  /** Ids of the reader's comments still pending. */
  pending: string[];
}

/** Adds the pseudonym to `barred.yaml`, dated that day in Paris. */
export function barReader(root: string, input: BarInput): BarResult {
  const name = oneLine(input.pseudonym);
  const motive = cleanReason(input.reason, `exclure « ${name} »`);
  const path = barredFile(root);
  const current = readBarred(root);
  const since = isoParis(input.at).slice(0, 'YYYY-MM-DD'.length);
  writeAtomically(path, appendBarred(current, shownPath(path), name, motive, since), current.text);
  const pending = pendingComments(readAllComments(root).comments)
    .filter((comment) => samePseudonym(comment.pseudonym, name))
    .map((comment) => comment.id);
  return {
    path,
    changed: true,
    summary: `« ${name} » exclu depuis le ${since} (motif : « ${motive} »)`,
    commitMessage: `Modération : exclut « ${name} » des commentaires`,
    pending,
  };
}

/** The charter's reasons for refusing a comment (content/pages/charte-de-moderation.md), as a moderator picks them. */
export const REJECTION_REASONS: readonly string[] = [
  'Insultes ou attaques personnelles',
  'Incitation à la haine ou à la violence, diffamation ou injure',
  'Hors sujet ou message répété',
  'Publicité, liens commerciaux ou hameçonnage',
  'Informations personnelles sur un tiers',
  'Entièrement en majuscules ou illisible',
];
