/** Narrow no-break space (U+202F), set before ; ! ? in French. */
export const NNBSP = '\u202F';
/** No-break space (U+00A0), set before : and inside « ». */
export const NBSP = '\u00A0';

/**
 * Sets running text the French way. A straight apostrophe between letters becomes ’; then
 * the spacing: a no-break space inside « » and before a colon,
 * a narrow no-break space before ; ! ?. An existing ordinary space is replaced; a missing one
 * is added only before ! and ? at the end of a word: a colon or semicolon is never touched
 * without a space before it, so « 17:05 », URLs and « &amp; » stay intact, and a ? followed
 * by text, as in a query string, stays glued.
 */
export function typeset(text: string): string {
  return text
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    .replace(/«[ \t\u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \t\u00A0\u202F]*»/g, `${NBSP}»`)
    .replace(/[ \t\u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
    .replace(/([\p{L}\p{N}»)])([!?]+)(?=[\s»)\]]|$)/gu, `$1${NNBSP}$2`)
    .replace(/[ \t\u202F]+:/g, `${NBSP}:`);
}

/** Counts characters as a reader sees them: an emoji or an accented letter is one. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)) count++;
  return count;
}
