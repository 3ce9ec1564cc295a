import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../../../src/lib/html.ts';
import { originForLog, type Log } from '../log.ts';
import type { Writer, WriterStatus } from '../writer.ts';
import { accountVersion, findModerator } from './accounts.ts';
import type { createArticleLookup } from '../../moderation/articles.ts';
import type { createLoginLimiter } from './login-limit.ts';
import type { QueueIndex } from './queue-index.ts';
import type { createRenderCache } from './rendered.ts';
import { send, sessionCookieId } from './security.ts';
import type { Session, SessionStore } from './sessions.ts';
import { text } from './messages.ts';
import { layout, type LayoutInput } from './views/layout.ts';

export interface DeskOptions {
  /** Where the comments are read and decided. */
  contentDir: string;
  /** The one writer of content files (docs/deployment.md): decisions go through it, one at a time. */
  writer: Writer;
  log: Log;
  /** The moderators' accounts (`KIOSQUE_MODERATORS_FILE`), read again at each request. */
  accountsFile: string;
  /** The desk's own public origin, e.g. `https://moderation.journal.fr`: POSTs must come from it; https makes the cookie `Secure`. */
  deskOrigin: string;
  /** Where article links go, e.g. `https://www.journal.fr`. */
  siteOrigin: string;
  /** The client's address as the service knows it (behind a trusted proxy, the forwarded one). */
  clientAddress: (req: IncomingMessage) => string;
  now?: () => Date;
}

/** What the desk's handlers share. */
export interface DeskContext extends Required<DeskOptions> {
  sessions: SessionStore;
  limiter: ReturnType<typeof createLoginLimiter>;
  index: QueueIndex;
  rendered: ReturnType<typeof createRenderCache>;
  article: ReturnType<typeof createArticleLookup>;
  secure: boolean;
}

/**
 * The signed-in moderator's session: a live one, whose account still exists with the password
 * it was opened with (replaced or re-created, the account is another one).
 */
export function sessionOf(context: DeskContext, req: IncomingMessage): { id: string; session: Session } | undefined {
  const id = sessionCookieId(req);
  const session = context.sessions.find(id);
  if (id === undefined || session === undefined) return undefined;
  const account = findModerator(context.accountsFile, session.moderator);
  if (account === undefined || accountVersion(account) !== session.account) {
    context.sessions.close(id);
    return undefined;
  }
  return { id, session };
}

/**
 * Whether decisions are written here but no longer reach the newsroom's repository, hence the
 * site: a rebase stopped on a conflict, changes git refused to commit, or commits waiting while
 * the last push failed. A push merely pending (none failed yet) is the ordinary delay.
 */
export function publishingStalled(status: WriterStatus): boolean {
  return (
    status.conflict !== undefined ||
    (status.uncommitted ?? 0) > 0 ||
    (status.unpushed > 0 && status.lastPush?.ok === false)
  );
}

/** What a signed-in page's header shows: who, the session's form token, and whether publishing is stalled. */
export function signedInHeader(context: DeskContext, session: Session): NonNullable<LayoutInput['signedIn']> {
  return { moderator: session.moderator, token: session.token, stalled: publishingStalled(context.writer.status()) };
}

/** Whether the page's script asked (it wants JSON back rather than a page). */
export const wantsJson = (req: IncomingMessage) => (req.headers.accept ?? '').includes('application/json');

/** A refusal or an error: JSON for the page's script, a short page otherwise. */
export function sendProblem(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (wantsJson(req)) return send(res, status, 'application/json', JSON.stringify({ ok: false, message }));
  const back = `<p><a href="/moderation/">Retour à la file d’attente</a></p>`;
  send(
    res,
    status,
    'text/html',
    layout({
      title: 'Bureau de modération',
      body: `<h1>${status === 404 ? 'Page introuvable' : 'Requête refusée'}</h1><p>${escapeHtml(message)}</p>${back}`,
    }),
  );
}

/**
 * Refuses a POST that does not come from the desk's own page (`sameOrigin`). The usual cause
 * is the desk opened at another address than `KIOSQUE_DESK_ORIGIN` (`localhost` for
 * `127.0.0.1`), where reloading cannot help: the page names the address to open, and the log
 * the origin refused and the setting it was compared with.
 */
export function refuseOrigin(context: DeskContext, req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  context.log({
    event: 'desk-refused',
    why: 'origin',
    origin: originForLog(req.headers.origin),
    secFetchSite: req.headers['sec-fetch-site'] ?? null,
    KIOSQUE_DESK_ORIGIN: context.deskOrigin,
  });
  sendProblem(req, res, 403, text.wrongOrigin(deskAddress(context)));
}

const DESK_HOME = '/moderation/';

/** The address to open the desk at, e.g. `http://127.0.0.1:4323/moderation/`. */
export const deskAddress = (context: Pick<DeskContext, 'deskOrigin'>) => `${context.deskOrigin}${DESK_HOME}`;

/**
 * Where to go back to after a form: a desk page only, never another site, rebuilt from its
 * parsed path and query so that it goes into a `Location` header as plain ASCII (the URL
 * parser drops line breaks and escapes every other control character); anything else is the
 * queue's first page.
 */
export function backTo(value: string | undefined): string {
  if (value === undefined || !value.startsWith(DESK_HOME) || value.includes('\\')) return DESK_HOME;
  let url: URL;
  try {
    url = new URL(value, 'http://desk');
  } catch {
    return DESK_HOME;
  }
  if (url.origin !== 'http://desk' || !url.pathname.startsWith(DESK_HOME)) return DESK_HOME;
  return `${url.pathname}${url.search}`;
}
