import type { APIRoute } from 'astro';
import { SITEMAP_INDEX } from '../data/sitemaps';
import { INDEX_FOLDER } from '../integrations/search-plan';
import { siteConfig } from '../site.config';

/**
 * Every page may be crawled: the search page and the 404 say `noindex` themselves, which a
 * crawler can only read if it may fetch them. The search index's files are data, not pages.
 */
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nDisallow: /${INDEX_FOLDER}/\n\nSitemap: ${new URL(SITEMAP_INDEX, siteConfig.url).href}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
