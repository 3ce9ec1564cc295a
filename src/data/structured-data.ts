import { getImage } from 'astro:assets';
import type { Article, Site } from '../lib/site';
import { pictureCrops, type LdImage, type Publisher } from '../lib/structured-data';
import { siteConfig } from '../site.config';
import { socialImage } from './social-image';

const origin = new URL(siteConfig.url).origin;

/**
 * The newsroom as structured data names it. Its charter must be one of the site's pages: a
 * `publishingPrinciples` that leads to a 404 would tell search engines the newsroom has none.
 */
export function publisherOf(site: Pick<Site, 'pages'>): Publisher {
  if (!site.pages.some((page) => page.url === siteConfig.publishingPrinciples)) {
    throw new Error(
      `src/site.config.ts: publishingPrinciples: no page at ${siteConfig.publishingPrinciples}; ` +
        `write the editorial charter in content/pages/ or point to an existing page`,
    );
  }
  return {
    name: siteConfig.name,
    origin,
    logo: {
      url: new URL(siteConfig.logo.path, origin).href,
      width: siteConfig.logo.width,
      height: siteConfig.logo.height,
    },
    publishingPrinciples: siteConfig.publishingPrinciples,
  };
}

/**
 * A story's picture in the three shapes search engines ask for, as JPEG; for a story without
 * one, the card a shared link shows.
 */
export async function articleImages(article: Article): Promise<LdImage[]> {
  const picture = article.image?.src;
  if (!picture) {
    const card = await socialImage(article);
    return [{ url: new URL(card.src, origin).href, width: card.width, height: card.height }];
  }
  return Promise.all(
    pictureCrops(picture.width, picture.height).map(async (size) => {
      const image = await getImage({ src: picture, ...size, fit: 'cover', format: 'jpeg' });
      return { url: new URL(image.src, origin).href, ...size };
    }),
  );
}
