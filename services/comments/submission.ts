import { join } from 'node:path';
import { renderMarkdown } from '../../src/lib/markdown/pipeline.ts';
import { isLongerThan, visibleLength } from '../../src/lib/typography.ts';
import { messages } from './messages.ts';
import { refusal, type Outcome } from './outcome.ts';
import type { NewComment } from './storage.ts';

/** A comment whose fields are acceptable; the article's rules are checked next. */
export interface Submission extends NewComment {
  session?: string | undefined;
}

const PSEUDONYM_MIN = 2;
/** UTF-16 units, as the form's `maxlength` and the comment schema's `max(30)` count them. */
const PSEUDONYM_MAX = 30;
/**
 * Invisible characters a name has no use for: controls (YAML refuses them even quoted) and
 * format characters (zero-width spaces, soft hyphens, direction overrides), with which a
 * barred reader could come back under a name that looks the same, or write one backwards.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/**
 * What no reader can type in a text but a paste brings along (from a PDF, a terminal, a word
 * processor): control characters, which git takes for a binary file (NUL) or a terminal
 * obeys (ESC), and direction embeddings, overrides and isolates, which turn the rest of a
 * line around. They are removed rather than refused: the reader sees nothing of them, and
 * could not find what to fix. Tab and line breaks stay; the controls that break a line
 * (vertical tab, form feed between a PDF's pages, NEL) become line breaks. The desk marks
 * the same characters in older comments (desk/views/visible.ts).
 */
export const UNTYPEABLE = /(?![\t\n])[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
const LINE_BREAKING = /\r\n?|[\v\f\u0085]/gu;

/** An empty field is an absent one: the form always sends its hidden fields. */
function field(fields: ReadonlyMap<string, string>, name: string): string | undefined {
  const value = fields.get(name);
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Checks what the reader typed, in the order the reader would fix it, before anything is
 * read from disk. Spaces in the pseudonym are tidied (it is a name, shown on one line); the
 * text is kept as typed but for its line ends (browsers send a textarea's as CRLF, and the
 * count must not depend on them) and the characters no one types (`UNTYPEABLE`).
 */
export function checkSubmission(fields: ReadonlyMap<string, string>, maxLength: number): Submission | Outcome {
  if (field(fields, 'website') !== undefined) return refusal(400, 'spam_suspected', messages.spamSuspected);
  const pseudonym = (fields.get('pseudonym') ?? '').replace(/\s+/gu, ' ').trim();
  if (visibleLength(pseudonym) < PSEUDONYM_MIN || pseudonym.length > PSEUDONYM_MAX) {
    return refusal(400, 'pseudonym_invalid', messages.pseudonymLength);
  }
  if (UNPRINTABLE.test(pseudonym)) return refusal(400, 'pseudonym_invalid', messages.pseudonymUnprintable);
  if (EMAIL.test(pseudonym)) return refusal(400, 'pseudonym_invalid', messages.pseudonymEmail);
  const text = (fields.get('text') ?? '').replace(LINE_BREAKING, '\n').replace(UNTYPEABLE, '');
  if (text.trim() === '') return refusal(400, 'text_empty', messages.textEmpty);
  if (isLongerThan(text, maxLength)) return refusal(400, 'text_too_long', messages.textTooLong(maxLength));
  return {
    article: fields.get('article')?.trim() ?? '',
    pseudonym,
    text,
    replyTo: field(fields, 'replyTo')?.trim(),
    session: field(fields, 'session')?.trim(),
  };
}

/**
 * Whether the site's own pipeline can render the text as a comment. Markdown nested
 * hundreds of levels deep (`>>>>…`) passes every length check yet overflows the stack of the
 * HTML step; such a file would stop the build the day a moderator publishes it.
 */
export async function rendersSafely(contentDir: string, article: string, text: string): Promise<boolean> {
  try {
    await renderMarkdown(text, join(contentDir, 'comments', article, 'preview.md'));
    return true;
  } catch {
    return false;
  }
}
