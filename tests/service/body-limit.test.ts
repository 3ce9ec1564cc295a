import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DISCARD_MAX_BYTES, DISCARD_MAX_MS } from '../../services/comments/request.ts';
import { SITE, commentTree, startService, type TestService } from './helpers.ts';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

/**
 * Sends `bytes` of JSON with their Content-Length from a real socket, as a browser does:
 * the whole body first, then the answer is read. A connection reset by the service on the
 * way (what a client gets when the service answers and closes with the body unread) rejects.
 */
function postLarge(bytes: number): Promise<{ status: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    socket.pause();
    let answer = '';
    socket.once('error', reject);
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.once('end', () => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      resolve({ status: head.split('\r\n')[0] ?? '', body });
    });
    socket.write(
      'POST /commentaires/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Origin: ${SITE}\r\nContent-Length: ${bytes}\r\n\r\n`,
    );
    socket.end(Buffer.alloc(bytes, 'a'), () => socket.resume());
  });
}

test('a body of 1 MB or 10 MB sent with its length is answered 413 with its message, every time', async () => {
  const before = commentTree(service.dir);
  for (const [bytes, times] of [
    [1024 * 1024, 10],
    [10 * 1024 * 1024, 5],
  ] as const) {
    for (let n = 0; n < times; n++) {
      const { status, body } = await postLarge(bytes);
      expect(status).toBe('HTTP/1.1 413 Payload Too Large');
      expect(JSON.parse(body)).toEqual({
        error: { code: 'payload_too_large', message: 'Votre envoi est trop volumineux.' },
      });
    }
  }
  expect(commentTree(service.dir)).toEqual(before);
});

test(
  'a body announced beyond the discard limit is answered at once, without waiting for it',
  async () => {
    const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      'POST /commentaires/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${DISCARD_MAX_BYTES + 1}\r\n\r\n{"article":`,
    );
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('"code":"payload_too_large"');
  },
  DISCARD_MAX_MS / 2,
);
