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

const shortRelative = new Intl.RelativeTimeFormat('fr', { style: 'short', numeric: 'always' });
const longRelative = new Intl.RelativeTimeFormat('fr', { style: 'long', numeric: 'always' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, the way a French newsroom says it: « il y a 40 s », « il y a 12 min »,
 * « il y a 3 h » (short units under a day), then « il y a 2 jours », « il y a 3 mois »,
 * « il y a 1 an » (whole words). Always a number, never « hier », whose meaning depends on the
 * hour. A date in the future (a clock ahead) reads « dans 5 min ».
 */
export function relativeAge(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  const size = Math.abs(elapsed);
  const sign = elapsed >= 0 ? -1 : 1;
  const count = (unit: number) => sign * Math.floor(size / unit);
  if (size < MINUTE) return shortRelative.format(count(1000), 'second');
  if (size < HOUR) return shortRelative.format(count(MINUTE), 'minute');
  if (size < DAY) return shortRelative.format(count(HOUR), 'hour');
  if (size < 30 * DAY) return longRelative.format(count(DAY), 'day');
  if (size < 365 * DAY) return longRelative.format(count(30 * DAY), 'month');
  return longRelative.format(count(365 * DAY), 'year');
}

/** A word quoted for a POSIX shell, so that a suggested command can be pasted as printed. */
export function shellQuote(word: string): string {
  return /^[\w./@:=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
