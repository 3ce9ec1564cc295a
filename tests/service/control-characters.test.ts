import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ARTICLE,
  commentFields,
  commentTree,
  postForm,
  postJson,
  readComment,
  startService,
  type TestService,
} from './helpers.ts';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

/** Characters a paste brings and no reader types, by the name a reader of the tests knows them. */
const REMOVED: Record<string, string> = {
  NUL: '\u0000',
  'START OF HEADING': '\u0001',
  BEL: '\u0007',
  BS: '\u0008',
  'SHIFT OUT': '\u000E',
  ESC: '\u001B',
  'UNIT SEPARATOR': '\u001F',
  DEL: '\u007F',
  'C1 PADDING': '\u0080',
  'C1 CSI': '\u009B',
  'C1 APC': '\u009F',
  'LEFT-TO-RIGHT EMBEDDING': '\u202A',
  'RIGHT-TO-LEFT EMBEDDING': '\u202B',
  'POP DIRECTIONAL FORMATTING': '\u202C',
  'LEFT-TO-RIGHT OVERRIDE': '\u202D',
  'RIGHT-TO-LEFT OVERRIDE': '\u202E',
  'LEFT-TO-RIGHT ISOLATE': '\u2066',
  'RIGHT-TO-LEFT ISOLATE': '\u2067',
  'FIRST STRONG ISOLATE': '\u2068',
  'POP DIRECTIONAL ISOLATE': '\u2069',
};

/** Controls that break a line, as a PDF's page break does: the reader meant a new line. */
const LINE_BREAKS: Record<string, string> = { 'VERTICAL TAB': '\u000B', 'FORM FEED': '\u000C', NEL: '\u0085' };

/** Posts the text and reads the one file it wrote, whether the answer was JSON or a page. */
async function written(post: () => Promise<Response>): Promise<{ source: string; body: string }> {
  const before = new Set(commentTree(service.dir));
  expect((await post()).status).toBe(202);
  const added = commentTree(service.dir).filter((path) => !before.has(path));
  expect(added).toHaveLength(1);
  return readComment(service.dir, ARTICLE, added[0]!.replace(/^.*\/(.*)\.md$/, '$1'));
}

describe.each([
  ['JSON', (text: string) => postJson(service, commentFields({ text }))],
  ['a form', (text: string) => postForm(service, commentFields({ text }), { accept: 'text/html' })],
])('a text sent as %s', (_, post) => {
  test.each(Object.entries(REMOVED))('loses its %s, and the file never holds it', async (_name, character) => {
    const { source, body } = await written(() => post(`Copié${character} d’un PDF${character}${character}.`));
    expect(body).toBe('Copié d’un PDF.');
    expect(source).not.toContain(character);
  });

  test.each(Object.entries(LINE_BREAKS))('turns a %s into a line break', async (_name, character) => {
    const { source, body } = await written(() => post(`Page 1${character}Page 2`));
    expect(body).toBe('Page 1\nPage 2');
    expect(source).not.toContain(character);
  });

  test('keeps tabs and line breaks, and a right-to-left text as typed', async () => {
    const text = 'Colonne\tvaleur\r\nشكرا على المقال\u200F\nלילה טוב';
    expect((await written(() => post(text))).body).toBe('Colonne\tvaleur\nشكرا على المقال\u200F\nלילה טוב');
  });

  test('made of nothing else is empty', async () => {
    const before = commentTree(service.dir);
    const response = await post('\u0000\u001B\u202E\u0007');
    expect(response.status).toBe(400);
    expect(commentTree(service.dir)).toEqual(before);
  });
});

test('no file written holds a NUL, whatever was sent', () => {
  for (const path of commentTree(service.dir)) {
    expect(readFileSync(join(service.dir, path)).includes(0)).toBe(false);
  }
});
