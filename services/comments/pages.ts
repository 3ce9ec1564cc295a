import { siteConfig } from '../../src/site.config.ts';
import { readArticle } from './articles.ts';
import type { AnswerPage } from './html.ts';
import { page } from './messages.ts';
import { isRefusal, type Outcome } from './outcome.ts';

/**
 * The page answering a comment form: a refused text is given back, and the link leads to the
 * article's comments on `site` (empty for a relative link), or to the home page when the
 * article is unknown or unreadable.
 */
export async function commentPage(
  outcome: Outcome,
  fields: ReadonlyMap<string, string>,
  site: string,
  contentDir: string,
): Promise<AnswerPage> {
  const article = await readArticle(contentDir, fields.get('article')?.trim() ?? '').catch(() => undefined);
  return {
    heading: isRefusal(outcome) ? page.commentRefused : page.commentSent,
    message: outcome.message,
    keptText: isRefusal(outcome) ? fields.get('text')?.replace(/\r\n?/g, '\n') : undefined,
    signIn:
      outcome.code === 'subscription_required'
        ? { href: `${site}${siteConfig.loginUrl}`, label: page.signIn }
        : undefined,
    back:
      article === undefined
        ? { href: `${site}/`, label: page.backToSite }
        : { href: `${site}/${article.section}/${article.slug}/#commentaires`, label: page.backToArticle },
  };
}

export function newsletterPage(outcome: Outcome, site: string): AnswerPage {
  return {
    heading: isRefusal(outcome) ? page.newsletterRefused : page.newsletterDone,
    message: outcome.message,
    back: { href: `${site}/`, label: page.backToSite },
  };
}
