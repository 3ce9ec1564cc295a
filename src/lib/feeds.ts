import { siteConfig } from '../site.config';

/** An RSS feed as a page advertises it to feed readers. */
export interface Feed {
  title: string;
  url: string;
}

/** The site's feed: its latest stories, every section mixed. */
export const SITE_FEED: Feed = { title: `${siteConfig.name} — les derniers articles`, url: '/rss.xml' };
