import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { signSession } from '../../src/lib/session-token.ts';
import { NBSP, NNBSP } from '../../src/lib/typography.ts';
import {
  ARTICLE,
  NOW,
  commentFields,
  commentTree,
  postForm,
  postJson,
  readComment,
  startService,
  type TestService,
} from './helpers.ts';

const ID = /^r20261129140000-[a-z0-9]{8}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

async function accepted(response: Response): Promise<string> {
  expect(response.status).toBe(202);
  const answer = (await response.json()) as { id: string; message: string };
  expect(answer.message).toBe('Votre commentaire sera publié après modération.');
  return answer.id;
}

describe('an accepted comment', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  test('is answered 202 with its id, and written as a pending file with the text exactly as typed', async () => {
    const text = 'Première ligne\r\n\r\n  « Citation » avec *emphase* 🦊\r\n';
    const id = await accepted(await postJson(service, commentFields({ text, replyTo: 'c01' })));
    expect(id).toMatch(ID);
    expect(id).toMatch(SLUG);
    const { source, frontmatter, body } = readComment(service.dir, ARTICLE, id);
    expect(source).toBe(
      [
        '---',
        'article: test-ouvert',
        'pseudonym: "Lectrice du 11e"',
        'publishedAt: 2026-11-29T14:00:00.000Z',
        'status: pending',
        'replyTo: c01',
        '---',
        '',
        'Première ligne\n\n  « Citation » avec *emphase* 🦊\n\n',
      ].join('\n'),
    );
    expect(frontmatter).toEqual({
      article: ARTICLE,
      pseudonym: 'Lectrice du 11e',
      publishedAt: NOW,
      status: 'pending',
      replyTo: 'c01',
    });
    expect(body).toBe('Première ligne\n\n  « Citation » avec *emphase* 🦊\n');
    expect(commentTree(service.dir)).toContain(`comments/${ARTICLE}/${id}.md`);
  });

  test('keeps a pseudonym that YAML would misread unquoted, tidying its spaces', async () => {
    const id = await accepted(await postJson(service, commentFields({ pseudonym: '  Jean\t"Le Sage": #1 ' })));
    expect(readComment(service.dir, ARTICLE, id).frontmatter['pseudonym']).toBe('Jean "Le Sage": #1');
  });

  test('on an article named like a number, the file still names the article as text', async () => {
    const id = await accepted(await postJson(service, commentFields({ article: '2026' })));
    expect(readComment(service.dir, '2026', id).frontmatter['article']).toBe('2026');
  });

  test('counts characters as the reader sees them: 2,000 emoji are accepted, 2,001 refused', async () => {
    const text = '🦊'.repeat(2000);
    const id = await accepted(await postJson(service, commentFields({ text })));
    expect(readComment(service.dir, ARTICLE, id).body).toBe(text);

    const before = commentTree(service.dir);
    const refused = await postJson(service, commentFields({ text: `${text}🦊` }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('text_too_long');
    expect(commentTree(service.dir)).toEqual(before);
  });

  test('a pseudonym of 30 characters is accepted', async () => {
    await accepted(await postJson(service, commentFields({ pseudonym: 'x'.repeat(30) })));
  });
});

describe('the closing rule, with the service clock', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  async function codeAt(now: string, article: string): Promise<number> {
    service.clock.now = new Date(now);
    return (await postJson(service, commentFields({ article }))).status;
  }

  test('closes comments 30 days after publication, to the millisecond', async () => {
    // test-ouvert was published on 2026-11-28 at 10:00 in Paris, 09:00 UTC.
    expect(await codeAt('2026-12-28T08:59:59.999Z', ARTICLE)).toBe(202);
    expect(await codeAt('2026-12-28T09:00:00.000Z', ARTICLE)).toBe(403);
  });

  test("applies an article's own delay, or none when it sets null", async () => {
    expect(await codeAt('2026-11-30T08:59:00Z', 'test-deux-jours')).toBe(202);
    expect(await codeAt('2026-11-30T09:00:00Z', 'test-deux-jours')).toBe(403);
    expect(await codeAt('2030-01-01T00:00:00Z', 'test-jamais-ferme')).toBe(202);
  });
});

describe('a refused comment', () => {
  let service: TestService;
  let before: string[];
  beforeAll(async () => {
    service = await startService({ sessionSecret: 'secret de test' });
    writeFileSync(
      join(service.dir, 'barred.yaml'),
      '- pseudonym: Troll75\n  since: 2026-11-20\n  reason: insultes répétées\n' +
        '- pseudonym: "Null"\n  since: 2026-11-21\n  reason: spam\n',
    );
  });
  afterAll(() => service.close());
  beforeEach(() => {
    before = commentTree(service.dir);
  });

  /** The answer says why, in French, under a stable code; and nothing reached the disk. */
  async function expectRefusal(response: Response, status: number, code: string): Promise<string> {
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toMatch(/^[A-ZÀ-Ý].{10,}[.!]$/u);
    expect(commentTree(service.dir)).toEqual(before);
    return answer.error.message;
  }

  function postRaw(body: string, type: string) {
    return fetch(`${service.url}/commentaires/`, { method: 'POST', headers: { 'content-type': type }, body });
  }

  test('invalid_request: a body that is not the JSON or the form it claims to be', async () => {
    const valid = JSON.stringify(commentFields()).slice(0, -1);
    const givenTwice = [`${valid},"text":"Autre."}`, `${valid} ,\n "te\\u0078t" : null }`];
    for (const body of ['{"article":', '[]', 'null', JSON.stringify({ ...commentFields(), text: 42 }), ...givenTwice]) {
      await expectRefusal(await postRaw(body, 'application/json'), 400, 'invalid_request');
    }
    const twice = await postRaw('text=a&text=b', 'application/x-www-form-urlencoded');
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('Votre envoi est illisible.');
    expect(commentTree(service.dir)).toEqual(before);
    const latin1 = Buffer.from('{"text":"caf\xe9"}', 'latin1');
    await expectRefusal(
      await fetch(`${service.url}/commentaires/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: latin1,
      }),
      400,
      'invalid_request',
    );
  });

  test('pseudonym_invalid: under 2 or over 30 characters, an e-mail address, or invisible characters', async () => {
    const invisible = ['Jean\u0007', 'Troll\u200B75', '\u2066Troll75\u2069', 'Troll\u00AD75', '\u202Eesrevne'];
    for (const pseudonym of ['', 'A', '  B  ', 'x'.repeat(31), 'jean.dupont@example.fr', ...invisible]) {
      await expectRefusal(await postJson(service, commentFields({ pseudonym })), 400, 'pseudonym_invalid');
    }
  });

  test('text_empty: no text, or only spaces and line breaks', async () => {
    await expectRefusal(await postJson(service, commentFields({ text: ' \r\n\t ' })), 400, 'text_empty');
    const { text: _, ...withoutText } = commentFields();
    await expectRefusal(await postJson(service, withoutText), 400, 'text_empty');
  });

  test('text_too_long: over 2,000 characters, said with French typography', async () => {
    const message = await expectRefusal(
      await postJson(service, commentFields({ text: 'a'.repeat(2001) })),
      400,
      'text_too_long',
    );
    expect(message).toBe(`Votre commentaire dépasse 2${NNBSP}000 caractères.`);
  });

  test('a form of 2,000 characters that take three bytes each is not too large', async () => {
    const response = await fetch(`${service.url}/commentaires/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...commentFields({ text: '漢'.repeat(2000) }) }).toString(),
    });
    expect(response.status).toBe(202);
  });

  test('text_unrenderable: Markdown nested too deep for the site to render, which would stop its build', async () => {
    for (const text of [`${'>'.repeat(1900)} x`, `${'- '.repeat(990)} x`]) {
      await expectRefusal(await postJson(service, commentFields({ text })), 400, 'text_unrenderable');
    }
  });

  test('spam_suspected: the hidden website field is filled', async () => {
    await expectRefusal(
      await postJson(service, commentFields({ website: 'http://promo.example' })),
      400,
      'spam_suspected',
    );
  });

  test('origin_forbidden: posted from another site', async () => {
    for (const origin of ['https://ailleurs.example', 'null', 'http://localhost:4322']) {
      const response = await postJson(service, commentFields(), { origin });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      await expectRefusal(response, 403, 'origin_forbidden');
    }
  });

  test('comments_closed: an article whose comments are closed', async () => {
    await expectRefusal(await postJson(service, commentFields({ article: 'test-ferme' })), 403, 'comments_closed');
  });

  test('subscription_required: a subscriber-only article and no session', async () => {
    await expectRefusal(
      await postJson(service, commentFields({ article: 'test-abonnes' })),
      403,
      'subscription_required',
    );
  });

  test('reader_barred: a barred pseudonym, whatever its case, surrounding spaces or compatibility forms', async () => {
    for (const pseudonym of ['Troll75', '  tROLL75 ', 'Null', 'Ｎｕｌｌ', 'ℕull', 'ｎＵＬＬ', 'Ｔｒｏｌｌ７５']) {
      const message = await expectRefusal(await postJson(service, commentFields({ pseudonym })), 403, 'reader_barred');
      expect(message).toBe(
        `Vous ne pouvez plus commenter${NBSP}: vos contributions ont enfreint la charte de modération.`,
      );
    }
  });

  test('article_unknown: no such article, a draft, a scheduled story, or a path that leaves the folder', async () => {
    for (const article of [
      'nexiste-pas',
      'test-brouillon',
      'test-programme',
      '../articles/test-ouvert',
      'Test-Ouvert',
      '',
    ]) {
      await expectRefusal(await postJson(service, commentFields({ article })), 404, 'article_unknown');
    }
  });

  test('reply_unknown: a reply to a comment that is pending, rejected, absent or on another article', async () => {
    for (const replyTo of ['c02', 'c03', 'c99', '../test-ouvert/c01']) {
      await expectRefusal(await postJson(service, commentFields({ replyTo })), 404, 'reply_unknown');
    }
    await expectRefusal(
      await postJson(service, commentFields({ article: 'test-deux-jours', replyTo: 'c01' })),
      404,
      'reply_unknown',
    );
  });

  test('reply_unknown: a published comment dated after the reply, which the build would refuse', async () => {
    const later = new Date(service.clock.now.getTime() + 3_600_000).toISOString();
    writeFileSync(
      join(service.dir, 'comments/test-ouvert/c09.md'),
      `---\narticle: test-ouvert\npseudonym: Rédaction\npublishedAt: ${later}\nstatus: published\n---\n\nPlus tard.\n`,
    );
    before = commentTree(service.dir);
    await expectRefusal(await postJson(service, commentFields({ replyTo: 'c09' })), 404, 'reply_unknown');
  });

  test('payload_too_large: a body over 24 KB, announced or streamed', async () => {
    const text = 'a'.repeat(24 * 1024);
    await expectRefusal(await postJson(service, commentFields({ text })), 413, 'payload_too_large');
    const chunk = new TextEncoder().encode(`"${'a'.repeat(10 * 1024)}"`);
    const streamed = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed, duplex: 'half' };
    await expectRefusal(await fetch(`${service.url}/commentaires/`, init as RequestInit), 413, 'payload_too_large');
  });

  test('unsupported_media_type: neither JSON nor a form', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      await expectRefusal(await postRaw(JSON.stringify(commentFields()), type), 415, 'unsupported_media_type');
    }
  });
});

describe('the rate limit', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService({ perMinute: 1 });
  });
  afterAll(() => service.close());

  test('refuses a second comment within the minute from the same client, saying when to retry', async () => {
    const refusedFirst = await postJson(service, commentFields({ text: '' }));
    expect(refusedFirst.status).toBe(400);
    await accepted(await postJson(service, commentFields({ text: 'Premier.' })));
    const before = commentTree(service.dir);

    service.clock.now = new Date(NOW.getTime() + 20_000);
    const second = await postForm(service, commentFields({ text: 'Second.' }));
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('40');
    expect(await second.text()).toContain(`réessayez dans 40${NBSP}secondes.`);
    expect(commentTree(service.dir)).toEqual(before);

    service.clock.now = new Date(NOW.getTime() + 60_000);
    await accepted(await postJson(service, commentFields({ text: 'Une minute plus tard.' })));
  });
});

describe('subscriber-only articles', () => {
  const secret = 'secret partagé avec le service de connexion';
  const hour = 60 * 60 * 1000;
  const valid = signSession({ subscriber: 'abonne-42', expiresAt: new Date(NOW.getTime() + hour) }, secret);
  let service: TestService;
  beforeAll(async () => {
    service = await startService({ sessionSecret: secret });
  });
  afterAll(() => service.close());

  const onSubscriberArticle = (session: string) => commentFields({ article: 'test-abonnes', session });

  test('accept a comment with a valid session', async () => {
    await accepted(await postJson(service, onSubscriberArticle(valid)));
  });

  test('refuse an empty, forged or expired session', async () => {
    const before = commentTree(service.dir);
    const forged = signSession({ subscriber: 'abonne-42', expiresAt: new Date(NOW.getTime() + hour) }, 'deviné');
    const expired = signSession({ subscriber: 'abonne-42', expiresAt: new Date(NOW.getTime() - 1000) }, secret);
    for (const session of ['', forged, expired, `${valid}x`]) {
      const response = await postJson(service, onSubscriberArticle(session));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('subscription_required');
    }
    expect(commentTree(service.dir)).toEqual(before);
  });

  test('refuse every comment when the service has no secret', async () => {
    const unconfigured = await startService();
    try {
      const response = await postJson(unconfigured, onSubscriberArticle(valid));
      expect(response.status).toBe(403);
    } finally {
      await unconfigured.close();
    }
  });
});

describe('a barred list the service cannot read', () => {
  test('is a server error naming the file, and lets no comment through', async () => {
    const service = await startService();
    try {
      const file = join(service.dir, 'barred.yaml');
      const before = commentTree(service.dir);
      for (const source of [
        '- pseudonym: [Troll75\n',
        'pseudonym: Troll75\n',
        '- since: 2026-11-20\n',
        '---\n- pseudonym: x\n',
        'Troll75\n',
        '- pseudonym: Null\n',
      ]) {
        writeFileSync(file, source);
        const response = await postJson(service, commentFields());
        expect(response.status).toBe(500);
        expect(await response.json()).toEqual({
          error: { code: 'server_error', message: expect.stringContaining('Réessayez') },
        });
        const errors = service.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
        expect(errors.filter((event) => event['event'] === 'error').at(-1)).toMatchObject({ file });
      }
      expect(service.logs.filter((line) => line.includes('"event":"error"')).at(-1)).toContain(
        'entry 1: pseudonym: not read as a name: put it in quotes',
      );
      expect(commentTree(service.dir)).toEqual(before);
      writeFileSync(file, '- pseudonym: 1789\n');
      const numbered = await postJson(service, commentFields({ pseudonym: '1789' }));
      expect(numbered.status).toBe(403);
      writeFileSync(file, '# Personne pour l’instant.\n\n');
      await accepted(await postJson(service, commentFields()));
    } finally {
      await service.close();
    }
  });
});
