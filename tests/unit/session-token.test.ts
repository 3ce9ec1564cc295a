import { describe, expect, test } from 'vitest';
import { signSession, verifySession } from '../../src/lib/session-token';

const secret = 'un secret partagé assez long';
const now = new Date('2026-11-29T12:00:00Z');
const session = { subscriber: 'abonne-42', expiresAt: new Date('2026-11-29T13:00:00Z') };

describe('subscriber sessions', () => {
  test('a token signed with the shared secret gives back the subscriber until it expires', () => {
    const token = signSession(session, secret);
    expect(verifySession(token, secret, now)).toEqual(session);
    expect(verifySession(token, secret, new Date('2026-11-29T13:00:00Z'))).toBeUndefined();
  });

  test('a token signed with another secret, altered or malformed is refused', () => {
    const token = signSession(session, secret);
    expect(verifySession(token, 'un autre secret', now)).toBeUndefined();
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'abonne-1', exp: 1_900_000_000 })).toString('base64url');
    expect(verifySession(`${version}.${forged}.${signature}`, secret, now)).toBeUndefined();
    for (const bad of ['', 'v1', 'v1..', `v2.${token.slice(3)}`, `${token}.extra`]) {
      expect(verifySession(bad, secret, now)).toBeUndefined();
    }
  });
});
