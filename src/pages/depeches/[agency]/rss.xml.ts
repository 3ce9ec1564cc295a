import type { APIRoute, GetStaticPaths } from 'astro';
import { storyFeedResponse, storyFeedRoutes, type StoryFeed } from '../../../data/feeds';
import { agencyFeed } from '../../../lib/feeds';

/** Each agency's feed: `/depeches/afp/rss.xml`, « Dépêches AFP ». */
export const getStaticPaths = (() =>
  storyFeedRoutes(
    (site) => site.agencies,
    agencyFeed,
    (agency) => `Les dernières dépêches ${agency.name}`,
    (agency) => ({ agency: agency.slug }),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<StoryFeed> = ({ props }) => storyFeedResponse(props);
