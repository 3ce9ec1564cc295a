import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, pagesHaveCacheKeys } from '../../data/site';
import type { Card } from '../../data/social-card-render';
import { renderCard } from '../../data/social-card-render';
import { articleCard } from '../../data/social-image';

/**
 * The cards of the articles without a picture, each named by its content. The name is its
 * cache key too: an incremental build leaves an unchanged card where it is in `dist/`, or
 * copies it back from Astro's cache, and draws only the new ones.
 */
export const getStaticPaths = (async () => {
  const site = await getSite();
  const cards = new Map<string, Card>();
  for (const article of site.articles) {
    if (article.image) continue;
    const card = articleCard(article);
    cards.set(card.key, card);
  }
  return [...cards.values()].map((card) => ({
    params: { card: card.key },
    props: { card },
    ...(pagesHaveCacheKeys && { cacheKey: card.key }),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: Card }> = async ({ props }) =>
  new Response(new Uint8Array(await renderCard(props.card)), { headers: { 'content-type': 'image/png' } });
