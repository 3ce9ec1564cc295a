import type { APIRoute } from 'astro';
import { storyFeed, storyFeedResponse } from '../data/feeds';
import { getSite } from '../data/site';
import { SITE_FEED } from '../lib/feeds';
import { siteConfig } from '../site.config';

/** The site's feed: its latest stories, every section mixed. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  return storyFeedResponse(storyFeed(site, SITE_FEED, siteConfig.tagline, '/', site.articles));
};
