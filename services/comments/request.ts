import type { IncomingMessage } from 'node:http';

/** The two bodies the forms send: JSON from the page's script, a form from a browser without it. */
export type BodyKind = 'json' | 'form';

export function bodyKind(req: IncomingMessage): BodyKind | undefined {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return undefined;
}

/**
 * Past the body limit, the rest of the body is still read, and thrown away, up to these: a
 * client that is still sending when the server answers and closes gets its connection reset
 * and never reads the 413, and a reader's browser would show a network error instead of the
 * message. A body announced or sent beyond them is cut at once, its 413 sent on the off chance.
 */
export const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
export const DISCARD_MAX_MS = 10_000;

/** The body, or why there is none: too large (its rest read and discarded first, see above), or aborted by the client. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const announced = Number(req.headers['content-length']);
    if (announced > DISCARD_MAX_BYTES) return resolve('too_large');
    let chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (result: Buffer | 'too_large' | 'aborted') => {
      clearTimeout(timer);
      resolve(result);
    };
    const discard = () => {
      tooLarge = true;
      chunks = [];
      timer = setTimeout(() => finish('too_large'), DISCARD_MAX_MS);
    };
    if (announced > maxBytes) discard();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > DISCARD_MAX_BYTES) finish('too_large');
      } else if (size > maxBytes) discard();
      else chunks.push(chunk);
    });
    req.once('end', () => finish(tooLarge ? 'too_large' : Buffer.concat(chunks, size)));
    req.once('error', () => finish('aborted'));
    req.once('close', () => {
      if (!req.complete) finish('aborted');
    });
  });
}

/** One member of a JSON object whose values are strings or `null`, with what ends it. */
const JSON_MEMBER = /\s*"(?:[^"\\]|\\.)*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*([,}])/y;

/**
 * How many members the JSON text of such an object holds, duplicates included: `JSON.parse`
 * keeps the last of two, silently. The text is already known to be valid JSON, so this
 * grammar of strings and `null` is all it can hold.
 */
function jsonMembers(source: string): number {
  JSON_MEMBER.lastIndex = source.indexOf('{') + 1;
  if (/^\s*\}/.test(source.slice(JSON_MEMBER.lastIndex))) return 0;
  let count = 0;
  for (let member = JSON_MEMBER.exec(source); member !== null; member = JSON_MEMBER.exec(source)) {
    count += 1;
    if (member[1] === '}') break;
  }
  return count;
}

/**
 * The fields of a JSON object or a form, all strings; `undefined` when the body is not what
 * it claims to be. A field given twice, a JSON value that is not a string, or bytes that are
 * not UTF-8 are refused rather than guessed at. A JSON `null` is an absent field.
 */
export function parseFields(body: Buffer, kind: BodyKind): Map<string, string> | undefined {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  if (kind === 'form') {
    for (const [name, value] of new URLSearchParams(source)) {
      if (fields.has(name)) return undefined;
      fields.set(name, value);
    }
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed);
    if (entries.some(([, value]) => value !== null && typeof value !== 'string')) return undefined;
    if (jsonMembers(source) !== entries.length) return undefined;
    for (const [name, value] of entries) if (typeof value === 'string') fields.set(name, value);
  }
  for (const value of fields.values()) if (!value.isWellFormed()) return undefined;
  return fields;
}

/**
 * The key the rate limit counts a client by: an IPv4 address (also when mapped into IPv6) as
 * it is, an IPv6 address by its /64 network, since one subscriber line is given a whole /64
 * and could otherwise take a new address for every comment.
 */
export function rateLimitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').replace(/%.*$/, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Set by the newsroom's sign-in service (docs/comments.md, « Subscriber sessions »). */
const SESSION_COOKIE = 'kiosque_session';

/**
 * The value of the request's cookie of that name, without the quotes a cookie value may have;
 * `undefined` when it is missing or empty. The one cookie reader of the service and the desk.
 */
export function cookieValue(req: IncomingMessage, cookie: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = pair.split('=');
    if (name?.trim() !== cookie) continue;
    const token = value
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    return token === '' ? undefined : token;
  }
  return undefined;
}

/**
 * The subscriber's session as the browser sends it itself, in its `kiosque_session` cookie
 * (HttpOnly in production: the page's script never sees it; docs/comments.md).
 */
export function sessionCookie(req: IncomingMessage): string | undefined {
  return cookieValue(req, SESSION_COOKIE);
}
