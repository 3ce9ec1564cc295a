import { randomInt } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A comment as the reader sent it, checked. */
export interface NewComment {
  article: string;
  pseudonym: string;
  text: string;
  replyTo?: string | undefined;
}

const ATTEMPTS = 5;
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `r<YYYYMMDDHHmmss>-<8 random base-36 characters>`: sorts by time, and two never meet in practice. */
function commentId(at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/\D/g, '');
  let random = '';
  for (let i = 0; i < 8; i++) random += BASE36[randomInt(36)];
  return `r${stamp}-${random}`;
}

/** A slug stays a plain YAML scalar unless YAML would read it as something else (`2026`, `true`). */
function yamlString(value: string): string {
  return /^[a-z][a-z0-9-]*$/.test(value) && !['true', 'false', 'null'].includes(value) ? value : JSON.stringify(value);
}

/**
 * The Markdown file of a pending comment. The pseudonym is written as a JSON string, which
 * YAML reads back unchanged whatever it holds; the body is the text as typed.
 */
function commentFile(comment: NewComment, publishedAt: Date): string {
  const lines = [
    '---',
    `article: ${yamlString(comment.article)}`,
    `pseudonym: ${JSON.stringify(comment.pseudonym)}`,
    `publishedAt: ${publishedAt.toISOString()}`,
    'status: pending',
  ];
  if (comment.replyTo !== undefined) lines.push(`replyTo: ${yamlString(comment.replyTo)}`);
  lines.push('---', '', comment.text);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the comment as `comments/<article>/<id>.md` and returns its id. The file is written
 * under a temporary name the site never reads (`.<id>.tmp`), flushed to disk, then linked to
 * its final name, which fails rather than replace an existing file; so a service killed at any
 * moment leaves no half-written comment, and the folder is flushed before the id is returned,
 * so that an acknowledged comment survives even a power cut.
 */
export async function writeComment(contentDir: string, comment: NewComment, publishedAt: Date): Promise<string> {
  const folder = join(contentDir, 'comments', comment.article);
  const created = await mkdir(folder, { recursive: true });
  // An article's first comment creates its folder: the folder's own entry must reach the
  // disk too, or a power cut could take the acknowledged comment with it.
  if (created !== undefined) {
    await syncFolder(dirname(folder));
    if (created !== folder) await syncFolder(dirname(created));
  }
  const content = commentFile(comment, publishedAt);
  for (let attempt = 1; ; attempt++) {
    const id = commentId(publishedAt);
    const temporary = join(folder, `.${id}.tmp`);
    try {
      await writeDurably(temporary, content);
    } catch (error) {
      if (isTaken(error) && attempt < ATTEMPTS) continue;
      throw error;
    }
    try {
      await link(temporary, join(folder, `${id}.md`));
    } catch (error) {
      await rm(temporary, { force: true });
      if (isTaken(error) && attempt < ATTEMPTS) continue;
      throw error;
    }
    // The comment is saved: a temporary name left behind is harmless, a 500 now would make
    // the reader post it twice.
    await rm(temporary).catch(() => undefined);
    await syncFolder(folder);
    return id;
  }
}

function isTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

/** Creates `file` (never over an existing one) and flushes it; removes it again if that fails. */
async function writeDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
