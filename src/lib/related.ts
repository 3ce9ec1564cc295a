/** What related-story choice needs to know about an article. */
export interface RelatedCandidate {
  slug: string;
  section: { id: string };
  tags: readonly string[];
  publishedAt: Date;
  draft: boolean;
  /** The editor's picks, in order. */
  related: readonly string[];
}

/**
 * Chooses the stories shown under an article, in this priority order:
 * 1. the editor's `related` picks, in the order written;
 * 2. then other stories, those sharing the section and at least one tag first, then those
 *    sharing the section, then those sharing a tag; newest first within each group;
 * never the article itself, never a draft, never twice, at most `max`.
 */
export function chooseRelated<T extends RelatedCandidate>(article: T, all: readonly T[], max: number): T[] {
  const bySlug = new Map(all.map((candidate) => [candidate.slug, candidate]));
  const chosen: T[] = [];
  const taken = new Set([article.slug]);
  const take = (candidate: T | undefined) => {
    if (candidate === undefined || candidate.draft || taken.has(candidate.slug) || chosen.length >= max) return;
    taken.add(candidate.slug);
    chosen.push(candidate);
  };

  for (const slug of article.related) take(bySlug.get(slug));

  const tags = new Set(article.tags);
  const rank = (candidate: T): number => {
    const sameSection = candidate.section.id === article.section.id;
    const sharedTag = candidate.tags.some((tag) => tags.has(tag));
    if (sameSection && sharedTag) return 0;
    if (sameSection) return 1;
    if (sharedTag) return 2;
    return 3;
  };
  const ranked = all
    .map((candidate) => ({ candidate, rank: rank(candidate) }))
    .filter(({ rank }) => rank < 3)
    .sort((a, b) => a.rank - b.rank || b.candidate.publishedAt.getTime() - a.candidate.publishedAt.getTime());
  for (const { candidate } of ranked) take(candidate);
  return chosen;
}
