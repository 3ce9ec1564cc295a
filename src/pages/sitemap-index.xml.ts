import type { APIRoute } from 'astro';
import { sitemapIndexEntries } from '../data/sitemaps';
import { sitemapIndexXml } from '../lib/sitemaps';
import { siteConfig } from '../site.config';

/** The sitemap index robots.txt names: the site's sitemaps and its Google News sitemap. */
export const GET: APIRoute = async () =>
  new Response(sitemapIndexXml(await sitemapIndexEntries(), siteConfig.url), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
