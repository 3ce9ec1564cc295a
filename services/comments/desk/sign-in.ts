import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountVersion, decoyHash, findModerator, verifyPassword } from './accounts.ts';
import { backTo, deskAddress, refuseOrigin, sendProblem, sessionOf, type DeskContext } from './context.ts';
import { readForm } from './form.ts';
import { signInKeys } from './login-limit.ts';
import { text } from './messages.ts';
import { redirect, sameOrigin, send, sessionCookie } from './security.ts';
import { tokenMatches } from './sessions.ts';
import { signInPage } from './views/sign-in-page.ts';

const query = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://desk').searchParams;

export function showSignIn(context: DeskContext, req: IncomingMessage, res: ServerResponse): void {
  if (sessionOf(context, req) !== undefined) return redirect(res, '/moderation/');
  const params = query(req);
  const notice = params.get('fin') === '1' ? text.signedOut : params.has('suite') ? text.sessionExpired : undefined;
  send(
    res,
    200,
    'text/html',
    signInPage({ deskAddress: deskAddress(context), notice, next: backTo(params.get('suite') ?? undefined) }),
  );
}

/**
 * Checks a name and password. A locked name, client, or name from that client is refused
 * before any check, and the attempt is counted before the check, not after (login-limit.ts);
 * an unknown name is checked against a decoy hash, so that the answer and its time are the
 * same whether the account exists or not.
 */
export async function signIn(context: DeskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!sameOrigin(req, context.deskOrigin)) return refuseOrigin(context, req, res);
  const fields = await readForm(req);
  if (fields === undefined) return sendProblem(req, res, 400, text.badRequest);
  const name = (fields.get('nom') ?? '').normalize('NFC').trim();
  const password = fields.get('mot_de_passe') ?? '';
  const next = backTo(fields.get('suite'));
  const at = context.now();
  const keys = signInKeys(name, context.clientAddress(req));
  const page = (status: number, error: string) =>
    send(res, status, 'text/html', signInPage({ deskAddress: deskAddress(context), error, name, next }));

  const locked = context.limiter.attempt(keys, at);
  if (locked !== undefined) {
    context.log({ event: 'sign-in', ok: false, why: 'locked' });
    return page(429, text.lockedUntil(locked, at));
  }
  const account = name === '' ? undefined : findModerator(context.accountsFile, name);
  const matches = await verifyPassword(password, account?.password ?? (await decoyHash()));
  if (account === undefined || !matches) {
    context.log({ event: 'sign-in', ok: false, why: 'credentials' });
    return page(401, text.badCredentials);
  }
  context.limiter.succeed(keys, at);
  const { id } = context.sessions.open(account.name, accountVersion(account));
  context.log({ event: 'sign-in', ok: true, moderator: account.name });
  redirect(res, next, { 'Set-Cookie': sessionCookie(id, context.secure) });
}

export async function signOut(context: DeskContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!sameOrigin(req, context.deskOrigin)) return refuseOrigin(context, req, res);
  const signedIn = sessionOf(context, req);
  const fields = await readForm(req);
  if (signedIn !== undefined) {
    if (!tokenMatches(signedIn.session, fields?.get('jeton'))) return sendProblem(req, res, 403, text.crossSite);
    context.sessions.close(signedIn.id);
    context.log({ event: 'sign-out', moderator: signedIn.session.moderator });
  }
  redirect(res, '/moderation/connexion/?fin=1', { 'Set-Cookie': sessionCookie('', context.secure, true) });
}
