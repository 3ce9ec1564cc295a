import type { APIRoute, GetStaticPaths } from 'astro';
import { storyFeedResponse, storyFeedRoutes, type StoryFeed } from '../../data/feeds';
import { listingFeed } from '../../lib/feeds';

/** Each section's feed: `/economie/rss.xml`. */
export const getStaticPaths = (() =>
  storyFeedRoutes(
    (site) =>
      site.sections.map((section) => ({
        ...section,
        articles: site.articles.filter((a) => a.section.id === section.id),
      })),
    listingFeed,
    (section) => section.description,
    (section) => ({ section: section.id }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<StoryFeed> = ({ props }) => storyFeedResponse(props);
