import { answeredComment, type Status, type StoredComment } from './comments.ts';
import { ModerationError } from './errors.ts';
import { editFrontmatter, type FieldChange } from './frontmatter.ts';
import { oneLine, shownPath } from './text.ts';

/** What a moderator can decide about one comment. */
export type Decision = 'approve' | 'reject' | 'feature' | 'unfeature';

/** Who takes a decision, and when: recorded in the comment's `moderation` list. */
export interface Signature {
  by: string;
  at: Date;
}

/**
 * What a decision does to a comment, as data: the command line and the desk each say it in
 * their own words (scripts/moderation/report.ts, services/comments/desk/messages.ts).
 */
export type Effect =
  /** Approved; a rejection's reason, if it had one, goes. */
  | { kind: 'published'; from: Status; droppedReason: string | undefined }
  /** Rejected (or withdrawn when it was published), leaving the selection if it was in it. */
  | { kind: 'rejected'; from: Status; reason: string; unfeatured: boolean }
  /** Rejected again, for another reason. */
  | { kind: 'reason-changed'; from: string; to: string }
  | { kind: 'featured' }
  | { kind: 'unfeatured' }
  /** Already in the state asked for: nothing written. */
  | { kind: 'unchanged'; already: 'published' | 'rejected' | 'featured' | 'not-featured' };

/** A consequence the moderator should know about, as data. */
export type Note =
  /** An approved reply whose first message readers cannot see (`parentStatus` undefined: no such comment). */
  | { kind: 'reply-shown-alone'; replyTo: string; parentStatus: Status | undefined }
  /** A withdrawn comment's published replies, which will show on their own (their file names). */
  | { kind: 'replies-shown-alone'; replies: string[] };

/** A decision worked out before anything is written. */
export interface Outcome {
  /** The file's new text, or `undefined` when the comment is already in the state asked for. */
  text: string | undefined;
  /** The comment's status once the decision is made. */
  status: Status;
  effect: Effect;
  /** What the moderator should know about the consequences (replies shown differently). */
  notes: Note[];
  /** A commit message in the newsroom's words. */
  commitMessage: string;
}

const SELECTION = '« Sélection de la rédaction »';

/**
 * A reason as it is written: on one line, spaces collapsed. Refused when empty, since a
 * rejected comment without a reason fails the build and leaves the reader without an answer.
 */
export function cleanReason(reason: string | undefined, what: string): string {
  const cleaned = oneLine(reason ?? '');
  if (cleaned === '')
    throw new ModerationError(`${what} : --reason "…" est obligatoire (le motif est gardé dans le fichier)`, {
      kind: 'reason-missing',
    });
  return cleaned;
}

/**
 * A moderator's name as it is recorded: on one line, spaces collapsed; refused when empty,
 * since a decision nobody signed would leave a gap in the audit trail.
 */
export function moderatorName(name: string): string {
  const cleaned = oneLine(name);
  if (cleaned === '') {
    throw new ModerationError('le nom du modérateur est vide : il est inscrit avec chaque décision (--par "…")', {
      kind: 'bad-name',
      who: 'moderator',
    });
  }
  if ([...cleaned].length > 100) {
    throw new ModerationError(`le nom du modérateur « ${cleaned.slice(0, 20)}… » dépasse 100 caractères`, {
      kind: 'bad-name',
      who: 'moderator',
    });
  }
  return cleaned;
}

/**
 * Works out a decision on a comment; `siblings` are the other comments of its article, to
 * warn about threads. The rules:
 * - approve: pending or rejected → published; a rejection's `reason` goes with it.
 * - reject: pending or published → rejected with a reason (a published comment can be
 *   withdrawn); `featured` goes, since a rejected comment is shown nowhere. Rejecting again
 *   replaces the reason.
 * - feature: only a published comment: featuring a pending one would put it in the selection
 *   the moment someone approves it, without anyone deciding so.
 * - unfeature: removes `featured`, whatever the status.
 * Asking for the state a comment is already in changes nothing and says so. Every change adds
 * an entry to the comment's `moderation` list: the decision, who took it, when, and the reason
 * of a rejection.
 */
export function decide(
  comment: StoredComment,
  decision: Decision,
  reason: string | undefined,
  siblings: readonly StoredComment[],
  signature: Signature,
): Outcome {
  const { id } = comment;
  const by = moderatorName(signature.by);
  // To the second: what the file says is what reads back.
  const at = new Date(Math.floor(signature.at.getTime() / 1000) * 1000);
  const edit = (changes: FieldChange[], motive?: string) =>
    editFrontmatter(comment.source, shownPath(comment.path), [
      ...changes,
      { key: 'moderation', append: { decision, by, at, ...(motive === undefined ? {} : { reason: motive }) } },
    ]);
  const unchanged = (already: Extract<Effect, { kind: 'unchanged' }>['already']): Outcome => ({
    text: undefined,
    status: comment.status,
    effect: { kind: 'unchanged', already },
    notes: [],
    commitMessage: '',
  });

  switch (decision) {
    case 'approve': {
      if (comment.status === 'published') return unchanged('published');
      return {
        text: edit([
          { key: 'status', value: 'published' },
          { key: 'reason', value: undefined },
        ]),
        status: 'published',
        effect: {
          kind: 'published',
          from: comment.status,
          droppedReason: comment.reason === undefined ? undefined : oneLine(comment.reason),
        },
        notes: parentNotes(comment, siblings),
        commitMessage: `Modération : publie ${id}`,
      };
    }
    case 'reject': {
      const motive = cleanReason(reason, `rejeter ${id}`);
      if (comment.status === 'rejected' && comment.reason === motive) return unchanged('rejected');
      const effect: Effect =
        comment.status === 'rejected'
          ? { kind: 'reason-changed', from: oneLine(comment.reason ?? ''), to: motive }
          : { kind: 'rejected', from: comment.status, reason: motive, unfeatured: comment.featured };
      return {
        text: edit(
          [
            { key: 'status', value: 'rejected' },
            { key: 'reason', value: motive, after: 'status' },
            { key: 'featured', value: undefined },
          ],
          motive,
        ),
        status: 'rejected',
        effect,
        notes: comment.status === 'published' ? replyNotes(comment, siblings) : [],
        commitMessage: `Modération : rejette ${id} (${motive})`,
      };
    }
    case 'feature': {
      if (comment.status !== 'published') {
        throw new ModerationError(
          `${id} n'est pas publié (status: ${comment.status}) : seul un commentaire publié peut entrer dans la ${SELECTION} ; approuvez-le d'abord`,
          { kind: 'not-published', id, status: comment.status },
        );
      }
      if (comment.featured) return unchanged('featured');
      return {
        text: edit([{ key: 'featured', value: true, after: 'status' }]),
        status: comment.status,
        effect: { kind: 'featured' },
        notes: [],
        commitMessage: `Modération : ${id} dans la Sélection de la rédaction`,
      };
    }
    case 'unfeature': {
      if (!comment.featured) return unchanged('not-featured');
      return {
        text: edit([{ key: 'featured', value: undefined }]),
        status: comment.status,
        effect: { kind: 'unfeatured' },
        notes: [],
        commitMessage: `Modération : retire ${id} de la Sélection de la rédaction`,
      };
    }
  }
}

/** Approving a reply to a comment readers cannot see: the site shows it as a conversation of its own. */
function parentNotes(comment: StoredComment, siblings: readonly StoredComment[]): Note[] {
  const parent = answeredComment(comment, siblings);
  if (comment.replyTo === undefined || parent?.status === 'published') return [];
  return [{ kind: 'reply-shown-alone', replyTo: comment.replyTo, parentStatus: parent?.status }];
}

/** Withdrawing a published comment leaves its published replies without their first message. */
function replyNotes(comment: StoredComment, siblings: readonly StoredComment[]): Note[] {
  const replies = siblings.filter(
    (sibling) => sibling.status === 'published' && answeredComment(sibling, siblings)?.id === comment.id,
  );
  return replies.length === 0 ? [] : [{ kind: 'replies-shown-alone', replies: replies.map((reply) => reply.name) }];
}
