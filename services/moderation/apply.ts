import { isoParis } from '../../src/lib/dates.ts';
import { samePseudonym } from '../../src/lib/pseudonyms.ts';
import { appendBarred, barredFile, readBarred } from './barred.ts';
import { pendingComments, readAllComments, readComment, withSource, type Status } from './comments.ts';
import {
  cleanReason,
  decide,
  moderatorName,
  type Decision,
  type Effect,
  type Note,
  type Outcome,
} from './decisions.ts';
import { ModerationError } from './errors.ts';
import { oneLine, shownPath } from './text.ts';
import { writeAtomically } from './write.ts';

export type { Decision, Effect, Note } from './decisions.ts';

/**
 * What a moderator can ask in one step: a decision, or the desk's « Publier et mettre en
 * avant », which approves and features in one write of the file. Its trail gets the two
 * entries `npm run moderate approve` then `feature` would write (the schema knows no
 * third kind), at the same second, so that nobody can tell the two ways apart afterwards.
 */
type Step = Decision | 'approve-feature';

const DECISIONS_OF: Record<Step, Decision[]> = {
  approve: ['approve'],
  reject: ['reject'],
  feature: ['feature'],
  unfeature: ['unfeature'],
  'approve-feature': ['approve', 'feature'],
};

/** A moderator's decision on one comment, from the command line or the desk. */
export interface DecisionInput {
  /** `<article>/<name>`; a pasted path to the file works too. */
  id: string;
  decision: Step;
  /** Required to reject. */
  reason?: string | undefined;
  /** The moderator's name, recorded in the comment's `moderation` list. */
  by: string;
  at: Date;
  /**
   * The comment's `version` when the moderator saw it (`StoredComment.version`): if given, the
   * decision is refused when the file changed since, another moderator having decided first.
   */
  seen?: string | undefined;
}

/** What a decision did to the comment's file. */
export interface DecisionResult {
  id: string;
  /** Absolute path of the comment's file. */
  path: string;
  /** Its author's pseudonym. */
  pseudonym: string;
  /** `false` when the comment already was in the state asked for: nothing was written. */
  changed: boolean;
  /** The comment's status after the decision. */
  status: Status;
  /** What each decision did, in order (two for `approve-feature`), for the caller to word. */
  effects: Effect[];
  /** Consequences to know about (a reply that will show on its own). */
  notes: Note[];
  /** The commit message in the newsroom's words; empty when nothing changed. */
  commitMessage: string;
}

/**
 * Makes a decision on a comment: the one change of its file that `npm run moderate` and the
 * desk both make. Reads the comment, edits its frontmatter (docs/comments.md, « Moderation »)
 * and writes it in one step, refusing if the file changed since it was read, or since the
 * moderator saw it (`seen`). Throws a
 * `ModerationError` in French, naming the id or the file, when the decision cannot be made;
 * nothing is written then.
 */
export function applyDecision(root: string, input: DecisionInput): DecisionResult {
  const comment = readComment(root, input.id);
  if (input.seen !== undefined && input.seen !== comment.version) {
    throw new ModerationError(
      `${shownPath(comment.path)} a changé entre-temps (status: ${comment.status}) : rien n'a été écrit ; relisez-le et recommencez`,
      {
        kind: 'changed',
        now: { id: comment.id, pseudonym: comment.pseudonym, status: comment.status, by: comment.trail.at(-1)?.by },
      },
    );
  }
  const siblings = readAllComments(root, comment.folder).comments;
  // Each decision works on the text the one before made; the file is written once, at the end.
  let decided = comment;
  const outcomes: Outcome[] = [];
  for (const decision of DECISIONS_OF[input.decision]) {
    const outcome = decide(decided, decision, input.reason, siblings, { by: input.by, at: input.at });
    outcomes.push(outcome);
    if (outcome.text !== undefined) decided = withSource(decided, outcome.text);
  }
  const changed = decided !== comment;
  if (changed) writeAtomically(comment.path, decided.source, comment.source);
  const made = outcomes.filter((outcome) => outcome.text !== undefined);
  return {
    id: comment.id,
    path: comment.path,
    pseudonym: comment.pseudonym,
    changed,
    status: decided.status,
    effects: outcomes.map((outcome) => outcome.effect),
    notes: outcomes.flatMap((outcome) => outcome.notes),
    commitMessage:
      input.decision === 'approve-feature' && made.length === 2
        ? `Modération : publie ${comment.id} dans la Sélection de la rédaction`
        : made.map((outcome) => outcome.commitMessage).join('\n\n'),
  };
}

/** A pseudonym to bar from commenting, why, who decided and when. */
export interface BarInput {
  pseudonym: string;
  reason: string;
  by: string;
  at: Date;
}

/** What barring a reader did to `barred.yaml`. */
export interface BarResult {
  /** Absolute path of `barred.yaml`. */
  path: string;
  /** The pseudonym as the list has it: as written in the list when it already was there. */
  pseudonym: string;
  /** `false` when the pseudonym already was on the list: nothing was written. */
  changed: boolean;
  /** The day it is barred from, in Paris (`YYYY-MM-DD`, as in the list). */
  since: string;
  reason: string;
  /** Empty when nothing changed. */
  commitMessage: string;
  /** The ids of that reader's comments still pending, to reject them. */
  pending: string[];
}

/**
 * Adds a pseudonym to `barred.yaml` (created if missing), with the day in Paris, the reason
 * and the moderator's name; a pseudonym already there (compared as the comment service
 * compares them) changes nothing.
 */
export function barReader(root: string, input: BarInput): BarResult {
  const name = oneLine(input.pseudonym);
  const reason = cleanReason(input.reason, `exclure « ${name} »`);
  const by = moderatorName(input.by);
  const path = barredFile(root);
  const shown = shownPath(path);
  const current = readBarred(root);
  const since = isoParis(input.at).slice(0, 'YYYY-MM-DD'.length);
  const pending = pendingComments(readAllComments(root).comments)
    .filter((comment) => samePseudonym(comment.pseudonym, name))
    .map((comment) => comment.id);
  const appended = appendBarred(current, shown, name, { reason, since, by });
  if ('already' in appended) {
    return { path, pseudonym: appended.already, changed: false, since, reason, commitMessage: '', pending };
  }
  writeAtomically(path, appended.text, current.text);
  return {
    path,
    pseudonym: name,
    changed: true,
    since,
    reason,
    commitMessage: `Modération : exclut « ${name} » des commentaires`,
    pending,
  };
}
