import { isoParis } from './dates';

/** One mistake in the content, said so that an editor can fix it without reading code. */
export interface ContentProblem {
  /** Path of the file to fix, relative to the project. */
  file: string;
  /** Frontmatter field (or `body`) at fault. */
  field: string;
  message: string;
}

export interface IntegrityInput {
  /** The build's clock: a story dated later is scheduled, not published. */
  now: Date;
  sections: readonly string[];
  authors: readonly string[];
  articles: readonly {
    id: string;
    file: string;
    draft: boolean;
    publishedAt: Date;
    section: string;
    authors: readonly string[];
    related: readonly string[];
    readAlso: readonly string[];
  }[];
  comments: readonly {
    id: string;
    file: string;
    article: string;
    publishedAt: Date;
    replyTo?: string | undefined;
  }[];
  /** Stories the editors place by hand (« À ne pas manquer », « À la une »), with the field that names each. */
  picks: readonly { id: string; file: string; field: string; article: string }[];
  /** Every Markdown file, with what the pipeline found wrong in its body. */
  documents: readonly { file: string; rendered: boolean; problems: readonly string[] }[];
}

/** Section ids that would collide with the site's own top-level routes. */
const RESERVED_SECTION_IDS = [
  'infos',
  '404',
  '_astro',
  'sujets',
  'auteurs',
  'depeches',
  'archives',
  'recherche',
  'pagefind',
  'rectificatifs',
  'brouillons',
  'cartes',
  'admin',
];

/** The folder a comment lives in names its article: `<article-slug>/<file name>`. */
function commentFolder(id: string): string {
  return id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
}

/**
 * Resolves a comment's `replyTo` to a full comment id: a bare file name means the same
 * folder, anything with a slash is already a full id.
 */
export function resolveReplyTo(commentId: string, replyTo: string): string {
  return replyTo.includes('/') ? replyTo : `${commentFolder(commentId)}/${replyTo}`;
}

const list = (ids: Iterable<string>) => [...ids].sort().join(', ');

/**
 * Checks what a schema cannot: that every reference between files points to something that
 * exists and makes sense. Astro only logs a missing `reference()` and builds on; this makes
 * each one a problem naming the file and the field.
 */
export function checkIntegrity(input: IntegrityInput): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const sections = new Set(input.sections);
  const authors = new Set(input.authors);
  const articles = new Map(input.articles.map((article) => [article.id, article]));
  const comments = new Map(input.comments.map((comment) => [comment.id, comment]));

  for (const id of input.sections) {
    if (RESERVED_SECTION_IDS.includes(id)) {
      problems.push({
        file: `sections/${id}.yaml`,
        field: 'id',
        message: `"${id}" is reserved for the site's own pages; rename the file`,
      });
    }
  }

  // A published story that names one readers cannot see yet would lead them nowhere: `related`
  // and « Lire aussi » are checked alike, and the problem names both files.
  const unpublished = (target: IntegrityInput['articles'][number]) =>
    target.draft
      ? `is still a draft (${target.file}): publish it first, or remove the link`
      : target.publishedAt > input.now
        ? `is scheduled for ${isoParis(target.publishedAt)} (${target.file}): link to it once it is out, or publish this story after it`
        : undefined;
  const isPublished = (article: IntegrityInput['articles'][number]) =>
    !article.draft && article.publishedAt <= input.now;

  for (const article of input.articles) {
    const { file } = article;
    if (!sections.has(article.section)) {
      problems.push({
        file,
        field: 'section',
        message: `unknown section "${article.section}" (known: ${list(sections)})`,
      });
    }
    for (const author of article.authors) {
      if (!authors.has(author)) {
        problems.push({ file, field: 'authors', message: `unknown author "${author}" (known: ${list(authors)})` });
      }
    }
    for (const slug of article.related) {
      const target = articles.get(slug);
      if (target === undefined) problems.push({ file, field: 'related', message: `no article "${slug}"` });
      else if (slug === article.id)
        problems.push({ file, field: 'related', message: 'an article cannot be related to itself' });
      else if (isPublished(article) && unpublished(target))
        problems.push({ file, field: 'related', message: `"${slug}" ${unpublished(target)}` });
    }
    for (const slug of article.readAlso) {
      const target = articles.get(slug);
      if (target === undefined) {
        problems.push({ file, field: 'body', message: `::lire-aussi names no article "${slug}"` });
      } else if (isPublished(article) && unpublished(target)) {
        problems.push({ file, field: 'body', message: `::lire-aussi names "${slug}", which ${unpublished(target)}` });
      }
    }
  }

  for (const comment of input.comments) {
    const { file } = comment;
    const folder = commentFolder(comment.id);
    if (!articles.has(comment.article)) {
      problems.push({ file, field: 'article', message: `no article "${comment.article}"` });
    } else if (folder !== comment.article) {
      problems.push({
        file,
        field: 'article',
        message: `says "${comment.article}" but the file is in the folder of "${folder}"`,
      });
    }
    if (comment.replyTo === undefined) continue;
    const targetId = resolveReplyTo(comment.id, comment.replyTo);
    const target = comments.get(targetId);
    if (target === undefined) {
      problems.push({ file, field: 'replyTo', message: `no comment "${comment.replyTo}" in ${folder}/` });
    } else if (target.article !== comment.article) {
      problems.push({
        file,
        field: 'replyTo',
        message: `"${comment.replyTo}" is a comment on another article ("${target.article}")`,
      });
    } else if (targetId === comment.id) {
      problems.push({ file, field: 'replyTo', message: 'a comment cannot answer itself' });
    } else if (target.publishedAt > comment.publishedAt) {
      problems.push({ file, field: 'replyTo', message: `answers "${comment.replyTo}", which was published after it` });
    }
  }

  for (const document of input.documents) {
    if (!document.rendered) {
      problems.push({
        file: document.file,
        field: 'body',
        message: 'could not be rendered; Astro printed the reason above',
      });
    }
    for (const message of document.problems) problems.push({ file: document.file, field: 'body', message });
  }

  for (const pick of input.picks) {
    const target = articles.get(pick.article);
    if (target === undefined) {
      problems.push({ file: pick.file, field: pick.field, message: `no article "${pick.article}"` });
    } else if (target.draft) {
      problems.push({ file: pick.file, field: pick.field, message: `"${pick.article}" is still a draft` });
    }
  }
  return problems;
}

/** A live message as the check needs it: its id is `<article-slug>/<file name>`. */
interface LiveEntryInput {
  id: string;
  file: string;
  publishedAt: Date;
  authors: readonly string[];
}

/**
 * Checks live messages against their articles: each file sits in the folder of a live
 * coverage's article, is not dated before that article's publication, and names known authors.
 */
export function checkLiveEntries(
  entries: readonly LiveEntryInput[],
  context: {
    articles: readonly { id: string; file: string; live: boolean; publishedAt: Date }[];
    authors: readonly string[];
  },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const articles = new Map(context.articles.map((article) => [article.id, article]));
  const authors = new Set(context.authors);
  for (const entry of entries) {
    const { file } = entry;
    const folder = commentFolder(entry.id);
    const article = articles.get(folder);
    if (folder === '') {
      problems.push({
        file,
        field: 'folder',
        message: 'a live message goes in the folder of its article: content/live/<article-slug>/',
      });
    } else if (article === undefined) {
      problems.push({ file, field: 'folder', message: `no article "${folder}"` });
    } else if (!article.live) {
      problems.push({
        file,
        field: 'folder',
        message: `"${folder}" is not a live coverage: add \`live: true\` to ${article.file}`,
      });
    } else if (entry.publishedAt < article.publishedAt) {
      problems.push({
        file,
        field: 'publishedAt',
        message: `${isoParis(entry.publishedAt)} is earlier than the article's publication (${isoParis(article.publishedAt)})`,
      });
    }
    for (const author of entry.authors) {
      if (!authors.has(author)) {
        problems.push({ file, field: 'authors', message: `unknown author "${author}" (known: ${list(authors)})` });
      }
    }
  }
  return problems;
}

/** One error for the whole build: every problem, one per line, file first. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The content has ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}
