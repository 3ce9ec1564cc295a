import { afterEach, expect, test } from 'vitest';
import { signSession } from '../../src/lib/session-token.ts';
import { WriterClosedError, type Change, type Writer, type Written } from '../../services/comments/writer.ts';
import {
  ARTICLE,
  NOW,
  commentFields,
  commentTree,
  postForm,
  postJson,
  startService,
  type TestService,
} from './helpers.ts';

let service: TestService | undefined;
afterEach(() => service?.close());

/** A writer that records each change and lets the test decide when a write is done. */
function recordingWriter() {
  const changes: Change[] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const writer: Writer = {
    async write<T>(work: () => Promise<Written<T>>): Promise<T> {
      const { change, result } = await work();
      await gate;
      if (change !== undefined) changes.push(change);
      return result;
    },
    status: () => ({
      git: true,
      unpushed: 2,
      lastPush: { at: '2026-11-29T13:59:00.000Z', ok: false, error: 'hors ligne' },
    }),
    close: () => Promise.resolve(),
  };
  return {
    writer,
    changes,
    hold: () => {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

test('a comment is written through the writer, with its commit message and file, and acknowledged once written', async () => {
  const recording = recordingWriter();
  service = await startService({ writer: recording.writer });
  recording.hold();
  let answered = false;
  const response = postJson(service, commentFields()).then((answer) => {
    answered = true;
    return answer;
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(answered).toBe(false);
  recording.release();
  const { id } = (await (await response).json()) as { id: string };
  expect(recording.changes).toEqual([
    {
      message: `Commentaire en attente : ${ARTICLE}/${id}`,
      paths: [`${service.dir}/comments/${ARTICLE}/${id}.md`],
    },
  ]);
});

test('GET /sante/ says what the writer says of git', async () => {
  service = await startService({ writer: recordingWriter().writer });
  expect(await (await fetch(`${service.url}/sante/`)).json()).toEqual({
    ok: true,
    git: true,
    unpushed: 2,
    lastPush: { at: '2026-11-29T13:59:00.000Z', ok: false, error: 'hors ligne' },
  });
});

test('a writer that stops is answered 503, in French, and writes nothing', async () => {
  const writer: Writer = {
    ...recordingWriter().writer,
    write: () => Promise.reject(new WriterClosedError()),
  };
  service = await startService({ writer });
  const before = commentTree(service.dir);
  const response = await postJson(service, commentFields());
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    error: { code: 'service_unavailable', message: expect.stringMatching(/^Le service redémarre/) },
  });
  expect(commentTree(service.dir)).toEqual(before);
});

test('the log has one JSON line per request and per comment, and never the text, the pseudonym or the session', async () => {
  const secret = 'secret des journaux';
  service = await startService({ sessionSecret: secret });
  const session = signSession({ subscriber: 'abonne-9', expiresAt: new Date(NOW.getTime() + 60_000) }, secret);
  const text = 'Un texte que personne ne doit lire dans les journaux.';
  const pseudonym = 'Pseudonyme secret';
  const accepted = await postJson(service, commentFields({ article: 'test-abonnes', text, pseudonym, session }));
  const { id } = (await accepted.json()) as { id: string };
  await postForm(service, commentFields({ article: 'test-abonnes', text, pseudonym }), {
    cookie: `kiosque_session=${session}`,
  });
  await postJson(service, commentFields({ text }), {}, '/commentaires/?jeton=abc');

  const events = service.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.filter((event) => event['event'] === 'comment')).toEqual([
    { time: expect.any(String), event: 'comment', article: 'test-abonnes', id },
    { time: expect.any(String), event: 'comment', article: 'test-abonnes', id: expect.stringMatching(/^r/) },
    { time: expect.any(String), event: 'comment', article: ARTICLE, id: expect.stringMatching(/^r/) },
  ]);
  expect(events.filter((event) => event['event'] === 'request')).toEqual(
    [202, 202, 202].map((status) => ({
      time: expect.any(String),
      event: 'request',
      method: 'POST',
      path: '/commentaires/',
      status,
      ms: expect.any(Number),
    })),
  );
  for (const line of service.logs) {
    for (const secretPart of [text, pseudonym, session, 'abonne-9', 'jeton', '127.0.0.1'])
      expect(line).not.toContain(secretPart);
  }
});
