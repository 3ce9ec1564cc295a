import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { ARTICLE, copyContent, readComment, root } from './helpers.ts';

const SITE = 'http://localhost:4321';
let dir: string | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** `npm run comments:serve` as an operator runs it, on a free port; resolves with its address once it listens. */
function serve(env: Record<string, string>): Promise<{ url: string; output: () => string }> {
  const started = spawn(process.execPath, ['services/comments/start.ts'], {
    cwd: root,
    env: { ...process.env, KIOSQUE_COMMENTS_PORT: '0', ...env },
  });
  child = started;
  let output = '';
  return new Promise((resolve, reject) => {
    started.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
      if (url !== undefined) resolve({ url, output: () => output });
    });
    started.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    started.once('exit', (code) => reject(new Error(`the service exited (${code}):\n${output}`)));
  });
}

function exited(service: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (service.exitCode !== null || service.signalCode !== null) resolve(service.exitCode);
    else service.once('exit', (code) => resolve(code));
  });
}

test('refuses to start with a setting it cannot use, naming the variable', async () => {
  await expect(serve({ KIOSQUE_COMMENTS_PER_MINUTE: 'beaucoup' })).rejects.toThrow(
    /exited \(1\):\nKIOSQUE_COMMENTS_PER_MINUTE: expected a whole number from 1 to 1000000, got "beaucoup"/,
  );
  await expect(serve({ KIOSQUE_TRUSTED_PROXIES: '127.0.0.1,proxy.local' })).rejects.toThrow(
    /exited \(1\):\nKIOSQUE_TRUSTED_PROXIES: "proxy\.local" is not an IP address/,
  );
  await expect(serve({ KIOSQUE_CONTENT_DIR: '/nulle-part' })).rejects.toThrow(
    /KIOSQUE_CONTENT_DIR: no articles folder/,
  );
});

test('a busy port stops the service, naming the variables to change', async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const { port } = busy.address() as AddressInfo;
  try {
    await expect(serve({ KIOSQUE_COMMENTS_PORT: String(port) })).rejects.toThrow(
      `KIOSQUE_COMMENTS_HOST, KIOSQUE_COMMENTS_PORT: cannot listen on 127.0.0.1:${port}: listen EADDRINUSE`,
    );
  } finally {
    busy.close();
  }
});

test('warns at start when no moderator can sign in, naming the file and the command', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-moderators-'));
  const missing = join(dir, 'moderateurs.json');
  const command = `KIOSQUE_MODERATORS_FILE=${missing} npm run moderate -- add-moderator <nom>`;
  const first = await serve({ KIOSQUE_MODERATORS_FILE: missing });
  await expect
    .poll(first.output)
    .toContain(`"event":"warning","message":"KIOSQUE_MODERATORS_FILE: ${missing} does not exist`);
  expect(first.output()).toContain(command);
  child!.kill('SIGKILL');

  writeFileSync(missing, '{ "moderators": [] }\n');
  const empty = await serve({ KIOSQUE_MODERATORS_FILE: missing });
  await expect.poll(empty.output).toContain(`${missing} has no account: no one can sign in to the desk.`);
});

test('on SIGTERM, finishes the comment being sent and acknowledges it, refuses what comes after, and exits 0', async () => {
  dir = copyContent(new Date().toISOString());
  const { url, output } = await serve({ KIOSQUE_CONTENT_DIR: dir });
  const { port } = new URL(url);
  const body = JSON.stringify({ article: ARTICLE, pseudonym: 'Lente', text: 'Envoyé lentement, pendant l’arrêt.' });
  const socket = connect(Number(port), '127.0.0.1');
  let answers = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answers += chunk));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const request = (content: string) =>
    'POST /commentaires/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(content)}\r\n\r\n${content}`;
  const whole = request(body);
  socket.write(whole.slice(0, -10));
  await new Promise((resolve) => setTimeout(resolve, 200));

  child!.kill('SIGTERM');
  await expect.poll(output).toContain('"event":"stop"');
  // Now closed to new connections.
  await expect(fetch(`${url}/sante/`)).rejects.toThrow();
  // The rest of the slow body, then another comment on the same connection.
  socket.write(whole.slice(-10) + request(body.replace('Lente', 'Tardive')));
  await closed;

  const [first = '', second = ''] = answers.split(/(?=HTTP\/1\.1 )/);
  expect(first).toMatch(/^HTTP\/1\.1 202 /);
  const { id } = JSON.parse(first.slice(first.indexOf('\r\n\r\n') + 4)) as { id: string };
  expect(readComment(dir, ARTICLE, id).frontmatter['pseudonym']).toBe('Lente');
  expect(second).toMatch(/^HTTP\/1\.1 503 /);
  expect(second).toMatch(/\r\nConnection: close\r\n/i);
  expect(second).toContain('"code":"service_unavailable"');
  expect(second).toContain('Le service redémarre');
  expect(await exited(child!)).toBe(0);
  expect(readdirSync(join(dir, 'comments', ARTICLE)).filter((name) => name.startsWith('r'))).toEqual([`${id}.md`]);
  expect(output()).toContain('"event":"stopped"');
});

test('stops cleanly on SIGTERM', async () => {
  dir = copyContent();
  const { url, output } = await serve({ KIOSQUE_CONTENT_DIR: dir });
  expect((await fetch(`${url}/sante/`)).status).toBe(200);
  child!.kill('SIGTERM');
  expect(await exited(child!)).toBe(0);
  expect(output()).toContain('"event":"stopped"');
});

test('killed mid-stream, it has written every comment it acknowledged, and no partial one', async () => {
  // Published now, so that the service's real clock finds the comments open.
  dir = copyContent(new Date().toISOString());
  const { url } = await serve({ KIOSQUE_CONTENT_DIR: dir, KIOSQUE_COMMENTS_PER_MINUTE: '1000000' });
  const acknowledged = new Map<string, string>();
  const sent = new Set<string>();
  let killedAt: number | undefined;

  const client = async (name: number) => {
    for (let n = 0; ; n++) {
      const text = `Client ${name}, commentaire ${n} : « été » 🦊\n${'x'.repeat(1900)}`;
      sent.add(text);
      let status: number;
      let answer: { id: string };
      try {
        const response = await fetch(`${url}/commentaires/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SITE },
          body: JSON.stringify({ article: ARTICLE, pseudonym: `Client ${name}`, text }),
        });
        status = response.status;
        answer = (await response.json()) as { id: string };
      } catch (error) {
        // The service is gone: this comment was never acknowledged.
        if (killedAt !== undefined) return;
        throw error;
      }
      expect(status).toBe(202);
      acknowledged.set(answer.id, text);
      if (acknowledged.size >= 150 && killedAt === undefined) {
        killedAt = acknowledged.size;
        child!.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, (_, name) => client(name)));
  await exited(child!);
  const names = readdirSync(join(dir, 'comments', ARTICLE));
  const written = names.filter((file) => file.endsWith('.md') && file.startsWith('r'));
  const temporary = names.filter((file) => !file.endsWith('.md'));
  console.info(
    `fault: killed after ${killedAt} acknowledgements (${acknowledged.size} in all); ` +
      `${written.length} files written, ${temporary.length} temporary files left`,
  );

  for (const [id, text] of acknowledged) expect(readComment(dir, ARTICLE, id).body).toBe(text);
  for (const name of written) {
    const { frontmatter, body } = readComment(dir, ARTICLE, name.slice(0, -3));
    expect(frontmatter['status']).toBe('pending');
    expect(sent.has(body)).toBe(true);
  }
  for (const name of temporary) expect(name).toMatch(/^\.r\d{14}-[a-z0-9]{8}\.tmp$/);
  expect(written.length).toBeGreaterThanOrEqual(acknowledged.size);
});
