import { describe, expect, test } from 'vitest';
import { rateLimitKey } from '../../services/comments/request.ts';

describe('whom the rate limit counts', () => {
  test('an IPv4 client by its address, also when the socket gives it mapped into IPv6', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  test('an IPv6 client by its /64 network, so that changing addresses within it changes nothing', () => {
    const key = rateLimitKey('2001:db8:1:2:aaaa::1');
    expect(rateLimitKey('2001:DB8:1:2:bbbb:cccc:dddd:2')).toBe(key);
    expect(rateLimitKey('2001:0db8:0001:0002::9%eth0')).toBe(key);
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });
});
