import { afterEach, expect, test, vi } from 'vitest';
import { NBSP } from '../../src/lib/typography.ts';
import { NOW, commentFields, commentTree, postJson, startService, type TestService } from './helpers.ts';

let service: TestService | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await service?.close();
});

async function refusedWith(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe(code);
  return error.message;
}

test('a client over its limit is refused before its text is even checked', async () => {
  service = await startService({ perMinute: 1 });
  expect((await postJson(service, commentFields({ text: 'Premier.' }))).status).toBe(202);
  const before = commentTree(service.dir);
  for (const text of ['', ':::a\n'.repeat(390), `${'>'.repeat(1999)}a`]) {
    const response = await postJson(service, commentFields({ text }));
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await refusedWith(response, 429, 'rate_limited')).toBe(
      `Vous avez déjà envoyé un commentaire il y a peu${NBSP}: réessayez dans 60${NBSP}secondes.`,
    );
  }
  expect(commentTree(service.dir)).toEqual(before);
});

test('a client refused again and again is stopped for the minute, even with a valid comment', async () => {
  service = await startService({ perMinute: 1 });
  // A reader correcting a text has room for ten tries a minute: the limit times ten.
  for (let attempt = 1; attempt <= 10; attempt++) {
    service.clock.now = new Date(NOW.getTime() + attempt * 1000);
    await refusedWith(await postJson(service, commentFields({ pseudonym: 'X' })), 400, 'pseudonym_invalid');
  }
  // The first try, at +1 s, leaves the window at +61 s.
  const eleventh = await postJson(service, commentFields());
  expect(eleventh.headers.get('retry-after')).toBe('51');
  expect(await refusedWith(eleventh, 429, 'rate_limited')).toBe(
    `Vous avez fait beaucoup d’envois en peu de temps${NBSP}: réessayez dans 51${NBSP}secondes.`,
  );
  service.clock.now = new Date(NOW.getTime() + 61_000);
  expect((await postJson(service, commentFields())).status).toBe(202);
});

test('Markdown nested too deep is refused without a stack trace on stderr', async () => {
  service = await startService();
  const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  for (const text of [`${'>'.repeat(1999)}a`, ':::a\n'.repeat(390), `${'- '.repeat(990)} x`]) {
    await refusedWith(await postJson(service, commentFields({ text })), 400, 'text_unrenderable');
  }
  expect(printed).not.toHaveBeenCalled();
});

test('a quoted e-mail thread, lists and blocks as readers write them are still accepted', async () => {
  service = await startService();
  const thread = Array.from({ length: 12 }, (_, depth) => `${'> '.repeat(depth + 1)}Message ${depth + 1}.`).join('\n');
  const lists = '- Un\n  - Deux\n    1. Trois\n       - Quatre\n\n> - cité\n>   > et recité';
  // Separators drawn long: rules to CommonMark, however many dashes or stars they have.
  const rules = `Avant.\n\n${'- '.repeat(40).trim()}\n\n> Cité.\n> ${'* '.repeat(40).trim()}\n\nAprès.`;
  for (const text of [thread, lists, ':::note\nUn encadré.\n:::\n\nFin.', rules]) {
    expect((await postJson(service, commentFields({ text }))).status).toBe(202);
  }
});
