/**
 * Words a French reader reads in a minute of news prose. Studies of silent reading put adults
 * between 200 and 260 words a minute; newsrooms commonly print the middle value.
 */
const WORDS_PER_MINUTE = 230;

/** Counts words the way a reader would: runs of letters or digits, « l'État » being two. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Minutes to read a text of `words` words, rounded up, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
