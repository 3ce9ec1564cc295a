import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** The reverse proxies whose `X-Forwarded-For` is believed (`KIOSQUE_TRUSTED_PROXIES`). */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** No proxy trusted: the connection's address is the client's. */
export const NO_PROXY: TrustedProxies = { has: () => false };

/**
 * The proxies given as addresses or CIDR ranges, IPv4 or IPv6 (`127.0.0.1`, `::1`,
 * `10.0.0.0/8`, `fd00::/8`); an IPv4 proxy also matches when the socket gives it mapped into
 * IPv6. Throws on an entry that is neither, naming it.
 */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? maxBits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (family === 0 || rest.length > 0 || !(bits <= maxBits)) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range like 10.0.0.0/8`);
    }
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { has: (address) => isIP(address) !== 0 && list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6') };
}

/** An address as proxies write it in `X-Forwarded-For`: perhaps with a port, an IPv6 one in brackets. */
function plainAddress(entry: string): string | undefined {
  const trimmed = entry.trim();
  const address = /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1] ?? trimmed.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  return isIP(address) === 0 ? undefined : address;
}

/**
 * The address of the reader who sent the request: the connection's, unless it comes from a
 * trusted proxy; then the right-most address of `X-Forwarded-For` that is not itself a
 * trusted proxy. Everything left of it was written by the client, who could write anything:
 * a reader cannot forge his way around the rate limit. An entry that is no address stops the
 * walk at the last proxy trusted, which then stands for the client.
 */
export function clientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  let client = req.socket.remoteAddress ?? 'unknown';
  if (!trusted.has(client)) return client;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .filter((hop) => hop.trim() !== '');
  for (const hop of hops.reverse()) {
    const address = plainAddress(hop);
    if (address === undefined) return client;
    client = address;
    if (!trusted.has(address)) return client;
  }
  return client;
}
