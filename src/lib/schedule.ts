/** What the publication plan needs of a story: read from its frontmatter alone. */
export interface PlannedStory {
  file: string;
  title: string;
  publishedAt: Date;
  draft: boolean;
}

export interface PublicationPlan {
  /** Stories that fall due between the last build and now: the next build publishes them. */
  due: PlannedStory[];
  /** Stories still to come, soonest first. */
  upcoming: PlannedStory[];
}

/**
 * What the next build changes in what is published, and what comes after it. A draft is in
 * neither list: it waits for an editor, not for the clock. `since` is the clock of the last
 * build (`undefined` when unknown: then nothing is said to be due).
 */
export function publicationPlan(stories: readonly PlannedStory[], now: Date, since: Date | undefined): PublicationPlan {
  const timed = stories.filter((story) => !story.draft).toSorted(soonestFirst);
  return {
    due: since === undefined ? [] : timed.filter((story) => story.publishedAt > since && story.publishedAt <= now),
    upcoming: timed.filter((story) => story.publishedAt > now),
  };
}

const soonestFirst = (a: PlannedStory, b: PlannedStory) =>
  a.publishedAt.getTime() - b.publishedAt.getTime() || a.file.localeCompare(b.file);

const UNITS: Record<string, number> = { min: 60_000, h: 3_600_000, j: 86_400_000 };

/**
 * `--depuis`: an ISO date, or a span back from `now` as a CI schedule knows it: `15min`, `2h`,
 * `1j`. `undefined` for anything else, so that the caller names the flag.
 */
export function parseSince(value: string, now: Date): Date | undefined {
  const span = /^(\d+)\s*(min|h|j)$/.exec(value.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * (UNITS[span[2] as string] as number));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value.trim())) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}
