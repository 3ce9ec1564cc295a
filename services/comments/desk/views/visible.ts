import { escapeHtml } from '../../../../src/lib/html.ts';
import { UNTYPEABLE } from '../../submission.ts';

/**
 * What the intake removes from a comment (a file written before it did, or by hand, may still
 * hold it), and the invisible characters that can hide a word from a filter or a search: the
 * zero-width space, the word joiner, the byte order mark. Not the joiners and marks that
 * writing needs (U+200C–U+200F: an emoji family, Persian, a right-to-left mark).
 */
const INVISIBLE = new RegExp(`${UNTYPEABLE.source}|[\\u200B\\u2060\\uFEFF]`, 'gu');

/**
 * A reader's text as typed, escaped, with each control character, invisible character or
 * direction override shown as a marked code (‹U+202E›) rather than acting on the page: the
 * moderator must see what the rendering hides.
 */
export function visibleText(raw: string): string {
  return escapeHtml(raw).replace(INVISIBLE, (char) => {
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `<span class="ctl" title="Caractère invisible ${code}">‹${code}›</span>`;
  });
}
