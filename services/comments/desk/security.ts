import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieValue } from '../request.ts';

/**
 * Sent with every desk answer. The queue shows text written by strangers: even a flaw in the
 * sanitizer could run no script but the desk's own file, load nothing from elsewhere, and
 * post nowhere else; nothing is cached, since every page is about one moderator's session.
 */
const DESK_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, {
    ...DESK_HEADERS,
    ...headers,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { ...DESK_HEADERS, ...headers, Location: location, 'Content-Length': '0' });
  res.end();
}

/**
 * Whether a POST comes from a page of the desk itself: its `Origin` is the desk's, or, from a
 * browser that leaves `Origin` out, its `Sec-Fetch-Site` says `same-origin`. Every browser in
 * use sends one of them with a POST; a request with neither is refused too, since the sign-in
 * form has no session token to stand in for them (a forged sign-in would put the victim in
 * the forger's session). The session's token in each other form is the second lock.
 */
export function sameOrigin(req: IncomingMessage, deskOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === deskOrigin;
  return req.headers['sec-fetch-site'] === 'same-origin';
}

const COOKIE = 'kiosque_bureau';

/** The session id the desk's cookie carries, if any. */
export function sessionCookieId(req: IncomingMessage): string | undefined {
  return cookieValue(req, COOKIE);
}

/** The session cookie: never read by scripts, never sent from another site, only to the desk's paths. */
export function sessionCookie(id: string, secure: boolean, clear = false): string {
  const attributes = ['HttpOnly', 'SameSite=Strict', 'Path=/moderation/'];
  if (secure) attributes.push('Secure');
  if (clear) attributes.push('Max-Age=0');
  return `${COOKIE}=${clear ? '' : id}; ${attributes.join('; ')}`;
}
