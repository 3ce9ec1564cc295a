import { join } from 'node:path';
import type { CommentSettings } from '../../src/lib/comment-rules.ts';
import { frontmatterDate } from '../../src/lib/dates.ts';
import { siteConfig, type CommentsMode } from '../../src/site.config.ts';
import { isSlug } from '../../src/lib/slugs.ts';
import { ContentFileError, frontmatterOf, readIfExists } from './content-files.ts';

/** What the service needs to know about an article a comment is posted to. */
export interface CommentedArticle {
  slug: string;
  /** Its section, for the link back to the page. */
  section: string;
  comments: CommentSettings;
}

const MODES: readonly unknown[] = ['open', 'closed', 'subscribers'] satisfies CommentsMode[];

/**
 * The article, read from its file at each request so that an editor's change applies at once;
 * `undefined` for a slug that names no article, or a draft (which the site does not publish).
 */
export async function readArticle(contentDir: string, slug: string): Promise<CommentedArticle | undefined> {
  if (!isSlug(slug)) return undefined;
  const file = join(contentDir, 'articles', `${slug}.md`);
  const source = await readIfExists(file);
  if (source === undefined) return undefined;
  const data = frontmatterOf(file, source);
  if (data['draft'] === true) return undefined;
  const { section, comments, commentsCloseAfterDays, publishedAt } = data;
  if (typeof section !== 'string') throw new ContentFileError(file, 'section: missing');
  if (comments !== undefined && !MODES.includes(comments)) {
    throw new ContentFileError(file, `comments: expected open, closed or subscribers, got ${String(comments)}`);
  }
  return {
    slug,
    section,
    comments: {
      mode: (comments as CommentsMode | undefined) ?? siteConfig.defaultCommentsMode,
      publishedAt: dateOf(file, publishedAt),
      closeAfterDays: closeAfterDaysOf(file, commentsCloseAfterDays),
    },
  };
}

/** The article's own delay, `null` keeping comments open, or the site's when it sets none. */
function closeAfterDaysOf(file: string, value: unknown): number | null {
  if (value === undefined) return siteConfig.commentsCloseAfterDays;
  if (value === null || (typeof value === 'number' && Number.isInteger(value) && value > 0)) return value;
  throw new ContentFileError(file, 'commentsCloseAfterDays: expected a number of days, or null');
}

function dateOf(file: string, value: unknown): Date {
  const date = frontmatterDate(value);
  if (date === undefined) {
    throw new ContentFileError(file, `publishedAt: expected a date like 2026-11-28T17:05:00+01:00`);
  }
  return date;
}

/**
 * Whether `id` names a published comment of the article, posted before `at`: only those can
 * be answered (the build refuses a reply older than the comment it answers).
 */
export async function isPublishedComment(contentDir: string, article: string, id: string, at: Date): Promise<boolean> {
  if (!isSlug(article) || !isSlug(id)) return false;
  const file = join(contentDir, 'comments', article, `${id}.md`);
  const source = await readIfExists(file);
  if (source === undefined) return false;
  const target = frontmatterOf(file, source);
  return target['status'] === 'published' && dateOf(file, target['publishedAt']).getTime() <= at.getTime();
}
