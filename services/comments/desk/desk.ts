import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createArticleLookup } from '../../moderation/articles.ts';
import { sendProblem, type DeskContext, type DeskOptions } from './context.ts';
import { barAuthor, decideComment } from './decisions.ts';
import { createLoginLimiter } from './login-limit.ts';
import { text } from './messages.ts';
import { createQueueIndex } from './queue-index.ts';
import { showBar, showQueue } from './queue.ts';
import { createRenderCache } from './rendered.ts';
import { redirect, send } from './security.ts';
import { createSessionStore } from './sessions.ts';
import { showSignIn, signIn, signOut } from './sign-in.ts';

export type { DeskOptions };

const asset = (file: URL, type: string, headers: Record<string, string> = {}) => ({
  type,
  body: readFileSync(file, 'utf8'),
  headers,
});

/**
 * The desk's own stylesheet, script and icon, the only ones its pages may load. The icon is
 * named by every page, so that browsers do not ask for `/favicon.ico`, which is not the desk's;
 * it never changes with a session, hence cached.
 */
const ASSETS: Record<string, ReturnType<typeof asset>> = {
  '/moderation/bureau.css': asset(new URL('bureau.css', import.meta.url), 'text/css'),
  '/moderation/bureau.js': asset(new URL('bureau.js', import.meta.url), 'text/javascript'),
  '/moderation/icone.svg': asset(new URL('icone.svg', import.meta.url), 'image/svg+xml', {
    'Cache-Control': 'public, max-age=2592000',
  }),
};

type Handler = (context: DeskContext, req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const ROUTES: Record<string, { GET?: Handler; POST?: Handler }> = {
  '/moderation/': { GET: showQueue },
  '/moderation/connexion/': { GET: showSignIn, POST: signIn },
  '/moderation/deconnexion': { POST: signOut },
  '/moderation/decision': { POST: decideComment },
  '/moderation/exclure': { GET: showBar, POST: barAuthor },
};

/**
 * The moderation desk (docs/moderation-desk.md): every path under `/moderation/`. The
 * service mounts it; it answers each request it is given, and never throws at its caller.
 */
export function createDesk(options: DeskOptions): {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /**
   * Reads every comment file into the queue's index now, rather than when the first moderator
   * looks (1 to 2 s at 10,000 pending: docs/performance.md), without holding up the readers'
   * comments meanwhile; the service calls it once it listens.
   */
  prepare(): Promise<void>;
  /** Comment files changed outside the desk (the intake, a pull): the next look sees them. */
  contentChanged(): void;
} {
  const now = options.now ?? (() => new Date());
  const context: DeskContext = {
    ...options,
    now,
    sessions: createSessionStore(now),
    limiter: createLoginLimiter(),
    index: createQueueIndex(options.contentDir, now),
    rendered: createRenderCache(),
    article: createArticleLookup(options.contentDir),
    secure: new URL(options.deskOrigin).protocol === 'https:',
  };

  return {
    async prepare() {
      const started = performance.now();
      await context.index.load();
      const { total } = context.index.page({}, 1, 1);
      options.log({ event: 'desk-index', pending: total, ms: Math.round(performance.now() - started) });
    },

    contentChanged() {
      context.index.changed();
    },

    async handle(req, res) {
      const path = (req.url ?? '/').replace(/\?.*$/s, '');
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      try {
        const file = ASSETS[path];
        if (file !== undefined && method === 'GET') return send(res, 200, file.type, file.body, file.headers);
        if (path === '/moderation') return redirect(res, '/moderation/');
        const route = ROUTES[path];
        if (route === undefined) return sendProblem(req, res, 404, text.notFound);
        const handler = route[method as 'GET' | 'POST'];
        if (handler === undefined) {
          res.setHeader('Allow', Object.keys(route).join(', '));
          return sendProblem(req, res, 405, text.badRequest);
        }
        await handler(context, req, res);
      } catch (error) {
        options.log({ event: 'error', where: 'desk', message: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) sendProblem(req, res, 500, text.serverError);
        else res.destroy();
      }
    },
  };
}
