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
 * Quotations, lists and `:::` blocks a comment may nest. Each level costs the renderer more
 * than the last (390 `:::` blocks take half a second, 2,000 `>` overflow its stack), while a
 * reader's text, even an e-mail thread quoted whole, stays within a dozen.
 */
const MAX_NESTING = 32;

/** What opens a quotation or a list item at the start of a line, as CommonMark reads them. */
const CONTAINER_MARKERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const MARKER = />|[-*+]|\d{1,9}[.)]/g;
/** A rule (`- - -`, `* * *`) after any quotation marks: list markers to the eye, none to CommonMark. */
const RULE_AFTER_QUOTES = /^((?:[ \t]*>)*)[ \t]*([-*_])(?:[ \t]*\2){2,}[ \t]*$/;
const DIRECTIVE_OPENS = /^[ \t]*:{3,}[ \t]*[A-Za-z]/;
const DIRECTIVE_CLOSES = /^[ \t]*:{3,}[ \t]*$/;

/**
 * How deeply the text nests blocks, read line by line without parsing it: the markers at the
 * start of a line, plus the `:::` blocks still open. Lists nested by indentation are not
 * counted: each level costs two more spaces, so 2,000 characters hold too few to matter.
 */
function nestingDepth(text: string): number {
  let deepest = 0;
  let openDirectives = 0;
  for (const line of text.split('\n')) {
    const markers = RULE_AFTER_QUOTES.exec(line)?.[1] ?? CONTAINER_MARKERS.exec(line)?.[0] ?? '';
    const rest = line.slice(markers.length);
    if (DIRECTIVE_OPENS.test(rest)) openDirectives += 1;
    else if (DIRECTIVE_CLOSES.test(rest) && openDirectives > 0) openDirectives -= 1;
    deepest = Math.max(deepest, (markers.match(MARKER)?.length ?? 0) + openDirectives);
  }
  return deepest;
}

/**
 * Whether the site's own pipeline can render the text as a comment. Markdown nested
 * hundreds of levels deep (`>>>>…`) passes every length check yet overflows the stack of the
 * HTML step; such a file would stop the build the day a moderator publishes it. It is refused
 * from its nesting alone, before the pipeline spends time on it and logs the overflow's
 * stack; the pipeline is still the judge of the rest.
 */
export async function rendersSafely(contentDir: string, article: string, text: string): Promise<boolean> {
  if (nestingDepth(text) > MAX_NESTING) return false;
  try {
    await renderMarkdown(text, join(contentDir, 'comments', article, 'preview.md'));
    return true;
  } catch {
    return false;
  }
}
