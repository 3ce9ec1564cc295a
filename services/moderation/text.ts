import { isAbsolute, relative } from 'node:path';

/**
 * Control characters (escape sequences could move the cursor, recolour or retitle the
 * moderator's terminal) and bidirectional overrides (they can make text read backwards) from
 * untrusted text, shown as « � » so that the moderator sees something was there.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Untrusted text with its control characters and direction overrides replaced by « � ». */
export function markControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/**
 * Untrusted text made safe to print or to write on one line of a file: line breaks and tabs
 * become spaces, control characters « � ».
 */
export function oneLine(text: string): string {
  return markControls(text.replace(/\s+/g, ' ')).trim();
}

/** A path as the moderator can type it: relative to the working directory when inside it. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
