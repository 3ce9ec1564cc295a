/**
 * Whether two pseudonyms name the same reader, as the comment service and the moderation tool
 * must agree: without regard to case, surrounding spaces, how accents are encoded (`é` as one
 * character or two), invisible format characters (a barred name written with a zero-width
 * space is still barred) or compatibility forms (NFKC: `Ｎｕｌｌ` in fullwidth letters, `ℕull`
 * with a mathematical letter, `ﬁ` as a ligature are `Null` and `fi`). Look-alikes from other
 * scripts (a Cyrillic `о` for a Latin `o`) are not caught: their "skeletons" (Unicode TS #39)
 * also make `rn` of `m` and `l` of `1` and `I`, and would bar readers who are someone else.
 */
export function samePseudonym(a: string, b: string): boolean {
  return pseudonymKey(a) === pseudonymKey(b);
}

/** The form under which two pseudonyms of one reader are equal (see `samePseudonym`). */
export function pseudonymKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toLocaleLowerCase('fr');
}
