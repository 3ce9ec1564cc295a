import { isDeepStrictEqual } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isoParis } from '../../src/lib/dates.ts';
import { ModerationError } from './errors.ts';

/**
 * A value this tool writes into YAML: one-line text, a boolean, or a moment, written as a
 * timestamp in Paris time to the second (`2026-11-29T14:15:07+01:00`), which the site's parser
 * reads back as a `Date`.
 */
export type YamlValue = string | boolean | Date;

/**
 * One change to a frontmatter field: a value to set, `undefined` to remove the field, or an
 * entry to add at the end of a list (created, last in the frontmatter, when missing).
 */
export type FieldChange =
  | {
      key: string;
      value: YamlValue | undefined;
      /** Where a new field goes: after this field when present, otherwise last. */
      after?: string;
    }
  | { key: string; append: Readonly<Record<string, YamlValue>> };

/**
 * Parses a YAML document with the same parser as the site (js-yaml, through Astro's helper),
 * which reads frontmatter only: the document is wrapped in `---` lines. A `---` or `...` line
 * inside would cut it short, so it is refused, as the comment service refuses it in
 * `barred.yaml`.
 */
export function parseYaml(yaml: string): unknown {
  if (/^(---|\.\.\.)[ \t]*\r?$/m.test(yaml)) throw new Error('a line --- or ... splits the file');
  return parseFrontmatter(`---\n${yaml}\n---\n`).frontmatter;
}

/**
 * One value as YAML: plain when it reads back identical (`Propos injurieux`), otherwise in
 * single quotes (`'#1 : oui'`, `'true'`, `'2026-11-20'`), so that a reason or a pseudonym is
 * always read back as the same text. Line breaks are refused: callers pass one line.
 */
export function yamlScalar(value: YamlValue): string {
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return parisTimestamp(value);
  if (/[\r\n]/.test(value)) throw new Error('yamlScalar: one line only');
  const plain = value === value.trim() && value !== '' && !value.includes('#');
  if (plain) {
    try {
      if (isDeepStrictEqual(parseYaml(`v: ${value}`), { v: value })) return value;
    } catch {
      // Not valid as plain YAML: quote it.
    }
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/** Paris time to the second with its offset; a `Date` with milliseconds would not read back equal. */
function parisTimestamp(date: Date): string {
  if (date.getMilliseconds() !== 0) throw new Error('yamlScalar: a moment to the second');
  const seconds = String(date.getUTCSeconds()).padStart(2, '0');
  return isoParis(date).replace(/(T\d{2}:\d{2})/, `$1:${seconds}`);
}

/** A list entry as block YAML lines, `indent` being where its `-` goes. */
function itemLines(entry: Readonly<Record<string, YamlValue>>, indent: string, eol: string): string[] {
  return Object.entries(entry).map(
    ([key, value], index) => `${indent}${index === 0 ? '- ' : '  '}${key}: ${yamlScalar(value)}${eol}`,
  );
}

/** A top-level `key:` line of a YAML mapping. */
const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)/;

interface Entry {
  key: string;
  /** Index of the key's line, and one past its last continuation line. */
  start: number;
  end: number;
}

/** The top-level fields of a frontmatter block, each with its continuation lines (indented, or a list under it). */
function entries(lines: readonly string[]): Entry[] {
  const found: Entry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_LINE.exec(lines[i]!)?.[1];
    if (key === undefined) continue;
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (/^[ \t]/.test(line) && line.trim() !== '') end = j + 1;
      else if (/^-(\s|$)/.test(line)) end = j + 1;
      else if (line.trim() !== '') break;
    }
    found.push({ key, start: i, end });
    i = end - 1;
  }
  return found;
}

/**
 * Changes frontmatter fields line by line and leaves every other byte of the file as it was:
 * the other fields, their quoting and comments, the line endings, the body. The result is
 * parsed again and must differ from the original in exactly the fields asked for; anything
 * else (a field written on several lines in a way this does not follow, TOML frontmatter)
 * is refused with the file named, to be edited by hand.
 */
export function editFrontmatter(source: string, shown: string, changes: readonly FieldChange[]): string {
  const refuse = (what: string) =>
    new ModerationError(`${shown} : ${what} ; modifiez l'en-tête à la main ou corrigez le fichier`, {
      kind: 'needs-hand',
      file: 'comment',
    });
  const lines = source.split(/(?<=\n)/);
  const opening = /^\uFEFF?---[ \t]*\r?\n$/;
  const closing = /^---[ \t]*(\r?\n)?$/;
  if (lines.length === 0 || !opening.test(lines[0]!)) throw refuse("la première ligne n'est pas ---");
  const close = lines.findIndex((line, index) => index > 0 && closing.test(line));
  if (close === -1) throw refuse("pas de ligne --- qui ferme l'en-tête");
  const eol = lines[0]!.endsWith('\r\n') ? '\r\n' : '\n';
  let block = lines.slice(1, close);
  const before = parse(source, refuse);
  const current = before.frontmatter;

  for (const change of changes) {
    if ('append' in change) {
      block = appendItem(block, change.key, change.append, current[change.key], eol, refuse);
      continue;
    }
    // A field that already holds the value keeps its line as written (quotes, comment).
    if (isDeepStrictEqual(current[change.key], change.value)) continue;
    const present = entries(block).filter((entry) => entry.key === change.key);
    if (present.length > 1) throw refuse(`le champ ${change.key} apparaît plusieurs fois`);
    const existing = present[0];
    if (change.value === undefined) {
      if (existing) block = [...block.slice(0, existing.start), ...block.slice(existing.end)];
      continue;
    }
    if (existing) {
      const ending = /\r?\n$/.exec(block[existing.end - 1]!)?.[0] ?? eol;
      const line = `${change.key}: ${yamlScalar(change.value)}${ending}`;
      block = [...block.slice(0, existing.start), line, ...block.slice(existing.end)];
      continue;
    }
    const line = `${change.key}: ${yamlScalar(change.value)}${eol}`;
    const anchor = entries(block).find((entry) => entry.key === change.after);
    // After the anchor, or after the last line that holds something (not before trailing blank lines).
    const at = anchor?.end ?? block.findLastIndex((candidate) => candidate.trim() !== '') + 1;
    block = [...block.slice(0, at), line, ...block.slice(at)];
  }

  const result = [lines[0]!, ...block, ...lines.slice(close)].join('');
  checkOnlyChanged(before, result, changes, refuse);
  return result;
}

type Refuse = (what: string) => ModerationError;

/**
 * Adds an entry at the end of a block list, indented as the entries already there; a missing
 * list is created last in the frontmatter. A list written another way (`[]`, flow style) comes
 * out invalid or different, and the check after the edit refuses it.
 */
function appendItem(
  block: string[],
  key: string,
  entry: Readonly<Record<string, YamlValue>>,
  current: unknown,
  eol: string,
  refuse: Refuse,
): string[] {
  if (current !== undefined && current !== null && !Array.isArray(current)) {
    throw refuse(`le champ ${key} n'est pas une liste`);
  }
  const present = entries(block).filter((candidate) => candidate.key === key);
  if (present.length > 1) throw refuse(`le champ ${key} apparaît plusieurs fois`);
  const existing = present[0];
  if (existing === undefined) {
    const at = block.findLastIndex((line) => line.trim() !== '') + 1;
    return [...block.slice(0, at), `${key}:${eol}`, ...itemLines(entry, '  ', eol), ...block.slice(at)];
  }
  const first = block.slice(existing.start + 1, existing.end).find((line) => /^[ \t]*-(\s|$)/.test(line));
  const indent = first === undefined ? '  ' : (/^[ \t]*/.exec(first)?.[0] ?? '');
  return [...block.slice(0, existing.end), ...itemLines(entry, indent, eol), ...block.slice(existing.end)];
}

function parse(source: string, refuse: Refuse): ReturnType<typeof parseFrontmatter> {
  try {
    return parseFrontmatter(source);
  } catch {
    throw refuse("l'en-tête n'est pas du YAML valide");
  }
}

/** Parses the edited text and checks that it differs from the original in the changed fields only, body intact. */
function checkOnlyChanged(
  before: ReturnType<typeof parseFrontmatter>,
  edited: string,
  changes: readonly FieldChange[],
  refuse: Refuse,
): void {
  const after = parse(edited, () => refuse("l'en-tête modifié ne serait plus du YAML valide"));
  const expected = new Map(Object.entries(before.frontmatter));
  for (const change of changes) {
    if ('append' in change) {
      const list = expected.get(change.key);
      expected.set(change.key, [...(Array.isArray(list) ? list : []), change.append]);
    } else if (change.value === undefined) expected.delete(change.key);
    else expected.set(change.key, change.value);
  }
  if (!isDeepStrictEqual(after.frontmatter, Object.fromEntries(expected)) || after.content !== before.content) {
    throw refuse("l'en-tête est écrit d'une façon que cet outil ne sait pas modifier sans risque");
  }
}
