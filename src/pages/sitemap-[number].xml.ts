import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapChunks } from '../data/sitemaps';
import { urlsetXml, type SitemapEntry } from '../lib/sitemaps';
import { siteConfig } from '../site.config';

/** `/sitemap-1.xml`, `/sitemap-2.xml`…: the site's addresses, 50,000 at most in each. */
export const getStaticPaths = (async () =>
  (await sitemapChunks()).map((entries, index) => ({
    params: { number: String(index + 1) },
    props: { entries },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entries: SitemapEntry[] }> = ({ props }) =>
  new Response(urlsetXml(props.entries, siteConfig.url), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
