import type { APIRoute, GetStaticPaths } from 'astro';
import { storyFeedResponse, storyFeedRoutes, type StoryFeed } from '../../../data/feeds';
import { listingFeed } from '../../../lib/feeds';

/** Each author's feed: `/auteurs/claire-dumas/rss.xml`. */
export const getStaticPaths = (() =>
  storyFeedRoutes(
    (site) => site.authors,
    listingFeed,
    (author) => `Les derniers articles de ${author.name}`,
    (author) => ({ author: author.id }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<StoryFeed> = ({ props }) => storyFeedResponse(props);
