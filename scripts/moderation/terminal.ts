import { markControls, oneLine } from '../../services/moderation/text.ts';

/** Untrusted text made safe to print over several lines, keeping its line breaks. */
export function manyLines(text: string): string {
  return markControls(text.replace(/\r\n/g, '\n').replace(/\t/g, '  '));
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** The start of a text on one line, at most `max` characters as a reader counts them, with « … » when cut. */
export function excerpt(text: string, max = 70): string {
  const line = oneLine(text);
  const parts = [...graphemes.segment(line)].map((part) => part.segment);
  if (parts.length <= max) return line;
  return `${parts
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** A word quoted for a POSIX shell, so that a suggested command can be pasted as printed. */
export function shellQuote(word: string): string {
  return /^[\w./@:=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
