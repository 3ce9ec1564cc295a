import type { IncomingMessage, ServerResponse } from 'node:http';
import { backTo, sendProblem, sessionOf, signedInHeader, type DeskContext } from './context.ts';
import { text } from './messages.ts';
import { ID_PART, readComment, type StoredComment } from '../../moderation/comments.ts';
import { ModerationError } from '../../moderation/errors.ts';
import { REJECTION_REASONS } from '../../moderation/reasons.ts';
import type { QueueFilter } from './queue-index.ts';
import { redirect, send } from './security.ts';
import type { Session } from './sessions.ts';
import { barPage } from './views/bar-page.ts';
import { queueItem } from './views/queue-item.ts';
import { queueHref, queuePage } from './views/queue-page.ts';

/** Comments on a page: enough to work through without paging often, few enough to render at once. */
const PER_PAGE = 20;

/** The signed-in session for a page, or a redirect to the sign-in form that comes back here. */
function pageSession(context: DeskContext, req: IncomingMessage, res: ServerResponse): Session | undefined {
  const signedIn = sessionOf(context, req);
  if (signedIn === undefined) {
    redirect(res, `/moderation/connexion/?${new URLSearchParams({ suite: req.url ?? '/moderation/' }).toString()}`);
    return undefined;
  }
  return signedIn.session;
}

/** The queue's filter as a page's query gives it. */
export function filterOf(params: URLSearchParams): QueueFilter {
  const article = params.get('article')?.trim();
  const reader = params.get('lecteur')?.trim();
  return {
    article: article !== undefined && ID_PART.test(article) ? article : undefined,
    reader: reader === undefined || reader === '' ? undefined : reader.slice(0, 100),
  };
}

/** The file as it is now; `undefined` when it went or broke since the index saw it (the next look drops it). */
function current(context: DeskContext, id: string): StoredComment | undefined {
  try {
    return readComment(context.contentDir, id);
  } catch (error) {
    if (error instanceof ModerationError) return undefined;
    throw error;
  }
}

export async function showQueue(context: DeskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const session = pageSession(context, req, res);
  if (session === undefined) return;
  const params = new URL(req.url ?? '/', 'http://desk').searchParams;
  const filter = filterOf(params);
  const asked = Number(params.get('page') ?? '1');
  const first = context.index.page(filter, 1, 0);
  const pages = Math.max(1, Math.ceil(first.matching / PER_PAGE));
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const { total, matching, items } = context.index.page(filter, page, PER_PAGE);
  const back = queueHref(filter, page);
  const now = context.now();
  const shown: string[] = [];
  for (const item of items) {
    const comment = current(context, item.id);
    if (comment === undefined || comment.status !== 'pending') continue;
    shown.push(
      queueItem({
        comment,
        article: context.article(comment.folder),
        history: context.index.history(comment.pseudonym),
        html: await context.rendered(comment),
        token: session.token,
        back,
        siteOrigin: context.siteOrigin,
        now,
      }),
    );
  }
  const flash = session.flash;
  session.flash = undefined;
  const signedIn = signedInHeader(context, session);
  send(res, 200, 'text/html', queuePage({ filter, page, pages, total, matching, items: shown, signedIn, flash }));
}

/** The confirmation step before barring the author of a comment. */
export function showBar(context: DeskContext, req: IncomingMessage, res: ServerResponse): void {
  const session = pageSession(context, req, res);
  if (session === undefined) return;
  const params = new URL(req.url ?? '/', 'http://desk').searchParams;
  sendBarPage(context, req, res, session, { id: params.get('id') ?? '', back: params.get('retour') ?? undefined });
}

/**
 * The confirmation page for barring the author of comment `id`; asked again with `error` and
 * the reason as typed when it came back without one, so that the moderator stays on it.
 */
export function sendBarPage(
  context: DeskContext,
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  input: { id: string; back: string | undefined; error?: string | undefined; written?: string | undefined },
): void {
  const comment = input.id === '' ? undefined : current(context, input.id);
  if (comment === undefined) return sendProblem(req, res, 404, text.notFound);
  const signedIn = signedInHeader(context, session);
  send(
    res,
    input.error === undefined ? 200 : 400,
    'text/html',
    barPage({
      pseudonym: comment.pseudonym,
      id: comment.id,
      back: backTo(input.back),
      reasons: REJECTION_REASONS,
      signedIn,
      error: input.error,
      written: input.written,
    }),
  );
}
