import { describe, expect, test } from 'vitest';
import { lintFile } from '../../../src/lib/content-lint/lint-file';
import { lint, plain } from './lint';

/** French text of exactly `length` characters. */
function text(length: number): string {
  return `${'Les ménages paieront moins cher leur électricité, '.repeat(Math.ceil(length / 50)).slice(0, length - 1)}.`;
}

const article = (field: string, value: string) =>
  [
    '---',
    field === 'title' ? `title: "${value}"` : 'title: Le tarif réglementé baissera en février',
    field === 'kicker' ? `kicker: "${value}"` : 'kicker: DÉCRYPTAGE.',
    field === 'standfirst' ? `standfirst: "${value}"` : 'standfirst: Une baisse de 4 % est proposée.',
    'section: economie',
    'source: AFP',
    'publishedAt: 2026-11-28T17:05:00+01:00',
    '---',
    '',
    'Un paragraphe.',
  ].join('\n');

const page = (field: string, value: string) =>
  [
    '---',
    field === 'title' ? `title: "${value}"` : 'title: Mentions légales',
    field === 'description' ? `description: "${value}"` : 'description: Qui publie Kiosque et comment le joindre.',
    'updatedAt: 2026-11-01',
    '---',
    '',
    'Texte.',
  ].join('\n');

const ARTICLE = 'content/articles/tarif-electricite.md';
const PAGE = 'content/pages/mentions-legales.md';

/** Each field with its line, its house-style limit (a warning past it) and its hard cap (an error). */
const cases = [
  { file: ARTICLE, make: article, field: 'title', line: 2, advised: 100, cap: 200 },
  { file: ARTICLE, make: article, field: 'kicker', line: 3, advised: 20, cap: 40 },
  { file: ARTICLE, make: article, field: 'standfirst', line: 4, advised: 250, cap: 600 },
  { file: PAGE, make: page, field: 'title', line: 2, advised: 100, cap: 200 },
  { file: PAGE, make: page, field: 'description', line: 3, advised: 160, cap: 320 },
];

describe.each(cases)('$field in $file', ({ file, make, field, line, advised, cap }) => {
  test(`${field}-long: a warning past ${advised} characters`, () => {
    expect(lint(make(field, text(advised + 1)), file)).toEqual([`${file}:${line}: ${field}: warning ${field}-long`]);
    expect(lint(make(field, text(advised)), file)).toEqual([]);
  });

  test(`${field}-too-long: an error past ${cap} characters`, () => {
    expect(lint(make(field, text(cap + 1)), file)).toEqual([`${file}:${line}: ${field}: error ${field}-too-long`]);
    expect(lint(make(field, text(cap)), file)).toEqual([`${file}:${line}: ${field}: warning ${field}-long`]);
  });
});

test('a length is counted as a reader counts it: an accented letter or an emoji is one character', () => {
  const title = `${text(99)}🙂`;
  expect(lint(article('title', title), ARTICLE)).toEqual([]);
  expect(plain(lintFile(ARTICLE, article('title', `${title}é`)).findings[0]?.message)).toMatch(
    /101 signes ; la maison en vise 100 au plus/,
  );
});
