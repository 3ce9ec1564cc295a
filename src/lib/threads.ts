/** What thread building needs to know about a comment. */
export interface ThreadComment {
  /** Full id, `<article-slug>/<file name>`. */
  id: string;
  publishedAt: Date;
  /** Full id of the comment answered, already resolved. */
  replyTo?: string | undefined;
}

interface ThreadReply<T> {
  comment: T;
  /** The comment this reply answers: the top-level one, or another reply in the same thread. */
  answers: T;
}

export interface Thread<T> {
  comment: T;
  replies: ThreadReply<T>[];
}

/**
 * Builds the two-level threads readers see: top-level comments in publication order, each
 * holding its replies in publication order. A reply to a reply joins the thread of its
 * top-level comment and keeps the comment it answers, so the page can say « en réponse à ».
 * Pass published comments only, all of one article; a reply whose target is not among them
 * (unpublished) is shown as a top-level comment rather than lost.
 */
export function buildThreads<T extends ThreadComment>(comments: readonly T[]): Thread<T>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: T): T => {
    const seen = new Set<string>();
    let current = comment;
    while (current.replyTo !== undefined && byId.has(current.replyTo) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.replyTo) as T;
    }
    return current;
  };

  const chronological = [...comments].sort(
    (a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id.localeCompare(b.id),
  );
  const threads = new Map<string, Thread<T>>();
  for (const comment of chronological) {
    const root = rootOf(comment);
    if (root === comment) threads.set(comment.id, { comment, replies: [] });
  }
  for (const comment of chronological) {
    const root = rootOf(comment);
    const answers = comment.replyTo === undefined ? undefined : byId.get(comment.replyTo);
    if (root !== comment && answers !== undefined) threads.get(root.id)?.replies.push({ comment, answers });
  }
  return [...threads.values()];
}
