import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A subscriber's session, as the newsroom's sign-in service hands it to the browser (cookie
 * `kiosque_session`) and the comment service checks it: `v1.<payload>.<signature>`, the
 * payload being base64url JSON `{ "sub": "<subscriber id>", "exp": <seconds since epoch> }`
 * and the signature base64url HMAC-SHA256 of `v1.<payload>` with a secret both services share.
 */
export interface Session {
  subscriber: string;
  expiresAt: Date;
}

const VERSION = 'v1';

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function signSession(session: Session, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: session.subscriber, exp: Math.floor(session.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${VERSION}.${payload}.${sign(`${VERSION}.${payload}`, secret)}`;
}

/** The session a token carries, or `undefined` when it is malformed, forged or expired. */
export function verifySession(token: string, secret: string, now: Date): Session | undefined {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || payload === undefined || signature === undefined || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(`${VERSION}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const { sub, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
      exp?: unknown;
    };
    if (typeof sub !== 'string' || sub === '' || typeof exp !== 'number') return undefined;
    const expiresAt = new Date(exp * 1000);
    return expiresAt.getTime() > now.getTime() ? { subscriber: sub, expiresAt } : undefined;
  } catch {
    return undefined;
  }
}
