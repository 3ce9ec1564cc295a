/** An intertitle (an `h2` of the body) as the pipeline records it: its anchor and its text. */
export interface Intertitle {
  id: string;
  text: string;
}

/**
 * From four intertitles on, an article opens with a « Sommaire » listing them; with fewer, the
 * outline is seen at a glance by scrolling and the list would only push the text down.
 */
const MIN_INTERTITLES = 4;

/** The entries of an article's « Sommaire », in reading order; none when it has too few intertitles. */
export function tableOfContents(intertitles: readonly Intertitle[]): Intertitle[] {
  return intertitles.length >= MIN_INTERTITLES ? [...intertitles] : [];
}

const isIntertitle = (value: unknown): value is Intertitle =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>)['id'] === 'string' &&
  typeof (value as Record<string, unknown>)['text'] === 'string';

/** The intertitles recorded in a rendering's facts, which come back from the render cache untyped. */
export function intertitlesOf(value: unknown): Intertitle[] {
  return Array.isArray(value) ? value.filter(isIntertitle) : [];
}
