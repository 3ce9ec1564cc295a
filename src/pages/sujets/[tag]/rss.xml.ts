import type { APIRoute, GetStaticPaths } from 'astro';
import { storyFeedResponse, storyFeedRoutes, type StoryFeed } from '../../../data/feeds';
import { listingFeed } from '../../../lib/feeds';

/** Each tag's feed: `/sujets/climat/rss.xml`. */
export const getStaticPaths = (() =>
  storyFeedRoutes(
    (site) => site.tags,
    listingFeed,
    (tag) => `Les derniers articles sur le sujet « ${tag.name} »`,
    (tag) => ({ tag: tag.slug }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<StoryFeed> = ({ props }) => storyFeedResponse(props);
