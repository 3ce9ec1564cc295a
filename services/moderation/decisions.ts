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

/** A decision worked out before anything is written. */
export interface Outcome {
  /** The file's new text, or `undefined` when the comment is already in the state asked for. */
  text: string | undefined;
  /** The comment's status once the decision is made. */
  status: Status;
  /** One line saying what changes: « velo/c07 : pending → published ». */
  summary: string;
  /** What the moderator should know about the consequences (replies shown differently). */
  notes: string[];
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
    throw new ModerationError(`${what} : --reason "…" est obligatoire (le motif est gardé dans le fichier)`);
  return cleaned;
}

/**
 * A moderator's name as it is recorded: on one line, spaces collapsed; refused when empty,
 * since a decision nobody signed would leave a gap in the audit trail.
 */
export function moderatorName(name: string): string {
  const cleaned = oneLine(name);
  if (cleaned === '') {
    throw new ModerationError('le nom du modérateur est vide : il est inscrit avec chaque décision (--par "…")');
  }
  if ([...cleaned].length > 100) {
    throw new ModerationError(`le nom du modérateur « ${cleaned.slice(0, 20)}… » dépasse 100 caractères`);
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
  const unchanged = (why: string): Outcome => ({
    text: undefined,
    status: comment.status,
    summary: `${id} : ${why}, rien à changer`,
    notes: [],
    commitMessage: '',
  });
  const quoted = (text: string) => `« ${text} »`;

  switch (decision) {
    case 'approve': {
      if (comment.status === 'published') return unchanged('déjà publié');
      const dropped = comment.reason === undefined ? '' : ` (motif retiré : ${quoted(oneLine(comment.reason))})`;
      return {
        text: edit([
          { key: 'status', value: 'published' },
          { key: 'reason', value: undefined },
        ]),
        status: 'published',
        summary: `${id} : ${comment.status} → published${dropped}`,
        notes: parentNotes(comment, siblings),
        commitMessage: `Modération : publie ${id}`,
      };
    }
    case 'reject': {
      const motive = cleanReason(reason, `rejeter ${id}`);
      if (comment.status === 'rejected' && comment.reason === motive) return unchanged('déjà rejeté pour ce motif');
      const summary =
        comment.status === 'rejected'
          ? `${id} : motif ${quoted(oneLine(comment.reason ?? ''))} → ${quoted(motive)}`
          : `${id} : ${comment.status} → rejected (motif : ${quoted(motive)})${comment.featured ? `, retiré de la ${SELECTION}` : ''}`;
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
        summary,
        notes: comment.status === 'published' ? replyNotes(comment, siblings) : [],
        commitMessage: `Modération : rejette ${id} (${motive})`,
      };
    }
    case 'feature': {
      if (comment.status !== 'published') {
        throw new ModerationError(
          `${id} n'est pas publié (status: ${comment.status}) : seul un commentaire publié peut entrer dans la ${SELECTION} ; approuvez-le d'abord`,
        );
      }
      if (comment.featured) return unchanged(`déjà dans la ${SELECTION}`);
      return {
        text: edit([{ key: 'featured', value: true, after: 'status' }]),
        status: comment.status,
        summary: `${id} : ajouté à la ${SELECTION} (featured: true)`,
        notes: [],
        commitMessage: `Modération : ${id} dans la Sélection de la rédaction`,
      };
    }
    case 'unfeature': {
      if (!comment.featured) return unchanged(`pas dans la ${SELECTION}`);
      return {
        text: edit([{ key: 'featured', value: undefined }]),
        status: comment.status,
        summary: `${id} : retiré de la ${SELECTION}`,
        notes: [],
        commitMessage: `Modération : retire ${id} de la Sélection de la rédaction`,
      };
    }
  }
}

/** Approving a reply to a comment readers cannot see: the site shows it as a conversation of its own. */
function parentNotes(comment: StoredComment, siblings: readonly StoredComment[]): string[] {
  const parent = answeredComment(comment, siblings);
  if (comment.replyTo === undefined || parent?.status === 'published') return [];
  const state = parent === undefined ? 'introuvable' : `${parent.status}`;
  return [
    `attention : il répond à ${comment.replyTo} (${state}), que les lecteurs ne voient pas ; il s'affichera comme un commentaire à part`,
  ];
}

/** Withdrawing a published comment leaves its published replies without their first message. */
function replyNotes(comment: StoredComment, siblings: readonly StoredComment[]): string[] {
  const replies = siblings.filter(
    (sibling) => sibling.status === 'published' && answeredComment(sibling, siblings)?.id === comment.id,
  );
  if (replies.length === 0) return [];
  const names = replies.map((reply) => reply.name).join(', ');
  const what =
    replies.length === 1
      ? `sa réponse publiée (${names}) s'affichera comme un commentaire à part`
      : `ses ${replies.length} réponses publiées (${names}) s'afficheront comme des commentaires à part`;
  return [`attention : ${what}`];
}
