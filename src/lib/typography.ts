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
 * Web and e-mail addresses in running text: kept exactly as typed, never typeset. An e-mail
 * address is looked for only where a word starts: tried from every letter of a long word, the
 * search would grow with the square of its length.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>«»"]*[^\s<>«»".,;:!?)\]]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

const numbers = new Intl.NumberFormat('fr-FR');

/** A number as a French reader expects it, grouped by thousands: « 12 000 », « 1 234 ». */
export function formatNumber(value: number | bigint): string {
  return numbers.format(value);
}

/** A five-digit number followed by a capitalised word is a postal code (« 75001 Paris »). */
const POSTAL_CODE_AFTER = /^[ \u00A0]\p{Lu}/u;

/**
 * Groups the digits of a whole number of five digits or more (« 12000 » → « 12 000 »). Four
 * digits stay as written: French allows « 1500 », and years must never read « 2 026 ». A
 * number glued to a letter, a slash, a hyphen or a sign (a reference, an address, a
 * decimal part) or starting with 0 is an identifier, not a quantity.
 */
function groupDigits(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}_.,/#=&:+-])[1-9]\d{4,}(?![\p{L}\p{N}_])/gu, (digits, offset: number) =>
    digits.length === 5 && POSTAL_CODE_AFTER.test(text.slice(offset + 5)) ? digits : formatNumber(BigInt(digits)),
  );
}

/** Units and multipliers that must not begin a line away from their number: « 1,5 gigawatt ». */
const UNIT_AFTER_NUMBER =
  /(\d) (?=(?:millions?|milliards?|milliers?|euros?|dollars?|centimes?|kilomètres?|km|mètres?|kilos?|kg|tonnes?|gigawatts?|mégawatts?|GW|MW|kWh|TWh|degrés?|°C|ans|mois|jours?|heures?|minutes?|semaines?|habitants?|personnes?)(?!\p{L}))/gu;

/**
 * The spacing and the small forms of French print, on text whose marks are already French:
 * - a no-break space inside « » and before a colon; a narrow one before ; ! ? (an existing
 *   space is replaced; a missing one is added only before ! and ? at the end of a word: a
 *   colon or semicolon is never touched without a space before it, so « 17:05 », URLs and
 *   « &amp; » stay intact, and a ? followed by text, as in a query string, stays glued);
 * - « 17h05 », « 17 h » written with no-break spaces: « 17 h 05 »;
 * - thousands grouped with a narrow no-break space, the one `Intl` uses for fr-FR: « 12 000 »;
 *   a narrow no-break space before % and €, a no-break space before a unit or a multiplier
 *   (« 4,2 millions », « 25 euros »);
 * - ordinals in their short French forms, on the line: « 2e », « 1re » (not « 2ème », « 1ère »);
 *   « 1er » stays, and no superscript is added, so that titles and interface strings read
 *   the same as the body.
 */
export function frenchSpacing(text: string): string {
  return groupDigits(
    text
      .replace(/«[ \t\u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \t\u00A0\u202F]*»/g, `${NBSP}»`)
      .replace(/[ \t\u00A0\u202F]+([;!?])/g, `${NNBSP}$1`)
      .replace(/([\p{L}\p{N}»)])([!?]+)(?=[\s»)\]]|$)/gu, `$1${NNBSP}$2`)
      .replace(/[ \t\u202F]+:/g, `${NBSP}:`),
  )
    .replace(
      /(?<![\p{L}\p{N}.,])([01]?\d|2[0-3])[ \u00A0]?h(?:[ \u00A0]?([0-5]\d))?(?![\p{L}\p{N}])/gu,
      (_, hour: string, minute: string | undefined) =>
        `${hour}${NBSP}h${minute === undefined ? '' : `${NBSP}${minute}`}`,
    )
    .replace(
      /(?<![\p{L}\p{N}.,])(\d{1,3})((?:[ \u00A0]\d{3})+)(?![\p{N}])/gu,
      (_, head: string, groups: string) => `${head}${groups.replace(/[ \u00A0]/g, NNBSP)}`,
    )
    .replace(/(\d)[ \u00A0]?([%€])/g, `$1${NNBSP}$2`)
    .replace(UNIT_AFTER_NUMBER, `$1${NBSP}`)
    .replace(/(?<![\p{L}\p{N}])1(?:ère|ere)(s?)(?![\p{L}\p{N}])/gu, '1re$1')
    .replace(/(?<![\p{L}\p{N}])(\d+)(?:ème|ième|eme|ieme)(s?)(?![\p{L}\p{N}])/gu, '$1e$2');
}

/**
 * A message spaced the French way (`frenchSpacing`) in its own words only: what is put in it
 * (a file name, an address, a title as typed) is left exactly as it is, so that
 * french`${path} existe déjà : …` never turns the « 24h » of a path into « 24 h ».
 */
export function french(words: TemplateStringsArray, ...values: unknown[]): string {
  return words.reduce(
    (text, part, index) => text + frenchSpacing(part) + (index < values.length ? String(values[index]) : ''),
    '',
  );
}

/**
 * Sets running text the French way: typewriter marks become French ones (`frenchMarks`), then
 * the spacing and small forms (`frenchSpacing`). Web and e-mail addresses are left exactly as
 * typed. `before` is the character that precedes `text` in the document.
 */
export function typeset(text: string, before = ''): string {
  let result = '';
  let previous = before;
  let start = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const prose = text.slice(start, match.index);
    result += frenchSpacing(frenchMarks(prose, previous)) + match[0];
    previous = match[0].at(-1) ?? previous;
    start = match.index + match[0].length;
  }
  return result + frenchSpacing(frenchMarks(text.slice(start), start === 0 ? before : previous));
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
