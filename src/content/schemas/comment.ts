import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { dateField } from './date';

/**
 * One moderator's decision on a comment, as `npm run moderate` and the moderation desk record
 * it (services/moderation/): the audit trail lives in the file, hence in git.
 */
const moderationEntry = z
  .object({
    /** What was decided. */
    decision: z.enum(['approve', 'reject', 'feature', 'unfeature']),
    /** The moderator's name. */
    by: z.string().trim().min(1),
    /** When, to the second, in Paris time with its offset (2026-11-29T14:15:07+01:00). */
    at: dateField,
    /** Why it was rejected; only on a rejection, which always has one. */
    reason: z.string().trim().min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if ((entry.decision === 'reject') !== (entry.reason !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: entry.decision === 'reject' ? 'a rejection needs a reason' : `a decision ${entry.decision} has no reason`,
      });
    }
  });

/**
 * A reader's comment, one Markdown file under `content/comments/<article-slug>/`.
 * The body is untrusted: it is always rendered through the comment sanitize policy.
 */
export const commentSchema = z
  .object({
    /** The article this comment is about (its slug). */
    article: reference('articles'),
    /** The name the reader chose; never an e-mail address. */
    pseudonym: z.string().trim().min(2).max(30),
    /** When the reader posted it. */
    publishedAt: dateField,
    /**
     * The comment it answers: its file name in the same folder (`c03`), or a full id
     * (`<article-slug>/c03`); absent for a top-level comment.
     */
    replyTo: z.string().trim().min(1).optional(),
    /** Moderation state: only `published` comments render or count. */
    status: z.enum(['published', 'pending', 'rejected']),
    /** Why a moderator rejected it; required when rejected. */
    reason: z.string().trim().min(1).optional(),
    /** Marked « Sélection de la rédaction » by a moderator. */
    featured: z.boolean().default(false),
    /** The moderators' decisions on it, oldest first; written by the moderation tools, never by hand. */
    moderation: z.array(moderationEntry).optional(),
  })
  .superRefine((comment, ctx) => {
    if (comment.status === 'rejected' && comment.reason === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'a rejected comment needs a reason',
      });
    }
  });
