import { isoParis } from './dates';
import type { Live, LiveEntry } from './live';
import type { Article, Author } from './site';
import { typeset } from './typography';

/** A picture as structured data names it: absolute address and size. */
export interface LdImage {
  url: string;
  width: number;
  height: number;
}

/** What structured data says of the newsroom: name, address, logo and editorial charter. */
export interface Publisher {
  name: string;
  /** The site's origin, e.g. https://kiosque.example */
  origin: string;
  logo: LdImage;
  /** Root-relative address of the editorial charter. */
  publishingPrinciples: string;
}

type Thing = Record<string, unknown>;

const addressOf = (path: string, origin: string) => new URL(path, origin).href;

/** The newsroom as a `NewsMediaOrganization`, the publisher of every story. */
export function organization(publisher: Publisher): Thing {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.origin}/#organisation`,
    name: publisher.name,
    url: `${publisher.origin}/`,
    logo: { '@type': 'ImageObject', ...publisher.logo },
    publishingPrinciples: addressOf(publisher.publishingPrinciples, publisher.origin),
  };
}

/**
 * The sizes search engines ask of a story's picture: 16:9, 4:3 and 1:1, at most 1,200 pixels
 * wide and never larger than the original, which a crop cannot enlarge.
 */
export function pictureCrops(width: number, height: number): { width: number; height: number }[] {
  return [
    [16, 9],
    [4, 3],
    [1, 1],
  ].map(([across = 1, down = 1]) => {
    const cropWidth = Math.floor(Math.min(1200, width, (height * across) / down));
    return { width: cropWidth, height: Math.round((cropWidth * down) / across) };
  });
}

/** A story as a `NewsArticle`: what Google News, Discover and other readers of the page index. */
export function newsArticle(
  article: Article,
  context: { publisher: Publisher; images: readonly LdImage[]; commentCount: number },
): Thing {
  const { origin } = context.publisher;
  const url = addressOf(article.url, origin);
  // An agency's dispatch is signed by the agency: an organisation, with no page of ours.
  const authors: Thing[] = article.authors.map((author) => ({
    '@type': 'Person',
    name: author.name,
    url: addressOf(author.url, origin),
  }));
  if (article.source !== undefined) authors.push({ '@type': 'Organization', name: article.source });
  return {
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: url,
    url,
    headline: typeset(article.title),
    description: typeset(article.standfirst),
    datePublished: isoParis(article.publishedAt),
    dateModified: isoParis(article.updatedAt ?? article.publishedAt),
    author: authors,
    // Whole, not by reference: some readers of structured data do not follow an `@id`.
    publisher: organization(context.publisher),
    image: context.images.map((image) => ({ '@type': 'ImageObject', ...image })),
    articleSection: article.section.name,
    keywords: article.tags,
    inLanguage: 'fr',
    isAccessibleForFree: true,
    commentCount: context.commentCount,
    // The newsroom's corrections, as schema.org has them: what was put right, and when.
    ...(article.corrections.length > 0 && {
      correction: article.corrections.map((note) => ({
        '@type': 'CorrectionComment',
        text: typeset(note.text),
        datePublished: isoParis(note.date),
      })),
    }),
  };
}

/**
 * How many messages a live's structured data carries, newest first: the latest are what a
 * search engine shows under the result; all of them would weigh on a long live's every load.
 */
const LIVE_UPDATES_MAX = 10;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** The text of rendered HTML, for a property that takes text: tags dropped, entities read. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (entity, hex?: string, decimal?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
      return ENTITIES[name?.toLowerCase() ?? ''] ?? entity;
    })
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/** Search engines cut a headline at 110 characters: a message without a title gets its first words. */
const HEADLINE_MAX = 110;

function headlineOf(text: string): string {
  if (text.length <= HEADLINE_MAX) return text;
  const cut = text.slice(0, HEADLINE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/**
 * A live coverage as a `LiveBlogPosting`: the story's `NewsArticle` properties, the coverage's
 * start (the publication) and end, and its latest messages as `BlogPosting` updates.
 */
export function liveBlogPosting(story: Thing, live: Live<LiveEntry<Author>>): Thing {
  const url = String(story['url']);
  const origin = new URL(url).origin;
  return {
    ...story,
    '@type': 'LiveBlogPosting',
    coverageStartTime: story['datePublished'],
    ...(live.endedAt !== undefined && !live.running && { coverageEndTime: isoParis(live.endedAt) }),
    liveBlogUpdate: live.entries.slice(0, LIVE_UPDATES_MAX).map((entry) => {
      const authors: Thing[] = entry.authors.map((author) => ({
        '@type': 'Person',
        name: author.name,
        url: addressOf(author.url, origin),
      }));
      if (entry.source !== undefined) authors.push({ '@type': 'Organization', name: entry.source });
      const text = textOf(entry.html.read());
      return {
        '@type': 'BlogPosting',
        '@id': `${url}#${entry.anchor}`,
        url: `${url}#${entry.anchor}`,
        headline: entry.title === undefined ? headlineOf(text) : typeset(entry.title),
        datePublished: isoParis(entry.publishedAt),
        articleBody: text,
        author: authors,
      };
    }),
  };
}

/** The trail search engines print above a result: home › section › story. */
export function breadcrumbs(trail: readonly { name: string; path: string }[], origin: string): Thing {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: typeset(step.name),
      item: addressOf(step.path, origin),
    })),
  };
}

/** The site, with the search box a search engine may offer under its name. */
export function webSite(publisher: Publisher, searchPath: string): Thing {
  return {
    '@type': 'WebSite',
    '@id': `${publisher.origin}/#site`,
    name: publisher.name,
    url: `${publisher.origin}/`,
    inLanguage: 'fr',
    publisher: { '@id': `${publisher.origin}/#organisation` },
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${addressOf(searchPath, publisher.origin)}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** Characters that could end the script element or a line of JavaScript, written as escapes. */
const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * One JSON-LD document of several things. Every `<`, `>` and `&` is written as a JSON escape,
 * so that no title or comment, whatever it holds, can close the `<script>` element it sits in.
 */
export function jsonLd(graph: readonly Thing[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
