import type { ServerResponse } from 'node:http';
import { answerPage, type AnswerPage } from './html.ts';
import type { Outcome } from './outcome.ts';

/**
 * Sent with every answer. The policy forbids everything the answer pages do not use (they
 * have an inline style and nothing else), and no answer may be cached: each is about one post.
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  Vary: 'Origin',
};

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string>) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

/** An answer without a body: a CORS preflight's. */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string>) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  send(res, status, 'application/json', JSON.stringify(body), headers);
}

/** `{ id, message }` for an accepted comment, `{ message }` for another success, `{ error }` for a refusal. */
export function sendOutcomeJson(res: ServerResponse, outcome: Outcome, headers: Record<string, string>) {
  const { status, code, message, id } = outcome;
  const body = code !== undefined ? { error: { code, message } } : id !== undefined ? { id, message } : { message };
  sendJson(res, status, body, { ...headers, ...outcome.headers });
}

export function sendOutcomeHtml(
  res: ServerResponse,
  outcome: Outcome,
  page: AnswerPage,
  headers: Record<string, string>,
) {
  send(res, outcome.status, 'text/html', answerPage(page), { ...headers, ...outcome.headers });
}
