/**
 * The French print rules every string a reader or a moderator sees keeps (STYLE.md): each
 * pattern finds a string that breaks one.
 */
export const FRENCH_RULES: Readonly<Record<string, RegExp>> = {
  'a breakable space before : ; ! ?': /[ \t\n][:;!?]/,
  'no space at all before ; ! ? in a sentence, nor before :': /[\p{L}\p{N}][;!?:](?:\s|$)/u,
  '« » not held to their words by no-break spaces': /«(?!\u00A0)|(?<!\u00A0)»/,
  'a straight apostrophe or quote': /['"]/,
};

/** The strings, with where they come from, that break a rule, and which. */
export function frenchFaults(strings: readonly (readonly [string, string])[]): string[] {
  return strings.flatMap(([where, value]) =>
    Object.entries(FRENCH_RULES)
      .filter(([, pattern]) => pattern.test(value))
      .map(([rule]) => `${where}: ${rule}: ${value}`),
  );
}
