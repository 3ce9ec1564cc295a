import { expect, test } from 'vitest';
import { article, lint, messages } from './lint';

const FILE = 'content/articles/tarif-electricite.md';
/** The body starts on line 9 (`article`). */
const body = (...lines: string[]) => article([], lines);

test('heading-h1: a second `h1` in the page is an error', () => {
  expect(lint(body('Un paragraphe.', '', '# Une baisse attendue'))).toEqual([`${FILE}:11: body: error heading-h1`]);
  expect(lint(body('Un paragraphe.', '', 'Une baisse attendue', '==='))).toEqual([
    `${FILE}:11: body: error heading-h1`,
  ]);
  expect(lint(body('Un paragraphe.', '', '## Une baisse attendue'))).toEqual([]);
});

test('heading-skip: a level skipped is a warning naming the level to write', () => {
  const bad = body('Un paragraphe.', '', '## Une baisse', '', 'Texte.', '', '#### Pour qui');
  expect(lint(bad)).toEqual([`${FILE}:15: body: warning heading-skip`]);
  expect(messages(bad)[0]).toMatch(/écrivez ###/);
  expect(lint(body('## Une baisse', '', 'Texte.', '', '### Pour qui', '', '## Et après'))).toEqual([]);
  expect(lint(body('### Une baisse'))).toEqual([`${FILE}:9: body: warning heading-skip`]);
});

test('heading-capitals: an intertitle in capitals is a warning; an acronym is not', () => {
  const bad = body('Un paragraphe.', '', '## LA CRE PROPOSE UNE BAISSE');
  expect(lint(bad)).toEqual([`${FILE}:11: body: warning heading-capitals`]);
  expect(messages(bad)[0]).toContain('« La cre propose une baisse »');
  expect(lint(body('Un paragraphe.', '', '## La CRE propose une baisse'))).toEqual([]);
  expect(lint(body('Un paragraphe.', '', '## COP31'))).toEqual([]);
});
