import { escapeHtml } from '../../../../src/lib/html.ts';

const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

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
