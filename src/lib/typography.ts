/** Narrow no-break space (U+202F), set before ; ! ? in French. */
export const NNBSP = '\u202F';
/** No-break space (U+00A0), set before : and inside « ». */
export const NBSP = '\u00A0';

/** After these a straight double quote opens a quotation. */
const OPENS_AFTER = /[\s([{«\u2014\u2013-]/;
/** After these it closes one: the end of a word or of a sentence. */
const CLOSES_AFTER = /[\p{L}\p{N}.,;:!?…)\]»]/u;

function opens(previous: string, next: string): boolean {
  if (previous === '' || OPENS_AFTER.test(previous)) return true;
  return !CLOSES_AFTER.test(previous) && /[\p{L}\p{N}]/u.test(next);
}

/**
 * Turns typewriter marks into French ones: "…" into «…», ' into ’, ... into …. `before` is the
 * character that precedes `text` in the document (prose is cut into pieces by emphasis and
 * links), so that a quote right after an emphasis closes rather than opens.
 */
export function frenchMarks(text: string, before = ''): string {
  let result = '';
  let previous = before;
  const chars = [...text];
  chars.forEach((char, index) => {
    if (char === '"') result += opens(previous, chars[index + 1] ?? '') ? '«' : '»';
    else if (char === "'") result += '’';
    else result += char;
    previous = char;
  });
  return result.replace(/\.\.\./g, '…');
}

/**
 * Sets running text the French way: typewriter marks become French ones (`frenchMarks`), then
 * the spacing: a no-break space inside « » and before a colon,
 * a narrow no-break space before ; ! ?. An existing ordinary space is replaced; a missing one
 * is added only before ! and ? at the end of a word: a colon or semicolon is never touched
 * without a space before it, so « 17:05 », URLs and « &amp; » stay intact, and a ? followed
 * by text, as in a query string, stays glued.
 */
export function typeset(text: string, before = ''): string {
  return frenchMarks(text, before)
    .replace(/«[ \t\u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \t\u00A0\u202F]*»/g, `${NBSP}»`)
    .replace(/[ \t\u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
    .replace(/([\p{L}\p{N}»)])([!?]+)(?=[\s»)\]]|$)/gu, `$1${NNBSP}$2`)
    .replace(/[ \t\u202F]+:/g, `${NBSP}:`);
}

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

/** Counts characters as a reader sees them: an emoji or an accented letter is one. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** The first `max` characters of `text` as a reader counts them, never half an emoji. */
export function truncateVisible(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === max) break;
    kept += segment;
    count++;
  }
  return kept;
}

/**
 * Whether `text` is longer than `max` characters as a reader counts them. A text of at most
 * `max` UTF-16 units cannot be, so most texts are answered without segmenting them.
 */
export function isLongerThan(text: string, max: number): boolean {
  return text.length > max && visibleLength(text) > max;
}
