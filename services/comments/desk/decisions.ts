import type { IncomingMessage, ServerResponse } from 'node:http';
import { WriterClosedError } from '../writer.ts';
import {
  backTo,
  publishingStalled,
  refuseOrigin,
  sendProblem,
  sessionOf,
  wantsJson,
  type DeskContext,
} from './context.ts';
import { readForm } from './form.ts';
import { filterOf, sendBarPage } from './queue.ts';
import { text } from './messages.ts';
import { applyDecision, barReader } from '../../moderation/apply.ts';
import { readComment } from '../../moderation/comments.ts';
import { ModerationError } from '../../moderation/errors.ts';
import { redirect, sameOrigin, send } from './security.ts';
import { tokenMatches, type Session } from './sessions.ts';

/**
 * What the desk offers on a pending comment: approving, approving and featuring in one step,
 * rejecting. Featuring or unfeaturing a published comment is `npm run moderate`'s: published
 * comments are not in the queue.
 */
const DECISIONS = ['approve', 'approve-feature', 'reject'] as const;
type DeskDecision = (typeof DECISIONS)[number];

/** An answer to a decision: a message, and for the page's script what the queue now holds. */
interface Answer {
  status: number;
  ok: boolean;
  message: string;
}

/** The session of a POST that may change something: from the desk's own page, signed in, with the session's token. */
async function authorised(
  context: DeskContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ session: Session; fields: ReadonlyMap<string, string> } | undefined> {
  if (!sameOrigin(req, context.deskOrigin)) {
    refuseOrigin(context, req, res);
    return undefined;
  }
  const signedIn = sessionOf(context, req);
  if (signedIn === undefined) {
    req.resume();
    sendProblem(req, res, 403, text.notSignedIn);
    return undefined;
  }
  const fields = await readForm(req);
  if (fields === undefined) {
    sendProblem(req, res, 400, text.badRequest);
    return undefined;
  }
  if (!tokenMatches(signedIn.session, fields.get('jeton'))) {
    sendProblem(req, res, 403, text.crossSite);
    return undefined;
  }
  return { session: signedIn.session, fields };
}

function reasonOf(fields: ReadonlyMap<string, string>): string | undefined {
  const written = (fields.get('autre') ?? '').trim();
  const chosen = (fields.get('motif') ?? '').trim();
  const reason = written === '' ? chosen : written;
  return reason === '' ? undefined : reason;
}

/** Says how it went: JSON for the page's script, or back to the queue page with the message once. */
function reply(
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  back: string,
  answer: Answer,
  extra: object = {},
): void {
  if (wantsJson(req)) {
    return send(
      res,
      answer.status,
      'application/json',
      JSON.stringify({ ok: answer.ok, message: answer.message, ...extra }),
    );
  }
  session.flash = { kind: answer.ok ? 'ok' : 'error', text: answer.message };
  redirect(res, back);
}

function failure(error: unknown): Answer {
  if (error instanceof ModerationError) return { status: 409, ok: false, message: text.problem(error.problem) };
  if (error instanceof WriterClosedError) return { status: 503, ok: false, message: text.stopping };
  throw error;
}

/**
 * A decision on one comment, through the one writer: the shared module reads the file again
 * there, and if it is no longer the version the moderator read (another moderator, `npm run
 * moderate`, a pull), nothing is written and the moderator is told what happened to it.
 */
export async function decideComment(context: DeskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const allowed = await authorised(context, req, res);
  if (allowed === undefined) return;
  const { session, fields } = allowed;
  const back = backTo(fields.get('retour'));
  const id = fields.get('id') ?? '';
  const version = fields.get('version') ?? '';
  const decision = fields.get('decision') as DeskDecision;
  if (!DECISIONS.includes(decision) || id === '') return sendProblem(req, res, 400, text.badRequest);
  const reason = reasonOf(fields);
  if (decision === 'reject' && reason === undefined) {
    return reply(req, res, session, back, { status: 400, ok: false, message: text.reasonMissing });
  }
  const by = session.moderator;
  let answer: Answer;
  try {
    answer = await context.writer.write<Answer>(async () => {
      const at = context.now();
      const result = applyDecision(context.contentDir, { id, decision, reason, by, at, seen: version });
      context.index.update(result.path);
      context.log({
        event: 'decision',
        moderator: by,
        id: result.id,
        decision,
        changed: result.changed,
        status: result.status,
      });
      return {
        change: result.changed ? { message: result.commitMessage, paths: [result.path], author: by } : undefined,
        result: { status: 200, ok: true, message: text.decided(result) },
      };
    });
  } catch (error) {
    answer = failure(error);
  }
  const { total, matching } = context.index.page(filterOf(new URL(back, 'http://desk').searchParams), 1, 0);
  reply(req, res, session, back, answer, {
    id,
    counts: { waiting: text.waiting(total), matching: text.matching(matching) },
    stalled: publishingStalled(context.writer.status()),
  });
}

/** Bars the author of a comment: the pseudonym is the one in the file, never one typed in a form. */
export async function barAuthor(context: DeskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const allowed = await authorised(context, req, res);
  if (allowed === undefined) return;
  const { session, fields } = allowed;
  const back = backTo(fields.get('retour'));
  const reason = reasonOf(fields);
  if (reason === undefined) {
    if (wantsJson(req))
      return reply(req, res, session, back, { status: 400, ok: false, message: text.barReasonMissing });
    return sendBarPage(context, req, res, session, {
      id: fields.get('id') ?? '',
      back,
      error: text.barReasonMissing,
      written: fields.get('autre'),
    });
  }
  const by = session.moderator;
  let answer: Answer;
  try {
    answer = await context.writer.write<Answer>(async () => {
      const { pseudonym } = readComment(context.contentDir, fields.get('id') ?? '');
      const result = barReader(context.contentDir, { pseudonym, reason, by, at: context.now() });
      context.log({ event: 'bar', moderator: by, changed: result.changed });
      return {
        change: result.changed ? { message: result.commitMessage, paths: [result.path], author: by } : undefined,
        result: { status: 200, ok: true, message: text.barred(result) },
      };
    });
  } catch (error) {
    answer = failure(error);
  }
  reply(req, res, session, back, answer);
}
