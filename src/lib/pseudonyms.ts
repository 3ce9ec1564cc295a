/**
 * Whether two pseudonyms name the same reader, as the comment service and the moderation tool
 * must agree: without regard to case, surrounding spaces, how accents are encoded (`é` as one
 * character or two) or invisible format characters (a barred name written with a zero-width
 * space is still barred).
 */
export function samePseudonym(a: string, b: string): boolean {
  return pseudonymKey(a) === pseudonymKey(b);
}

/** The form under which two pseudonyms of one reader are equal (see `samePseudonym`). */
export function pseudonymKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toLocaleLowerCase('fr');
}
