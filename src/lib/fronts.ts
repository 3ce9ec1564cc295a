/** What the home page needs of an article. */
export interface FrontCandidate {
  slug: string;
  section: { id: string };
  publishedAt: Date;
  image?: unknown;
}

export interface FrontOptions {
  /** The editors' choice, in order: the lead story, then the stories beside it. */
  chosen: readonly string[];
  /** How many stories stand beside the lead. */
  secondaryCount: number;
  /** How many stories each section's row shows. */
  perSection: number;
  /** How many stories « Le fil » lists. */
  latestCount: number;
  /** How many stories « Les plus commentés » lists. */
  mostCommentedCount: number;
  /** Only stories published this many days before `now` count as « les plus commentés ». */
  mostCommentedDays: number;
  now: Date;
  commentCount: (slug: string) => number;
}

export interface Front<T> {
  lead: T | undefined;
  secondary: T[];
  /** One row per section, in the order of `sectionIds`, without the stories already on top. */
  sections: { id: string; articles: T[] }[];
  /** « Le fil »: the newest stories, whatever their place elsewhere on the page. */
  latest: T[];
  mostCommented: { article: T; count: number }[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Lays out the home page. The lead is the editors' first choice; without one, the newest
 * story with a picture (a lead without one looks bare), else the newest. The editors' other
 * choices come beside it, topped up with the newest stories. Section rows skip what the top
 * of the page already shows. `articles` are published stories, newest first.
 */
export function layOutFront<T extends FrontCandidate>(
  articles: readonly T[],
  sectionIds: readonly string[],
  options: FrontOptions,
): Front<T> {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const chosen = options.chosen.flatMap((slug) => bySlug.get(slug) ?? []);
  const lead = chosen[0] ?? articles.find((a) => a.image !== undefined) ?? articles[0];
  const secondary = chosen.slice(1, options.secondaryCount + 1);
  for (const article of articles) {
    if (secondary.length >= options.secondaryCount) break;
    if (article !== lead && !secondary.includes(article)) secondary.push(article);
  }
  const onTop = new Set<T | undefined>([lead, ...secondary]);
  const since = options.now.getTime() - options.mostCommentedDays * DAY;
  return {
    lead,
    secondary,
    sections: sectionIds
      .map((id) => ({
        id,
        articles: articles.filter((a) => a.section.id === id && !onTop.has(a)).slice(0, options.perSection),
      }))
      .filter((row) => row.articles.length > 0),
    latest: articles.slice(0, options.latestCount),
    mostCommented: articles
      .filter((a) => a.publishedAt.getTime() >= since)
      .map((article) => ({ article, count: options.commentCount(article.slug) }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || b.article.publishedAt.getTime() - a.article.publishedAt.getTime())
      .slice(0, options.mostCommentedCount),
  };
}
