import { relative, resolve, sep } from 'node:path';
import type { APIRoute } from 'astro';
import { stringify } from 'yaml';
import { cmsSchemas } from '../../content/cms-schemas';
import { contentRoot } from '../../content/root';
import { getSite } from '../../data/site';
import { cmsBackend, cmsConfig } from '../../lib/cms-config';
import { siteConfig } from '../../site.config';

/**
 * The administration interface's configuration, generated from the content schemas at every
 * build and on every request of `astro dev`, with the backend the build's environment names
 * (docs/deployment.md).
 */
export const GET: APIRoute = async ({ url }) => {
  const site = await getSite();
  const tags = [...site.tags]
    .sort((a, b) => b.articles.length - a.articles.length || a.slug.localeCompare(b.slug))
    .map((tag) => tag.name);
  const config = cmsConfig({
    schemas: cmsSchemas,
    backend: cmsBackend(process.env),
    // The CMS names folders from the repository's root, where the build runs.
    contentDir: relative(process.cwd(), resolve(contentRoot)).split(sep).join('/'),
    // « Voir le site » opens the site being previewed in `astro dev`, the production one otherwise.
    siteUrl: import.meta.env.DEV ? url.origin : siteConfig.url,
    siteName: siteConfig.name,
    tags,
  });
  return new Response(stringify(config, { lineWidth: 0 }), {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
};
