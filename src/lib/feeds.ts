import type { RSSFeedItem } from '@astrojs/rss';
import { fr } from '../i18n/fr';
import { siteConfig } from '../site.config';
import { splitBody } from './body-slots';
import { formatDateTime } from './dates';
import { notesNewestFirst } from './editor-notes';
import { escapeHtml } from './html';
import { entryTime } from './live';
import type { Article, Comment } from './site';
import { typeset } from './typography';

/** An RSS feed as a page advertises it to feed readers. */
export interface Feed {
  title: string;
  url: string;
}

/** The site's feed: its latest stories, every section mixed. */
export const SITE_FEED: Feed = { title: `${siteConfig.name} — les derniers articles`, url: '/rss.xml' };

/** The feed of a listing page (section, author, tag, agency): next to the listing's own address. */
export const listingFeed = (listing: { name: string; url: string }): Feed => ({
  title: typeset(`${siteConfig.name} — ${listing.name}`),
  url: `${listing.url}rss.xml`,
});

/** An agency's feed: « Dépêches AFP », as its listing is called. */
export const agencyFeed = (agency: { name: string; url: string }): Feed => ({
  title: typeset(`${siteConfig.name} — Dépêches ${agency.name}`),
  url: `${agency.url}rss.xml`,
});

/** The feed of an article's published comments, next to the article. */
export const commentFeed = (article: { title: string; url: string }): Feed => ({
  title: typeset(`Commentaires — ${article.title}`),
  url: `${article.url}commentaires.xml`,
});

/**
 * Whether an article offers a comment feed: when it has comments, or may still get some. An
 * article closed without a comment would offer a feed that stays empty for ever.
 */
export const hasCommentFeed = (article: Pick<Article, 'commentsMode'>, commentCount: number) =>
  commentCount > 0 || article.commentsMode !== 'closed';

/**
 * Root-relative addresses made absolute: a feed reader shows the HTML away from the site, where
 * `/economie/…` would lead nowhere. The pipeline writes every attribute between double quotes.
 */
export function absolutize(html: string, origin: string): string {
  return html.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${origin}/`);
}

/** The lead picture of an item, as a feed reader shows it above the text. */
export interface FeedPicture {
  url: string;
  width: number;
  height: number;
  alt: string;
  credit: string;
}

/** How many of a live's latest messages its feed item carries, after « L'essentiel »: enough to see it moves. */
const LIVE_FEED_ENTRIES = 3;

/**
 * An article's full text for a feed reader: the lead picture with its credit, the body with
 * each « Lire aussi » as a plain link (the newsletter box only works on the site), a live's
 * latest messages, every address absolute. The body was sanitized when it was rendered.
 */
export function feedBody(
  article: Pick<Article, 'html' | 'corrections' | 'updates' | 'live'>,
  links: Readonly<Record<string, { title: string; url: string }>>,
  origin: string,
  picture?: FeedPicture,
): string {
  // Corrections and updates first, as the page prints them: a reader of the feed learns what changed.
  const parts = notesNewestFirst(article).map(
    (note) =>
      `<p><strong>${fr.notes[note.kind]}</strong> (${formatDateTime(note.date)})${typeset(' :')} ${escapeHtml(typeset(note.text))}</p>`,
  );
  if (picture) {
    parts.push(
      `<figure><img src="${escapeHtml(picture.url)}" width="${picture.width}" height="${picture.height}" alt="${escapeHtml(picture.alt)}" />` +
        `<figcaption>${escapeHtml(picture.credit)}</figcaption></figure>`,
    );
  }
  for (const segment of splitBody(article.html.read())) {
    if (segment.kind === 'html') parts.push(segment.html);
    else if (segment.kind === 'read-also') {
      const target = links[segment.article];
      if (target) {
        parts.push(`<p>${READ_ALSO} <a href="${escapeHtml(target.url)}">${escapeHtml(typeset(target.title))}</a></p>`);
      }
    }
  }
  const { live } = article;
  if (live && live.entries.length > 0) {
    parts.push(`<h2>${LIVE_MESSAGES}</h2>`);
    for (const entry of live.entries.slice(0, LIVE_FEED_ENTRIES)) {
      const title = entry.title === undefined ? '' : ` — ${escapeHtml(typeset(entry.title))}`;
      parts.push(`<p><strong>${entryTime(entry.publishedAt, live.day)}</strong>${title}</p>`, entry.html.read());
    }
  }
  return absolutize(parts.join('\n'), origin);
}

const READ_ALSO = typeset('Lire aussi :');
const LIVE_MESSAGES = 'Les derniers messages du direct';

/** Who signed a story, as RSS's `author` wants it: an e-mail address first, so the names go in `dc:creator`. */
function bylineOf(article: Pick<Article, 'authors' | 'source'>): string {
  const names = article.authors.map((author) => author.name);
  if (article.source !== undefined) names.push(article.source);
  return names.join(', ');
}

/** Namespaces the items' extra elements need. */
export const FEED_NAMESPACES = { dc: 'http://purl.org/dc/elements/1.1/' };

/** One story in a feed: title, standfirst, full text, section and tags, byline, date. */
export function articleItem(article: Article, body: string, origin: string): RSSFeedItem {
  return {
    title: typeset(article.title),
    // Absolute: @astrojs/rss would add a slash after a relative address's last character.
    link: `${origin}${article.url}`,
    pubDate: article.publishedAt,
    // A feed reader shows no badge: the words say a live is running, as a kicker would.
    description: typeset(article.live?.running ? `En direct. ${article.standfirst}` : article.standfirst),
    content: body,
    categories: [article.section.name, ...article.tags],
    customData: `<dc:creator>${escapeHtml(bylineOf(article))}</dc:creator>`,
    commentsUrl: `${origin}${article.url}#commentaires`,
  };
}

/** One comment in an article's comment feed: its text, its author's pseudonym, its anchor. */
export function commentItem(article: Pick<Article, 'url' | 'title'>, comment: Comment, origin: string): RSSFeedItem {
  return {
    title: typeset(`${comment.pseudonym} sur « ${article.title} »`),
    link: `${origin}${article.url}#commentaire-${comment.anchor}`,
    pubDate: comment.publishedAt,
    content: absolutize(comment.html.read(), origin),
    customData: `<dc:creator>${escapeHtml(comment.pseudonym)}</dc:creator>`,
  };
}
