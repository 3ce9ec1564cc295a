import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { jsonLog } from '../../services/comments/log.ts';
import { createCommentService } from '../../services/comments/server.ts';
import { ARTICLE, NOW, SITE, commentTree, copyContent } from './helpers.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

test('a client that stops sending does not hold the service past its grace, and its comment is not written', async () => {
  dir = copyContent();
  const logs: string[] = [];
  const server = createCommentService({
    contentDir: dir,
    allowedOrigins: [SITE],
    perMinute: 10,
    now: () => NOW,
    log: jsonLog((line) => logs.push(line)),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const before = commentTree(dir);
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  const cut = new Promise((resolve) => socket.once('close', resolve));
  socket.on('error', () => undefined);
  const body = JSON.stringify({ article: ARTICLE, pseudonym: 'Partie', text: 'Jamais fini.' });
  socket.write(
    `POST /commentaires/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 100));

  await server.stop(300);
  await cut;
  expect(server.listening).toBe(false);
  expect(commentTree(dir)).toEqual(before);
  expect(logs.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
    expect.objectContaining({ event: 'request', method: 'POST', path: '/commentaires/', status: null }),
  );
  // Far below the 30 s a request may otherwise take: the grace, not the client, ends it.
}, 5_000);
