import { SLOT_TAG } from './markdown/sanitize-schema';

/** A piece of an article body: rendered HTML, or a place for a page-time component. */
export type BodySegment =
  { kind: 'html'; html: string } | { kind: 'read-also'; article: string } | { kind: 'newsletter' };

const SLOT = new RegExp(
  `<${SLOT_TAG} data-slot="(read-also|newsletter)"(?: data-article="([a-z0-9-]+)")?></${SLOT_TAG}>`,
  'g',
);

/**
 * Cuts the body HTML at the slots the Markdown pipeline left, so the page can put a live
 * component (« Lire aussi » with the target's current title, the newsletter box) in each.
 */
export function splitBody(html: string): BodySegment[] {
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of html.matchAll(SLOT)) {
    const before = html.slice(last, match.index).trim();
    if (before) segments.push({ kind: 'html', html: before });
    const article = match[2];
    segments.push(
      match[1] === 'newsletter' || article === undefined ? { kind: 'newsletter' } : { kind: 'read-also', article },
    );
    last = match.index + match[0].length;
  }
  const rest = html.slice(last).trim();
  if (rest) segments.push({ kind: 'html', html: rest });
  return segments;
}
