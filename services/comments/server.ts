import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { commentsModeAt } from '../../src/lib/comment-rules.ts';
import { verifySession } from '../../src/lib/session-token.ts';
import { siteConfig } from '../../src/site.config.ts';
import { isPublishedComment, readArticle } from './articles.ts';
import { isBarred } from './barred.ts';
import { NO_PROXY, clientAddress, type TrustedProxies } from './client-address.ts';
import { ContentFileError } from './content-files.ts';
import { healthAlerts } from './health.ts';
import { jsonLog, originForLog, type Log } from './log.ts';
import { messages } from './messages.ts';
import { newsletterOutcome } from './newsletter.ts';
import { createOriginPolicy } from './origins.ts';
import { refusal, type Outcome } from './outcome.ts';
import { commentPage, newsletterPage } from './pages.ts';
import { createRateLimiter } from './rate-limit.ts';
import { bodyKind, parseFields, rateLimitKey, readBody, sessionCookie } from './request.ts';
import { sendEmpty, sendJson, sendOutcomeHtml, sendOutcomeJson } from './responses.ts';
import { writeComment } from './storage.ts';
import { checkSubmission, rendersSafely } from './submission.ts';
import { filesOnlyWriter, WriterClosedError, type Writer } from './writer.ts';

export interface CommentServiceOptions {
  /** Where articles are read and comments written. */
  contentDir: string;
  /** The site origins allowed to post, e.g. `http://localhost:4321`. */
  allowedOrigins: readonly string[];
  /** The secret shared with the sign-in service; without it, subscriber-only articles refuse every comment. */
  sessionSecret?: string | undefined;
  /** Comments one client may post per minute. */
  perMinute: number;
  /** The clock: closing dates, session expiry, the rate limit and the comment's date read it. */
  now?: () => Date;
  maxBodyBytes?: number;
  /** Where requests, accepted comments and server errors are reported (one JSON line each by default). */
  log?: Log | undefined;
  /** Writes the comment files, and records them in git when it is on; files alone by default. */
  writer?: Writer | undefined;
  /** The reverse proxies whose `X-Forwarded-For` names the client; none by default. */
  trustedProxies?: TrustedProxies | undefined;
  /** The moderation desk, answering every path under `/moderation/` (docs/moderation-desk.md); none by default. */
  desk?: { handle(req: IncomingMessage, res: ServerResponse): Promise<void>; contentChanged(): void } | undefined;
}

/** The service, not yet listening; `stop` is what a SIGTERM does (docs/comments.md). */
export interface CommentService extends Server {
  /**
   * Stops accepting connections, lets the requests and writes in flight finish, refuses any
   * new POST, then closes; after `graceMs` the connections still open are cut.
   */
  stop(graceMs: number): Promise<void>;
}

const POST_PATHS = ['/commentaires/', '/newsletter/'];

/**
 * Comments posted per comment allowed, whatever their fate: room for a reader to correct a
 * refused text several times, not for a client to make the service render text after text.
 */
const ATTEMPTS_PER_COMMENT = 10;

/** The comment intake service and the newsletter stub (docs/comments.md), not yet listening. */
export function createCommentService(options: CommentServiceOptions): CommentService {
  const { contentDir, sessionSecret } = options;
  const now = options.now ?? (() => new Date());
  // A form percent-encodes each byte of non-ASCII text as three characters: 2,000 characters
  // of some scripts take 18 KB that way, and a reader must never lose a text that fits.
  const maxBodyBytes = options.maxBodyBytes ?? 24 * 1024;
  const log = options.log ?? jsonLog();
  const writer = options.writer ?? filesOnlyWriter();
  const trusted = options.trustedProxies ?? NO_PROXY;
  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  const origins = createOriginPolicy(options.allowedOrigins);
  const limiter = createRateLimiter(options.perMinute);
  const attempts = createRateLimiter(options.perMinute * ATTEMPTS_PER_COMMENT);

  function unavailable(): Outcome {
    return refusal(503, 'service_unavailable', messages.serviceStopping);
  }

  function hasSession(token: string | undefined, at: Date): boolean {
    return token !== undefined && sessionSecret !== undefined && verifySession(token, sessionSecret, at) !== undefined;
  }

  function rateLimited(seconds: number, message = messages.rateLimited(seconds)): Outcome {
    return refusal(429, 'rate_limited', message, { 'Retry-After': String(seconds) });
  }

  /**
   * Every rule of docs/comments.md, in order. A client over either limit is refused before
   * anything is read or rendered; the comment slot is taken last, so that only accepted
   * comments count against it.
   */
  async function commentOutcome(fields: ReadonlyMap<string, string>, req: IncomingMessage, at: Date): Promise<Outcome> {
    const client = rateLimitKey(clientAddress(req, trusted));
    const waiting = limiter.waiting(client, at);
    if (waiting !== undefined) return rateLimited(waiting);
    const attempt = attempts.take(client, at);
    if ('retryAfterSeconds' in attempt) {
      return rateLimited(attempt.retryAfterSeconds, messages.tooManyAttempts(attempt.retryAfterSeconds));
    }
    const submission = checkSubmission(fields, siteConfig.commentMaxLength);
    if ('status' in submission) return submission;
    const article = await readArticle(contentDir, submission.article);
    // A scheduled story is not on the site yet: no one can have read it to answer it.
    if (article === undefined || article.comments.publishedAt > at) {
      return refusal(404, 'article_unknown', messages.articleUnknown);
    }
    const mode = commentsModeAt(article.comments, at);
    if (mode === 'closed') return refusal(403, 'comments_closed', messages.commentsClosed);
    if (mode === 'subscribers' && !hasSession(submission.session ?? sessionCookie(req), at)) {
      return refusal(403, 'subscription_required', messages.subscriptionRequired);
    }
    if (await isBarred(contentDir, submission.pseudonym)) return refusal(403, 'reader_barred', messages.readerBarred);
    const { replyTo } = submission;
    if (replyTo !== undefined && !(await isPublishedComment(contentDir, article.slug, replyTo, at))) {
      return refusal(404, 'reply_unknown', messages.replyUnknown);
    }
    if (!(await rendersSafely(contentDir, article.slug, submission.text))) {
      return refusal(400, 'text_unrenderable', messages.textUnrenderable);
    }
    // Taken again after the awaits: the same client's other requests may have filled it since.
    const slot = limiter.take(client, at);
    if ('retryAfterSeconds' in slot) return rateLimited(slot.retryAfterSeconds);
    let id: string;
    try {
      const { pseudonym, text } = submission;
      id = await writer.write(async () => {
        const written = await writeComment(contentDir, { article: article.slug, pseudonym, text, replyTo }, at);
        const file = join(contentDir, 'comments', article.slug, `${written}.md`);
        return {
          change: { message: `Commentaire en attente : ${article.slug}/${written}`, paths: [file] },
          result: written,
        };
      });
    } catch (error) {
      slot.release();
      if (error instanceof WriterClosedError) return unavailable();
      throw error;
    }
    log({ event: 'comment', article: article.slug, id });
    options.desk?.contentChanged();
    return { status: 202, message: messages.accepted, id };
  }

  async function post(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const kind = bodyKind(req);
    const cors = origins.corsHeaders(req);
    let fields: ReadonlyMap<string, string> = new Map();
    const reply = async (outcome: Outcome, headers: Record<string, string> = {}) => {
      if (kind !== 'form') return sendOutcomeJson(res, outcome, { ...cors, ...headers });
      const site = origins.siteOrigin(req);
      const answer =
        path === '/newsletter/' ? newsletterPage(outcome, site) : await commentPage(outcome, fields, site, contentDir);
      sendOutcomeHtml(res, outcome, answer, { ...cors, ...headers });
    };

    try {
      if (origins.forbidden(req)) {
        logRefusedOrigin(req);
        return await reply(refusal(403, 'origin_forbidden', messages.originForbidden));
      }
      if (kind === undefined) return await reply(refusal(415, 'unsupported_media_type', messages.unsupportedMediaType));
      const body = await readBody(req, maxBodyBytes);
      if (body === 'aborted') return;
      if (body === 'too_large') {
        // A body cut beyond the discard limit leaves the connection unusable; one read to its end
        // could carry another request, but a client that sent that much is not worth keeping.
        return await reply(refusal(413, 'payload_too_large', messages.payloadTooLarge), { Connection: 'close' });
      }
      const parsed = parseFields(body, kind);
      if (parsed === undefined) return await reply(refusal(400, 'invalid_request', messages.invalidRequest));
      fields = parsed;
      const at = now();
      await reply(path === '/newsletter/' ? newsletterOutcome(fields) : await commentOutcome(fields, req, at));
    } catch (error) {
      logError(error);
      if (!res.headersSent) await reply(refusal(500, 'server_error', messages.serverError));
    }
  }

  /** The file, for a content file the newsroom must fix; the stack otherwise. Never the request's fields. */
  function logError(error: unknown): void {
    if (error instanceof ContentFileError) log({ event: 'error', message: error.message, file: error.file });
    else log({ event: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }

  /**
   * An origin is no one's personal data, and a refused one is most often the site's own, left
   * out of the setting (`https://journal.fr` listed, `https://www.journal.fr` posting).
   */
  function logRefusedOrigin(req: IncomingMessage): void {
    log({
      event: 'origin_refused',
      origin: originForLog(req.headers.origin),
      message: `not in KIOSQUE_COMMENTS_ORIGINS (${options.allowedOrigins.join(',')}): add it there if the site posts from it`,
    });
  }

  function preflight(req: IncomingMessage, res: ServerResponse): void {
    const cors = origins.corsHeaders(req);
    if (Object.keys(cors).length === 0) {
      logRefusedOrigin(req);
      return sendOutcomeJson(res, refusal(403, 'origin_forbidden', messages.originForbidden), {});
    }
    sendEmpty(res, 204, {
      ...cors,
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
  }

  /** Counts the request among those a stop waits for. */
  function track(handled: Promise<void>): void {
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  }

  function route(req: IncomingMessage, res: ServerResponse, path: string, method: string): void {
    // The desk answers its own refusals once stopping: its decisions go through the closed writer.
    if (options.desk !== undefined && (path === '/moderation' || path.startsWith('/moderation/'))) {
      return track(options.desk.handle(req, res));
    }
    if (stopping && method === 'POST') {
      return sendOutcomeJson(res, unavailable(), { ...origins.corsHeaders(req), Connection: 'close' });
    }
    if (path === '/sante/' && (method === 'GET' || method === 'HEAD')) {
      const status = writer.status();
      const alerts = healthAlerts(status, now());
      if (alerts.length === 0) return sendJson(res, 200, { ok: true, ...status });
      return sendJson(res, 503, { ok: false, alerts, ...status });
    }
    if (path === '/sante/' || (POST_PATHS.includes(path) && method !== 'POST' && method !== 'OPTIONS')) {
      const allow = path === '/sante/' ? 'GET, HEAD' : 'OPTIONS, POST';
      return sendOutcomeJson(res, refusal(405, 'method_not_allowed', messages.methodNotAllowed), { Allow: allow });
    }
    if (!POST_PATHS.includes(path)) return sendOutcomeJson(res, refusal(404, 'not_found', messages.notFound), {});
    if (method === 'OPTIONS') return preflight(req, res);
    track(
      post(req, res, path).catch((error: unknown) => {
        logError(error);
        res.destroy();
      }),
    );
  }

  const server = createServer({ requestTimeout: 30_000 }, (req, res) => {
    const started = performance.now();
    // Cut rather than parsed: `new URL()` throws on a request target such as `//`. The query
    // is left out of the log too: nothing the service serves reads one.
    const path = (req.url ?? '/').replace(/\?.*$/s, '');
    const method = req.method ?? 'GET';
    // The reader's address is not logged: it is personal data, and the rate limit, which
    // needs it, keeps it in memory for a minute only.
    res.once('close', () => {
      const status = res.writableFinished ? res.statusCode : null;
      log({ event: 'request', method, path, status, ms: Math.round(performance.now() - started) });
    });
    route(req, res, path, method);
  });

  async function stop(graceMs: number): Promise<void> {
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const grace = setTimeout(() => server.closeAllConnections(), graceMs);
    await Promise.allSettled([...inFlight]);
    await writer.close();
    await closed;
    clearTimeout(grace);
  }

  return Object.assign(server, { stop });
}
