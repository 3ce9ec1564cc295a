import type { Nodes, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { type Finding, type Rule, finding } from './problem.ts';
import type { LintSource } from './source.ts';

const doubleSpace: Rule = { id: 'double-space', severity: 'warning' };
const wrongDots: Rule = { id: 'dots', severity: 'warning' };
const backtickApostrophe: Rule = { id: 'backtick-apostrophe', severity: 'warning' };

/** Frontmatter fields a reader sees as text, and whether the site sets their typography. */
const PROSE_FIELDS: ReadonlyMap<string, 'typeset' | 'as typed'> = new Map([
  ['title', 'typeset'],
  ['kicker', 'typeset'],
  ['standfirst', 'typeset'],
  ['description', 'typeset'],
  ['image.caption', 'typeset'],
  // Read out by screen readers and printed as typed.
  ['image.alt', 'as typed'],
  ['image.credit', 'as typed'],
]);

/**
 * Dots the typesetter cannot turn into « … »: it changes exactly three. Where text is printed
 * as typed, three dots stay three dots too.
 */
const DOTS: readonly { pattern: RegExp; message: string; where?: 'as typed' }[] = [
  {
    pattern: /\b[Ee]tc\.?[ \u00A0]?(?:\.{2,}|…)/g,
    message: '« etc. » ne prend pas de points de suspension : écrivez « etc. »',
  },
  {
    pattern: /(?<![Ee]tc)(?:\.{4,}|…\.+|\.+…|……+)/g,
    message: 'plus de trois points : écrivez trois points ... (le site en fait « … »), sans point final',
  },
  {
    pattern: /(?<![.…]|[Ee]tc)\.\.(?![.…])/g,
    message: 'deux points de suite : écrivez un point, ou trois ... pour des points de suspension',
  },
  { pattern: /\.(?:[ \u00A0]\.){2,}/g, message: 'points espacés : écrivez ... sans espaces (le site en fait « … »)' },
  {
    pattern: /(?<![.…])\.\.\.(?![.…])/g,
    message: 'ce texte est imprimé tel quel : écrivez le caractère « … » plutôt que trois points',
    where: 'as typed',
  },
];

/** A space typed twice between two words: invisible on screen, but often where a word was cut. */
const DOUBLE_SPACE = /(?<=\S)[ \u00A0]{2,}(?=\S)/g;

/** An apostrophe typed as a grave or acute accent inside a word: « l`État », « aujourd´hui ». */
const BACKTICK = /\p{L}[`´]\p{L}/gu;

function scan(
  text: string,
  where: 'typeset' | 'as typed',
  report: (index: number, rule: Rule, message: string) => void,
) {
  for (const dots of DOTS) {
    if (dots.where !== undefined && dots.where !== where) continue;
    for (const match of text.matchAll(dots.pattern)) report(match.index, wrongDots, dots.message);
  }
  for (const match of text.matchAll(DOUBLE_SPACE)) {
    const before = text.slice(0, match.index).split(/\s/).at(-1);
    const after = text.slice(match.index + match[0].length).split(/\s/)[0];
    report(
      match.index,
      doubleSpace,
      `deux espaces entre « ${before} » et « ${after} » : n’en laissez qu’une (un mot a-t-il été coupé ?)`,
    );
  }
}

function backtickMessage(word: string): string {
  return `« ${word} » : l’apostrophe est tapée comme un accent ; tapez ' (le site en fait « ’ »)`;
}

/** The word around an apostrophe-like mark, to quote it. */
const wordAt = (text: string, index: number) =>
  (text.slice(0, index + 2).match(/[\p{L}`´]*$/u)?.[0] ?? '') + (text.slice(index + 2).match(/^\p{L}*/u)?.[0] ?? '');

export function checkMarks(source: LintSource): Finding[] {
  const findings: Finding[] = [];
  for (const field of source.fields) {
    const where = PROSE_FIELDS.get(field.path);
    if (where === undefined || typeof field.value !== 'string') continue;
    const value = field.value;
    scan(value, where, (_, rule, message) => findings.push(finding(rule, field.line, field.path, message)));
    for (const match of value.matchAll(BACKTICK)) {
      findings.push(finding(backtickApostrophe, field.line, field.path, backtickMessage(wordAt(value, match.index))));
    }
  }
  visit(source.body, 'text', (node: Text) => {
    const start = node.position?.start.line ?? source.bodyStart;
    scan(node.value, 'typeset', (index, rule, message) => {
      const line = start + (node.value.slice(0, index).match(/\n/g)?.length ?? 0);
      findings.push(finding(rule, line, 'body', message));
    });
  });
  // Read from the lines as typed: a pair of backticks would have made code of the words
  // between them, where no text node shows them.
  const code = new Set<number>();
  visit(source.body, (node: Nodes) => {
    if (node.type !== 'code' && node.type !== 'html') return;
    for (let line = node.position?.start.line ?? 0; line <= (node.position?.end.line ?? -1); line++) code.add(line);
  });
  source.lines.forEach((text, index) => {
    const line = index + 1;
    if (line < source.bodyStart || code.has(line)) return;
    for (const match of text.matchAll(BACKTICK)) {
      findings.push(finding(backtickApostrophe, line, 'body', backtickMessage(wordAt(text, match.index))));
    }
  });
  return findings;
}
