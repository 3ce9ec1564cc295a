import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { samePseudonym } from '../../src/lib/pseudonyms.ts';
import { ModerationError } from './errors.ts';
import { parseYaml, yamlScalar } from './frontmatter.ts';
import { oneLine } from './text.ts';

/** `<root>/barred.yaml`, the pseudonyms the comment service refuses (docs/comments.md). */
export const barredFile = (root: string) => join(root, 'barred.yaml');

/**
 * The entries of a barred list's text; `undefined` when the text is YAML but not a list.
 * Throws YAML's own error when it is not YAML.
 */
export function parseBarred(text: string): unknown[] | undefined {
  const parsed = parseYaml(text);
  // `parseYaml` wraps the document as frontmatter, so an empty file reads as `{}`.
  if (parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0)) {
    return [];
  }
  return Array.isArray(parsed) ? parsed : undefined;
}

/** The list's text and entries; a missing file is an empty list. */
export function readBarred(root: string): { text: string | null; entries: unknown[] } {
  const path = barredFile(root);
  if (!existsSync(path)) return { text: null, entries: [] };
  const text = readFileSync(path, 'utf8');
  let entries: unknown[] | undefined;
  try {
    entries = parseBarred(text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ModerationError(`${path} n'est pas du YAML valide (${reason}) ; corrigez-le à la main`, {
      kind: 'needs-hand',
      file: 'barred-list',
    });
  }
  if (entries === undefined) {
    throw new ModerationError(`${path} devrait être une liste d'entrées « - pseudonym: … » ; corrigez-le à la main`, {
      kind: 'needs-hand',
      file: 'barred-list',
    });
  }
  return { text, entries };
}

/** The pseudonym of an entry, if it has one: `pseudonym: 1789` is a name too. */
export function pseudonymOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const value: unknown = (entry as Record<string, unknown>)['pseudonym'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A new entry of the list: why, since when (`YYYY-MM-DD`), and who decided. */
export interface BarredEntry {
  reason: string;
  since: string;
  by: string;
}

/**
 * The list with one more entry at the end, the text before it kept byte for byte; or, when
 * the pseudonym is already on it, its spelling there.
 */
export function appendBarred(
  current: { text: string | null; entries: unknown[] },
  shown: string,
  pseudonym: string,
  { reason, since, by }: BarredEntry,
): { text: string } | { already: string } {
  const name = oneLine(pseudonym);
  if ([...name].length < 2 || [...name].length > 30) {
    throw new ModerationError(
      `pseudonyme « ${name} » : un pseudonyme a de 2 à 30 caractères ; vérifiez l'orthographe`,
      { kind: 'bad-name', who: 'pseudonym' },
    );
  }
  const already = current.entries.find((entry) => {
    const other = pseudonymOf(entry);
    return other !== undefined && samePseudonym(other, name);
  });
  if (already !== undefined) return { already: oneLine(pseudonymOf(already) ?? name) };
  const text = current.text ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entry = [
    `- pseudonym: ${yamlScalar(name)}`,
    `  since: ${since}`,
    `  reason: ${yamlScalar(reason)}`,
    `  by: ${yamlScalar(by)}`,
  ];
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  const result = `${text}${separator}${entry.join(eol)}${eol}`;
  // The appended entry must read back as written: a list in flow style (`[]`) would not.
  let after: unknown;
  try {
    after = parseYaml(result);
  } catch {
    after = undefined;
  }
  const last = Array.isArray(after) ? (after.at(-1) as Record<string, unknown> | undefined) : undefined;
  const ok =
    Array.isArray(after) &&
    after.length === current.entries.length + 1 &&
    isDeepStrictEqual(after.slice(0, -1), current.entries) &&
    last?.['pseudonym'] === name &&
    last['reason'] === reason &&
    last['by'] === by;
  if (!ok)
    throw new ModerationError(
      `${shown} est écrit d'une façon où une entrée ne peut pas être ajoutée à la fin ; ajoutez-la à la main`,
      { kind: 'needs-hand', file: 'barred-list' },
    );
  return { text: result };
}
