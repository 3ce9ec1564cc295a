import type { APIRoute } from 'astro';
import { getSite } from '../data/site';
import { newsArticles, newsSitemapXml } from '../lib/sitemaps';
import { siteConfig } from '../site.config';

/** The Google News sitemap: the stories of the last 48 hours at build time. */
export const GET: APIRoute = async () =>
  new Response(newsSitemapXml(newsArticles(await getSite()), siteConfig.url, siteConfig.name), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
