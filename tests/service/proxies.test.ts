import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { clientAddress, trustedProxies } from '../../services/comments/client-address.ts';
import { ConfigError, configFromEnv } from '../../services/comments/config.ts';
import { commentFields, postJson, startService, type TestService } from './helpers.ts';

let service: TestService | undefined;
afterEach(() => service?.close());

const post = (forwardedFor: string) =>
  postJson(service!, commentFields({ text: `Envoyé pour ${forwardedFor}.` }), { 'x-forwarded-for': forwardedFor });

describe('the rate limit behind a reverse proxy', () => {
  test('sees two readers behind a trusted proxy as two, and believes no address the reader wrote', async () => {
    service = await startService({ perMinute: 1, trustedProxies: trustedProxies(['127.0.0.1', '::1']) });
    expect((await post('203.0.113.1')).status).toBe(202);
    expect((await post('203.0.113.2')).status).toBe(202);
    expect((await post('203.0.113.1')).status).toBe(429);
    // The reader wrote the first address; the proxy appended the one it saw.
    expect((await post('198.51.100.77, 203.0.113.2')).status).toBe(429);
  });

  test('ignores the header from a peer that is not a trusted proxy', async () => {
    service = await startService({ perMinute: 1, trustedProxies: trustedProxies(['10.0.0.0/8']) });
    expect((await post('203.0.113.1')).status).toBe(202);
    expect((await post('203.0.113.2')).status).toBe(429);
  });
});

describe('the client address', () => {
  const from = (peer: string, forwardedFor?: string | string[]) =>
    ({ socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;
  const trusted = trustedProxies(['10.0.0.0/8', 'fd00::/8', '192.0.2.1']);

  test('is the right-most address not itself a trusted proxy, across proxies and header lines', () => {
    expect(clientAddress(from('10.1.2.3', '203.0.113.5, 192.0.2.1'), trusted)).toBe('203.0.113.5');
    expect(clientAddress(from('::ffff:10.1.2.3', ['1.1.1.1, 203.0.113.5', '10.9.9.9']), trusted)).toBe('203.0.113.5');
    expect(clientAddress(from('fd00::1', '[2001:db8::7]:443'), trusted)).toBe('2001:db8::7');
    expect(clientAddress(from('10.1.2.3', '203.0.113.5:51234'), trusted)).toBe('203.0.113.5');
  });

  test('is the peer when it is no trusted proxy, or sends no header; the last proxy when the header is garbage', () => {
    expect(clientAddress(from('203.0.113.9', '198.51.100.1'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(from('10.1.2.3'), trusted)).toBe('10.1.2.3');
    expect(clientAddress(from('10.1.2.3', 'unknown, 192.0.2.1'), trusted)).toBe('192.0.2.1');
  });
});

test('KIOSQUE_TRUSTED_PROXIES: an entry that is no address or range stops the service, naming the variable', () => {
  expect(
    configFromEnv({ KIOSQUE_TRUSTED_PROXIES: ' 127.0.0.1, ::1 ,10.0.0.0/8,' }).trustedProxies.has('10.4.4.4'),
  ).toBe(true);
  for (const entry of ['localhost', '10.0.0.0/33', '::1/129', '10.0.0.0/', '10.0.0.0/8/8', '300.1.1.1']) {
    expect(() => configFromEnv({ KIOSQUE_TRUSTED_PROXIES: `127.0.0.1,${entry}` })).toThrow(
      new ConfigError(`KIOSQUE_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range like 10.0.0.0/8`),
    );
  }
});
