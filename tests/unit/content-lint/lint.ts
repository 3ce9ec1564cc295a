import { lintFile } from '../../../src/lib/content-lint/lint-file';

/** The first six lines of every test article: a valid frontmatter an editor could have written. */
const HEAD = [
  '---',
  'title: Le tarif réglementé de l’électricité baissera en février',
  'standfirst: La Commission de régulation de l’énergie propose une baisse de 4 % au 1er février.',
  'section: economie',
  'source: AFP',
  'publishedAt: 2026-11-28T17:05:00+01:00',
];

/**
 * An article: the six lines of `HEAD`, then `front` from line 7, the closing `---`, a blank
 * line and `body`. With no `front`, the body starts on line 9.
 */
export function article(front: readonly string[], body: readonly string[] = ['Un paragraphe.']): string {
  return [...HEAD, ...front, '---', '', ...body, ''].join('\n');
}

/** What an editor reads of each problem, and its severity and rule: `file:line: field: severity rule`. */
export function lint(text: string, file = 'content/articles/tarif-electricite.md'): string[] {
  return lintFile(file, text).findings.map(
    (found) => `${file}:${found.line}: ${found.field}: ${found.severity} ${found.rule}`,
  );
}

/** A message with plain spaces where it has no-break ones, to compare it with what a test types. */
export const plain = (message: string | undefined) => message?.replace(/[\u00A0\u202F]/g, ' ');

/** The messages, with plain spaces, to check that they say what to write instead. */
export function messages(text: string, file = 'content/articles/tarif-electricite.md'): (string | undefined)[] {
  return lintFile(file, text).findings.map((found) => plain(found.message));
}
