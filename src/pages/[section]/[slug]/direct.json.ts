import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite, pagesHaveCacheKeys } from '../../../data/site';
import { cacheKey } from '../../../lib/cache-key';
import { liveStatus } from '../../../lib/live';

type Props = ReturnType<typeof liveStatus>;

/**
 * Each live coverage's state, `/<section>/<article>/direct.json`, which its open page asks for
 * every minute: a few dozen bytes a message rather than the page. Written for ended lives too, so that
 * a page opened before the end learns it and stops asking.
 */
export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.articles.flatMap((article) => {
    if (article.live === undefined) return [];
    const props: Props = liveStatus(article.live);
    return [
      {
        params: { section: article.section.id, slug: article.slug },
        props,
        ...(pagesHaveCacheKeys && { cacheKey: cacheKey(props) }),
      },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(props), { headers: { 'content-type': 'application/json' } });
