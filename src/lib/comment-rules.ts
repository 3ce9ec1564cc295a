import type { CommentsMode } from '../site.config.ts';

/** What decides whether an article takes comments: the site's defaults and the article's own settings. */
export interface CommentSettings {
  /** The article's mode, or the site default. */
  mode: CommentsMode;
  publishedAt: Date;
  /** Days after publication when comments close; `null` keeps them open. */
  closeAfterDays: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When comments close, or `undefined` when they never do (or are closed already by mode). */
export function commentsCloseAt(settings: CommentSettings): Date | undefined {
  if (settings.mode === 'closed' || settings.closeAfterDays === null) return undefined;
  return new Date(settings.publishedAt.getTime() + settings.closeAfterDays * DAY_MS);
}

/**
 * The mode in force at `now`. The static page applies it at build time and again in the
 * reader's browser; the comment service applies it when a comment arrives, so that a page
 * built before the closing date cannot be used to post after it.
 */
export function commentsModeAt(settings: CommentSettings, now: Date): CommentsMode {
  const closesAt = commentsCloseAt(settings);
  return closesAt !== undefined && now.getTime() >= closesAt.getTime() ? 'closed' : settings.mode;
}
