import type { ImageMetadata } from 'astro';
import type { CommentsMode } from '../site.config';
import { byMonth } from './archive';
import { commentsCloseAt, commentsModeAt } from './comment-rules';
import { layOutFront, type Front, type FrontOptions } from './fronts';
import { ContentError, checkIntegrity, checkLiveEntries, resolveReplyTo } from './integrity';
import { entryAnchor, lastUpdate, liveCoverage, type Live, type LiveEntry } from './live';
import { relatedChooser } from './related';
import { intertitlesOf, tableOfContents, type Intertitle } from './table-of-contents';
import { groupByName, toSlug } from './taxonomy';
import { buildThreads, type Thread } from './threads';

export interface Section {
  id: string;
  name: string;
  description: string;
  order: number;
  url: string;
  newsletter: { title: string; cadence: string; pitch: string };
}

/** What the navigation needs of a section. */
export type NavSection = Pick<Section, 'id' | 'name' | 'url'>;

/** What a list of links to stories needs of an article. */
export interface StoryLink {
  slug: string;
  url: string;
  title: string;
  section: { name: string };
  /**
   * A live coverage running at the build's clock: the list shows « En direct ». Shaped as an
   * article's `live`, so that pages may hand articles themselves to a list.
   */
  live?: { running: boolean } | undefined;
}

export interface Author {
  id: string;
  name: string;
  role?: string | undefined;
  /** A few sentences for the author's page. */
  bio?: string | undefined;
  photo?: ImageMetadata | undefined;
  url: string;
}

/** A named list of stories with its own pages: a tag, an agency, a month. */
export interface Listing {
  slug: string;
  name: string;
  url: string;
  articles: Article[];
}

export interface ArticleImage {
  src: ImageMetadata;
  /** Empty for a decorative picture. */
  alt: string;
  credit: string;
  caption?: string | undefined;
}

export interface Article {
  slug: string;
  url: string;
  file: string;
  title: string;
  kicker?: string | undefined;
  standfirst: string;
  section: Section;
  authors: Author[];
  source?: string | undefined;
  publishedAt: Date;
  /** The latest of `updatedAt` and the notes' dates: what « Modifié le » shows. */
  updatedAt?: Date | undefined;
  tags: string[];
  related: string[];
  /** Who may comment when the site was built (the closing date applied). */
  commentsMode: CommentsMode;
  /** When comments close; the page's script applies it again in the reader's browser. */
  commentsCloseAt?: Date | undefined;
  image?: ArticleImage | undefined;
  /** Where the story stands at the build's clock: only published stories reach a production build. */
  status: ArticleStatus;
  /** « Rectificatif » notes, newest first. */
  corrections: EditorNote[];
  /** « Mise à jour » notes, newest first. */
  updates: EditorNote[];
  readingMinutes: number;
  readAlso: string[];
  /** The « Sommaire »: the body's intertitles when it has enough of them, otherwise none. */
  contents: Intertitle[];
  html: Html;
  /** Live coverage (« En direct »): its messages, newest first, and whether it runs; none for an ordinary article. */
  live?: Live<LiveEntry<Author>> | undefined;
}

/**
 * `draft`: the editor has not let it out; `scheduled`: its `publishedAt` is still to come at
 * the build's clock, and it appears in the first build after it.
 */
export type ArticleStatus = 'published' | 'draft' | 'scheduled';

/** A dated correction or update, as the newsroom wrote it. */
export interface EditorNote {
  date: Date;
  text: string;
}

/**
 * A document's HTML, read only when a page shows it: an incremental build restores most pages
 * and needs little of it. In a page's data (and so in its cache key, `JSON.stringify` skipping
 * functions) the digest of its source and pipeline stands for it.
 */
export interface Html {
  digest: string;
  read: () => string;
}

export interface Comment {
  id: string;
  /** File name without extension, used in anchors: `#commentaire-<anchor>`. */
  anchor: string;
  article: string;
  pseudonym: string;
  publishedAt: Date;
  replyTo?: string | undefined;
  featured: boolean;
  /** The pseudonym is the name of one of the site's authors: shown with a staff badge. */
  staff: boolean;
  html: Html;
}

/** Entries as the loaders give them, reduced to plain data. */
export interface RawContent {
  sections: { id: string; data: Omit<Section, 'id' | 'url'> }[];
  authors: { id: string; data: Omit<Author, 'id' | 'url'> }[];
  articles: {
    id: string;
    filePath?: string | undefined;
    /** Rendered HTML; undefined when the file could not be rendered. */
    html: Html | undefined;
    facts: Facts;
    data: {
      title: string;
      kicker?: string | undefined;
      standfirst: string;
      section: { id: string };
      authors: { id: string }[];
      source?: string | undefined;
      publishedAt: Date;
      updatedAt?: Date | undefined;
      tags: string[];
      related: { id: string }[];
      comments?: CommentsMode | undefined;
      commentsCloseAfterDays?: number | null | undefined;
      image?: (Omit<ArticleImage, 'alt'> & { alt?: string | undefined; decorative: boolean }) | undefined;
      draft: boolean;
      corrections: EditorNote[];
      updates: EditorNote[];
      live?: boolean | undefined;
      liveEndedAt?: Date | undefined;
    };
  }[];
  /** Messages of live coverage, `content/live/<article-slug>/<name>.md`. */
  live?: {
    id: string;
    filePath?: string | undefined;
    html: Html | undefined;
    facts: Facts;
    data: {
      publishedAt: Date;
      authors: { id: string }[];
      source?: string | undefined;
      title?: string | undefined;
    };
  }[];
  comments: {
    id: string;
    filePath?: string | undefined;
    html: Html | undefined;
    facts: Facts;
    data: {
      article: { id: string };
      pseudonym: string;
      publishedAt: Date;
      replyTo?: string | undefined;
      status: 'published' | 'pending' | 'rejected';
      featured: boolean;
    };
  }[];
  pages: {
    id: string;
    filePath?: string | undefined;
    html: Html | undefined;
    facts: Facts;
    data: { title: string; description: string; updatedAt: Date };
  }[];
  picks: { id: string; data: { article: { id: string } } }[];
  picksFile: string;
  /** The editors' « À la une », lead first. */
  front: { id: string; data: { articles: { id: string }[] } }[];
  frontFile: string;
}

/** What the Markdown pipeline recorded about a file (see `DocumentFacts`); untyped on the way in. */
type Facts = Record<string, unknown>;

/** What a document that could not be rendered shows; the integrity check has refused it already. */
const NO_HTML: Html = { digest: '', read: () => '' };

export interface Page {
  slug: string;
  url: string;
  title: string;
  description: string;
  updatedAt: Date;
  html: Html;
}

/**
 * Everything an article page shows, and nothing else: the page renders from this alone, so
 * its hash is the page's cache key for incremental builds.
 */
export type ArticlePage = {
  article: Article;
  sections: NavSection[];
  /** Current title and address of each article a « Lire aussi » names. */
  links: Record<string, { title: string; url: string }>;
  picks: StoryLink[];
  related: StoryLink[];
  /** Stories that point to this one in « Lire aussi » or `related`: « Cet article est cité dans ». */
  citedBy: StoryLink[];
  threads: Thread<Comment>[];
  commentCount: number;
};

/**
 * Everything a listing page shows besides its own listing's name, description and pages: its
 * stories as cards, with their comment counts, the navigation and « À ne pas manquer ». Its
 * hash, with the listing's, is the page's cache key for incremental builds.
 */
interface ListingShows {
  cards: {
    url: string;
    title: string;
    kicker?: string | undefined;
    standfirst: string;
    section: string;
    publishedAt: Date;
    image?: string | undefined;
    comments: number;
    /** Shows « En direct ». */
    live: boolean;
  }[];
  sections: NavSection[];
  picks: StoryLink[];
}

/** Everything pages need, computed once per build. */
export interface Site {
  /** The moment the site is built for (`KIOSQUE_NOW` when set). */
  now: Date;
  sections: Section[];
  /** Published articles, newest first: neither drafts nor scheduled stories. */
  articles: Article[];
  /** Drafts and scheduled stories, soonest first, when the site is built for preview (`astro dev`); otherwise none. */
  previews: Article[];
  article(slug: string): Article | undefined;
  /** Every correction of a published story, newest first: the « Rectificatifs » page. */
  corrections: { article: Article; note: EditorNote }[];
  /** Published comments of an article, as two-level threads. */
  threads(slug: string): Thread<Comment>[];
  /** Published comments of an article, newest first. */
  comments(slug: string): Comment[];
  /** Number of published comments of an article. */
  commentCount(slug: string): number;
  /** Related stories, leaving out what the same page already lists: picks, « Lire aussi », citing stories. */
  related(article: Article): Article[];
  picks: Article[];
  /** Standing pages: charter, terms, legal notice. */
  pages: Page[];
  articlePage(article: Article): ArticlePage;
  /** What a listing page shows of `articles`, the stories on it, and of the site around them. */
  listingShows(articles: readonly Article[]): ListingShows;
  /** The home page's stories, laid out once. */
  front: Front<Article>;
  /** Every author, with their published stories, newest first. */
  authors: (Author & { articles: Article[] })[];
  /** Tags, each with its stories (`/sujets/<slug>/`). */
  tags: Listing[];
  /** Agencies named as `source` (`/depeches/<slug>/`: « Dépêches AFP »). */
  agencies: Listing[];
  /** The archive, newest month first (`/archives/<yyyy>/<mm>/`). */
  months: Listing[];
}

/** Where a tag's stories are listed. */
export const tagUrl = (tag: string) => `/sujets/${toSlug(tag)}/`;
/** Where an agency's stories are listed: « Dépêches AFP ». */
export const agencyUrl = (agency: string) => `/depeches/${toSlug(agency)}/`;

const linkTo = (article: Article): StoryLink => ({
  slug: article.slug,
  url: article.url,
  title: article.title,
  section: { name: article.section.name },
  ...(article.live?.running && { live: { running: true } }),
});

export interface SiteOptions {
  defaultCommentsMode: CommentsMode;
  /** Site default: comments close this many days after publication; `null`: never. */
  commentsCloseAfterDays: number | null;
  /** The build's clock, for closing dates and scheduled stories. */
  now: Date;
  /** Keep drafts and scheduled stories as `previews` (`astro dev`), with their pages. */
  previews: boolean;
  relatedMax: number;
  front: Omit<FrontOptions, 'chosen' | 'now' | 'commentCount'>;
}

const fileOf = (filePath: string | undefined, fallback: string) => filePath ?? fallback;

/**
 * Turns loaded entries into the site: checks every cross-reference (throwing one
 * `ContentError` that lists each problem with its file and field), resolves references, and
 * prepares threads, counts and related stories so that no page walks the collections again.
 */
export function assembleSite(raw: RawContent, options: SiteOptions): Site {
  const problems = checkIntegrity({
    sections: raw.sections.map((s) => s.id),
    authors: raw.authors.map((a) => a.id),
    now: options.now,
    articles: raw.articles.map((entry) => ({
      id: entry.id,
      file: fileOf(entry.filePath, `articles/${entry.id}.md`),
      draft: entry.data.draft,
      publishedAt: entry.data.publishedAt,
      section: entry.data.section.id,
      authors: entry.data.authors.map((a) => a.id),
      related: entry.data.related.map((r) => r.id),
      readAlso: readAlsoOf(entry.facts),
    })),
    comments: raw.comments.map((entry) => ({
      id: entry.id,
      file: fileOf(entry.filePath, `comments/${entry.id}.md`),
      article: entry.data.article.id,
      publishedAt: entry.data.publishedAt,
      replyTo: entry.data.replyTo,
    })),
    picks: [
      ...raw.picks.map((pick) => ({
        id: pick.id,
        file: raw.picksFile,
        field: `${pick.id}.article`,
        article: pick.data.article.id,
      })),
      ...raw.front.flatMap((entry) =>
        entry.data.articles.map((article, index) => ({
          id: entry.id,
          file: raw.frontFile,
          field: `${entry.id}.articles[${index}]`,
          article: article.id,
        })),
      ),
    ],
    documents: [
      ...raw.articles.map((entry) => documentOf(entry, 'articles')),
      // Only published comments are rendered (and shown): what a reader sent stays out of the
      // build until a moderator lets it in.
      ...raw.comments
        .filter((entry) => entry.data.status === 'published')
        .map((entry) => documentOf(entry, 'comments')),
      ...raw.pages.map((entry) => documentOf(entry, 'pages')),
      ...(raw.live ?? []).map((entry) => documentOf(entry, 'live')),
    ],
  });
  problems.push(
    ...checkLiveEntries(
      (raw.live ?? []).map((entry) => ({
        id: entry.id,
        file: fileOf(entry.filePath, `live/${entry.id}.md`),
        publishedAt: entry.data.publishedAt,
        authors: entry.data.authors.map((a) => a.id),
      })),
      {
        articles: raw.articles.map((entry) => ({
          id: entry.id,
          file: fileOf(entry.filePath, `articles/${entry.id}.md`),
          live: entry.data.live === true,
          publishedAt: entry.data.publishedAt,
        })),
        authors: raw.authors.map((a) => a.id),
      },
    ),
  );
  // Astro only logs a missing data file and builds on: the home page would lose the editors'
  // choice without anyone being told.
  if (!raw.front.some((entry) => entry.id === 'une')) {
    problems.push({
      file: raw.frontFile,
      field: 'une',
      message: 'missing: write `une: { articles: [] }` to let the site choose the top stories',
    });
  }
  if (problems.length > 0) throw new ContentError(problems);

  const sections = raw.sections
    .map(({ id, data }) => ({ id, ...data, url: `/${id}/` }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'fr'));
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const authorById = new Map<string, Author>(
    raw.authors.map(({ id, data }) => [id, { id, ...data, url: `/auteurs/${id}/` }]),
  );

  const liveByArticle = new Map<string, LiveEntry<Author>[]>();
  for (const entry of raw.live ?? []) {
    // A message dated later is scheduled, as a story is: it waits for the build that passes it.
    if (entry.data.publishedAt > options.now && !options.previews) continue;
    const article = entry.id.slice(0, entry.id.lastIndexOf('/'));
    const list = liveByArticle.get(article) ?? [];
    list.push({
      id: entry.id,
      anchor: entryAnchor(entry.id),
      publishedAt: entry.data.publishedAt,
      title: entry.data.title,
      authors: entry.data.authors.map((a) => authorById.get(a.id) as Author),
      source: entry.data.source,
      html: entry.html ?? NO_HTML,
    });
    liveByArticle.set(article, list);
  }

  const allArticles: Article[] = raw.articles.map((entry) => {
    const { data } = entry;
    const live = data.live ? liveCoverage(data.liveEndedAt, liveByArticle.get(entry.id) ?? [], options.now) : undefined;
    const section = sectionById.get(data.section.id) as Section;
    const commentSettings = {
      mode: data.comments ?? options.defaultCommentsMode,
      publishedAt: data.publishedAt,
      closeAfterDays:
        data.commentsCloseAfterDays === undefined ? options.commentsCloseAfterDays : data.commentsCloseAfterDays,
    };
    return {
      slug: entry.id,
      url: `${section.url}${entry.id}/`,
      file: fileOf(entry.filePath, `articles/${entry.id}.md`),
      title: data.title,
      kicker: data.kicker,
      standfirst: data.standfirst,
      section,
      authors: data.authors.map((a) => authorById.get(a.id) as Author),
      source: data.source,
      publishedAt: data.publishedAt,
      updatedAt: latest([
        live ? lastUpdate(data.updatedAt, live) : data.updatedAt,
        ...data.corrections.map((n) => n.date),
        ...data.updates.map((n) => n.date),
      ]),
      tags: data.tags,
      related: data.related.map((r) => r.id),
      commentsMode: commentsModeAt(commentSettings, options.now),
      commentsCloseAt: commentsCloseAt(commentSettings),
      image: data.image && {
        src: data.image.src,
        alt: data.image.decorative ? '' : (data.image.alt ?? ''),
        credit: data.image.credit,
        caption: data.image.caption,
      },
      status: data.draft ? 'draft' : data.publishedAt > options.now ? 'scheduled' : 'published',
      corrections: data.corrections.toSorted(newestNoteFirst),
      updates: data.updates.toSorted(newestNoteFirst),
      readingMinutes: typeof entry.facts['readingMinutes'] === 'number' ? entry.facts['readingMinutes'] : 1,
      readAlso: readAlsoOf(entry.facts),
      contents: tableOfContents(intertitlesOf(entry.facts['intertitles'])),
      html: entry.html ?? NO_HTML,
      live,
    };
  });
  const articles = allArticles
    .filter((a) => a.status === 'published')
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
  const articleBySlug = new Map(articles.map((a) => [a.slug, a]));
  const previews = options.previews
    ? allArticles
        .filter((a) => a.status !== 'published')
        .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.slug.localeCompare(b.slug))
    : [];
  // A preview's « Lire aussi » may name another preview: its page shows the link as it will be.
  const linkable = new Map([...articleBySlug, ...previews.map((a) => [a.slug, a] as const)]);

  const staffNames = new Set(raw.authors.map(({ data }) => data.name.trim().toLocaleLowerCase('fr')));
  const commentsByArticle = new Map<string, Comment[]>();
  for (const entry of raw.comments) {
    if (entry.data.status !== 'published') continue;
    const comment: Comment = {
      id: entry.id,
      anchor: entry.id.slice(entry.id.lastIndexOf('/') + 1),
      article: entry.data.article.id,
      pseudonym: entry.data.pseudonym,
      publishedAt: entry.data.publishedAt,
      replyTo: entry.data.replyTo === undefined ? undefined : resolveReplyTo(entry.id, entry.data.replyTo),
      featured: entry.data.featured,
      staff: staffNames.has(entry.data.pseudonym.trim().toLocaleLowerCase('fr')),
      html: entry.html ?? NO_HTML,
    };
    const list = commentsByArticle.get(comment.article) ?? [];
    list.push(comment);
    commentsByArticle.set(comment.article, list);
  }
  const threadCache = new Map<string, Thread<Comment>[]>();
  const relatedCache = new Map<string, Article[]>();
  const chooseRelated = relatedChooser(articles, options.relatedMax);
  const pickSlugs = new Set(raw.picks.map((pick) => pick.data.article.id));

  // Indexed in one pass: filtering the archive for each author took 7 s at 50,000 articles.
  const articlesByAuthor = new Map<Author, Article[]>();
  for (const article of articles) {
    for (const author of new Set(article.authors)) {
      const list = articlesByAuthor.get(author) ?? [];
      list.push(article);
      articlesByAuthor.set(author, list);
    }
  }
  const citedBy = new Map<string, Article[]>();
  for (const article of articles) {
    for (const slug of new Set([...article.readAlso, ...article.related])) {
      const list = citedBy.get(slug) ?? [];
      list.push(article);
      citedBy.set(slug, list);
    }
  }
  const listing = (urlOf: (name: string) => string) => (group: { slug: string; name: string; items: Article[] }) => ({
    slug: group.slug,
    name: group.name,
    url: urlOf(group.name),
    articles: group.items,
  });

  const site: Site = {
    now: options.now,
    sections,
    articles,
    previews,
    article: (slug) => articleBySlug.get(slug),
    corrections: articles
      .flatMap((article) => article.corrections.map((note) => ({ article, note })))
      .sort((a, b) => b.note.date.getTime() - a.note.date.getTime() || a.article.slug.localeCompare(b.article.slug)),
    threads(slug) {
      let threads = threadCache.get(slug);
      if (threads === undefined) {
        threads = buildThreads(commentsByArticle.get(slug) ?? []);
        threadCache.set(slug, threads);
      }
      return threads;
    },
    comments: (slug) =>
      (commentsByArticle.get(slug) ?? []).toSorted(
        (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id.localeCompare(a.id),
      ),
    commentCount: (slug) => commentsByArticle.get(slug)?.length ?? 0,
    related(article) {
      let related = relatedCache.get(article.slug);
      if (related === undefined) {
        // What the page already shows elsewhere: the picks, the « Lire aussi » links, and the
        // stories citing this one, which « Cet article est cité dans » lists.
        const shown = [...article.readAlso, ...(citedBy.get(article.slug) ?? []).map((a) => a.slug)];
        related = chooseRelated(article, new Set([...pickSlugs, ...shown]));
        relatedCache.set(article.slug, related);
      }
      return related;
    },
    picks: raw.picks.flatMap((pick) => articleBySlug.get(pick.data.article.id) ?? []),
    pages: raw.pages.map((entry) => ({
      slug: entry.id,
      url: `/infos/${entry.id}/`,
      ...entry.data,
      html: entry.html ?? NO_HTML,
    })),
    articlePage(article) {
      const links: ArticlePage['links'] = {};
      for (const slug of article.readAlso) {
        const target = linkable.get(slug);
        if (target) links[slug] = { title: target.title, url: target.url };
      }
      return {
        article,
        sections: sections.map(({ id, name, url }) => ({ id, name, url })),
        links,
        picks: site.picks.filter((pick) => pick.slug !== article.slug).map(linkTo),
        related: site.related(article).map(linkTo),
        citedBy: (citedBy.get(article.slug) ?? []).map(linkTo),
        threads: site.threads(article.slug),
        commentCount: site.commentCount(article.slug),
      };
    },
    listingShows: (shown) => ({
      cards: shown.map((article) => ({
        url: article.url,
        title: article.title,
        kicker: article.kicker,
        standfirst: article.standfirst,
        section: article.section.name,
        publishedAt: article.publishedAt,
        image: article.image?.src.src,
        comments: commentsByArticle.get(article.slug)?.length ?? 0,
        live: article.live?.running === true,
      })),
      sections: sections.map(({ id, name, url }) => ({ id, name, url })),
      picks: site.picks.map(linkTo),
    }),
    front: layOutFront(
      articles,
      sections.map((s) => s.id),
      {
        ...options.front,
        chosen: raw.front.flatMap((entry) => entry.data.articles.map((a) => a.id)),
        now: options.now,
        commentCount: (slug) => commentsByArticle.get(slug)?.length ?? 0,
      },
    ),
    authors: [...authorById.values()]
      .map((author) => ({ ...author, articles: articlesByAuthor.get(author) ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    tags: groupByName(articles, (a) => a.tags).map(listing(tagUrl)),
    agencies: groupByName(articles, (a) => (a.source === undefined ? [] : [a.source])).map(listing(agencyUrl)),
    months: byMonth(articles, (a) => a.publishedAt).map((month) => ({
      slug: month.key,
      name: month.label,
      url: `/archives/${month.key}/`,
      articles: month.items,
    })),
  };
  return site;
}

const newestNoteFirst = (a: EditorNote, b: EditorNote) => b.date.getTime() - a.date.getTime();

/** The latest of some dates, or undefined when none is given. */
function latest(dates: readonly (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>(
    (last, date) => (date !== undefined && (last === undefined || date > last) ? date : last),
    undefined,
  );
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];

function readAlsoOf(facts: Facts): string[] {
  return strings(facts['readAlso']);
}

function documentOf(
  entry: { id: string; filePath?: string | undefined; html: Html | undefined; facts: Facts },
  folder: string,
) {
  return {
    file: fileOf(entry.filePath, `${folder}/${entry.id}.md`),
    rendered: entry.html !== undefined,
    problems: strings(entry.facts['problems']),
  };
}
