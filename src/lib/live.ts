import type { BodySegment } from './body-slots';
import { formatClock, formatShortDateTime, isoParis } from './dates';

/** One message of a live coverage, as its page shows it; `A` is how its authors are given. */
export interface LiveEntry<A> {
  /** `<article-slug>/<file name>`. */
  id: string;
  /** `message-<file name>`: the message's anchor on the page, and its name in `direct.json`. */
  anchor: string;
  publishedAt: Date;
  title?: string | undefined;
  authors: A[];
  source?: string | undefined;
  html: { digest: string; read: () => string };
}

/** An article's live coverage as the build sees it. */
export interface Live<E> {
  /** Whether it runs at the build's clock: no end date, or one still to come. */
  running: boolean;
  endedAt?: Date | undefined;
  /**
   * The Paris day (`2026-11-29`) against which the messages' times are written: the build's
   * while the live runs, its end's afterwards. Part of the page's data, so that a page kept
   * from an earlier build never says « 9 h 40 » of a message from another day.
   */
  day: string;
  /** Newest first. */
  entries: E[];
}

const parisDay = (date: Date) => isoParis(date).slice(0, 10);

/** A live runs until its end date, and for as long as it has none. */
export function isRunning(endedAt: Date | undefined, now: Date): boolean {
  return endedAt === undefined || endedAt.getTime() > now.getTime();
}

/**
 * Messages newest first, as a live is read. Two posted the same minute keep the order of their
 * file names, the later name first, so that two builds of one commit agree.
 */
function newestFirst<E extends { id: string; publishedAt: Date }>(entries: readonly E[]): E[] {
  return entries.toSorted((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id.localeCompare(a.id));
}

/** An article's live coverage at the build's clock `now`. */
export function liveCoverage<E extends { id: string; publishedAt: Date }>(
  endedAt: Date | undefined,
  entries: readonly E[],
  now: Date,
): Live<E> {
  const running = isRunning(endedAt, now);
  return {
    running,
    endedAt,
    day: parisDay(running || endedAt === undefined ? now : endedAt),
    entries: newestFirst(entries),
  };
}

/** A live's « Modifié le »: its latest message, unless the article itself was changed later. */
export function lastUpdate(updatedAt: Date | undefined, live: Live<{ publishedAt: Date }>): Date | undefined {
  const latest = live.entries[0]?.publishedAt;
  if (latest === undefined) return updatedAt;
  return updatedAt !== undefined && updatedAt > latest ? updatedAt : latest;
}

/** « 17 h 05 » for a message of the live's day; « 28 nov. à 23 h 50 » for one of another day. */
export function entryTime(date: Date, day: string): string {
  return parisDay(date) === day ? formatClock(date) : formatShortDateTime(date);
}

/** The anchor of a message, from its id: `message-<file name>`. */
export function entryAnchor(id: string): string {
  return `message-${id.slice(id.lastIndexOf('/') + 1)}`;
}

/**
 * What `direct.json` tells an open page: whether the live still runs, and the anchors of its
 * messages, newest first. The page's script compares them with the messages it shows; the
 * messages themselves are read from the page, fetched again when the reader asks for them.
 */
export function liveStatus(live: Live<{ anchor: string }>): { running: boolean; entries: string[] } {
  return { running: live.running, entries: live.entries.map((entry) => entry.anchor) };
}

/** Where the build writes an article's `liveStatus`, next to its page. */
export const liveStatusUrl = (article: { url: string }) => `${article.url}direct.json`;

/**
 * What « L'essentiel » shows of the body while the live runs: all but the section's newsletter
 * box, which would sit as a box inside the pinned box; the page places it after the messages.
 */
export const withoutNewsletter = (segments: readonly BodySegment[]): BodySegment[] =>
  segments.filter((segment) => segment.kind !== 'newsletter');
