import type { APIRoute, GetStaticPaths } from 'astro';
import { commentFeedResponse } from '../../../data/feeds';
import { getSite, pagesHaveCacheKeys } from '../../../data/site';
import { cacheKey } from '../../../lib/cache-key';
import { commentFeed, hasCommentFeed, type Feed } from '../../../lib/feeds';
import type { Comment } from '../../../lib/site';

type Props = {
  feed: Feed;
  article: { title: string; url: string };
  comments: Comment[];
};

/** Each article's published comments: `/economie/<article>/commentaires.xml`. */
export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.articles
    .filter((article) => hasCommentFeed(article, site.commentCount(article.slug)))
    .map((article) => {
      const props: Props = {
        feed: commentFeed(article),
        article: { title: article.title, url: article.url },
        comments: site.comments(article.slug),
      };
      return {
        params: { section: article.section.id, slug: article.slug },
        props,
        ...(pagesHaveCacheKeys && { cacheKey: cacheKey(props) }),
      };
    });
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) => commentFeedResponse(props.feed, props.article, props.comments);
