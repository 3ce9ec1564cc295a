import rss, { type RSSFeedItem } from '@astrojs/rss';
import { cacheKey } from '../lib/cache-key';
import { FEED_NAMESPACES, articleItem, commentItem, feedBody, type Feed, type FeedPicture } from '../lib/feeds';
import type { Article, Comment, Site } from '../lib/site';
import { typeset } from '../lib/typography';
import { siteConfig } from '../site.config';
import { getSite, pagesHaveCacheKeys } from './site';
import { socialImage } from './social-image';

const origin = new URL(siteConfig.url).origin;

/** What a feed of stories renders from; its hash is the feed's cache key in a build. */
export type StoryFeed = {
  feed: Feed;
  description: string;
  /** The page the feed follows: the home page, a section, an author… */
  page: string;
  articles: Article[];
  /** Current title and address of each story a « Lire aussi » of these articles names. */
  links: Record<string, { title: string; url: string }>;
};

export function storyFeed(
  site: Site,
  feed: Feed,
  description: string,
  page: string,
  listed: readonly Article[],
): StoryFeed {
  // Feed readers fetch often: a feed carries the latest stories only. Drafts and scheduled
  // stories never reach the site's lists.
  const articles = listed.slice(0, siteConfig.feedItems);
  const links: StoryFeed['links'] = {};
  for (const slug of articles.flatMap((article) => article.readAlso)) {
    const target = site.article(slug);
    if (target) links[slug] = { title: target.title, url: target.url };
  }
  return { feed, description, page, articles, links };
}

/** The static paths of a kind of story feed: one per listing, with a cache key in a build. */
export async function storyFeedRoutes<L extends { name: string; url: string; articles: readonly Article[] }>(
  listings: (site: Site) => readonly L[],
  feedOf: (listing: L) => Feed,
  describe: (listing: L) => string,
  params: (listing: L) => Record<string, string>,
) {
  const site = await getSite();
  return listings(site).map((listing) => {
    const props = storyFeed(site, feedOf(listing), describe(listing), listing.url, listing.articles);
    return { params: params(listing), props, ...(pagesHaveCacheKeys && { cacheKey: feedKey(props) }) };
  });
}

/** Each story's own key, worked out once per build although a story is in several feeds. */
const storyKeys = new WeakMap<Article, string>();

/**
 * A feed's cache key: its stories' keys rather than their data, which hashing again for each
 * feed that lists them cost more than rendering the few feeds a publication changes.
 */
function feedKey({ articles, ...feed }: StoryFeed): string {
  const keys = articles.map((article) => {
    let key = storyKeys.get(article);
    if (key === undefined) {
      key = cacheKey(article);
      storyKeys.set(article, key);
    }
    return key;
  });
  return cacheKey({ ...feed, articles: keys });
}

/** The lead picture as a shared link shows it (`socialImage`), so the build makes it once. */
async function pictureOf(article: Article): Promise<FeedPicture | undefined> {
  if (!article.image) return undefined;
  const image = await socialImage(article);
  return {
    url: new URL(image.src, origin).href,
    width: image.width,
    height: image.height,
    alt: article.image.alt,
    credit: article.image.credit,
  };
}

/** An RSS feed of stories, each with its full text. */
export async function storyFeedResponse({ feed, description, page, articles, links }: StoryFeed) {
  return rss({
    title: feed.title,
    description: typeset(description),
    site: new URL(page, origin).href,
    xmlns: FEED_NAMESPACES,
    customData: `<language>fr</language>`,
    items: await Promise.all(articles.map((article) => itemOf(article, links))),
  });
}

/** Items made in this build, by story: a story is in five or six feeds (site, section, authors, tags). */
const madeItems = new Map<string, Promise<RSSFeedItem>>();

/**
 * A story's item, made once per build: its full text and picture cost more than writing the
 * feed around them. `astro dev` makes it on each request, so an edit shows at once.
 */
function itemOf(article: Article, links: StoryFeed['links']): Promise<RSSFeedItem> {
  const make = async () => articleItem(article, feedBody(article, links, origin, await pictureOf(article)), origin);
  if (import.meta.env.DEV) return make();
  let item = madeItems.get(article.slug);
  if (item === undefined) {
    item = make();
    madeItems.set(article.slug, item);
  }
  return item;
}

/** An article's published comments, newest first, the latest few only. */
export function commentFeedResponse(feed: Feed, article: Pick<Article, 'url' | 'title'>, comments: readonly Comment[]) {
  return rss({
    title: feed.title,
    description: typeset(`Les commentaires publiés sous l’article « ${article.title} »`),
    site: new URL(article.url, origin).href,
    xmlns: FEED_NAMESPACES,
    customData: `<language>fr</language>`,
    items: comments.slice(0, siteConfig.feedItems).map((comment) => commentItem(article, comment, origin)),
  });
}
