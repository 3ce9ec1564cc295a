import { describe, expect, test } from 'vitest';
import { createLoginLimiter, signInKeys } from '../../services/comments/desk/login-limit.ts';

const AT = new Date('2026-11-29T14:00:00Z');

describe('the desk’s sign-in limit', () => {
  test('a name guessed from a hundred clients leaves each client, even one that never failed, one check of it per 15 minutes', () => {
    const limiter = createLoginLimiter();
    for (let client = 0; client < 100; client++) {
      expect(limiter.attempt(signInKeys('Claire', `192.0.2.${client}`), AT)).toBeUndefined();
    }
    expect(limiter.attempt(signInKeys('claire', '198.51.100.1'), AT)).toBeUndefined();
    expect(limiter.attempt(signInKeys('claire', '198.51.100.1'), AT)).toEqual(new Date('2026-11-29T14:15:00Z'));
    expect(limiter.attempt(signInKeys('Malik', '198.51.100.1'), AT)).toBeUndefined();
    expect(limiter.attempt(signInKeys('Malik', '198.51.100.1'), AT)).toBeUndefined();
  });

  test('a right password takes its own attempt back, and clears only the failures of that name from that client', () => {
    const limiter = createLoginLimiter();
    for (let attempt = 0; attempt < 4; attempt++) limiter.attempt(signInKeys('Claire', '192.0.2.1'), AT);
    for (let name = 0; name < 10; name++) limiter.attempt(signInKeys(`Nom ${name}`, '192.0.2.1'), AT);
    const right = signInKeys('Claire', '192.0.2.1');
    expect(limiter.attempt(right, AT)).toBeUndefined();
    limiter.succeed(right, AT);
    // 14 failures of that client remain, Claire's included: six more lock it.
    for (let name = 10; name < 16; name++) {
      expect(limiter.attempt(signInKeys(`Nom ${name}`, '192.0.2.1'), AT)).toBeUndefined();
    }
    expect(limiter.attempt(signInKeys('Claire', '192.0.2.1'), AT)).toBeDefined();
  });
});
