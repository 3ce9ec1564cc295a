import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { frontmatterDate } from '../../src/lib/dates.ts';
import { ModerationError } from './errors.ts';
import { shownPath } from './text.ts';

/** The moderation states of `src/content/schemas/comment.ts`. */
export type Status = 'published' | 'pending' | 'rejected';
const STATUSES: readonly string[] = ['published', 'pending', 'rejected'] satisfies Status[];

/** Each status in the moderator's words. */
export const STATUS_LABEL: Record<Status, string> = {
  published: 'publié',
  pending: 'en attente de modération',
  rejected: 'rejeté',
};

/** One entry of a comment's `moderation` list, as far as it can be read (the build checks it in full). */
export interface TrailEntry {
  decision: string;
  by: string;
  at: Date | undefined;
  reason: string | undefined;
}

/** A comment file as the moderator works on it: where it is, its whole text, its fields and body. */
export interface StoredComment {
  /** `<article-slug>/<file name>`, as the site and this tool name it. */
  id: string;
  /** The folder it is in, which names its article. */
  folder: string;
  /** The file name without `.md`, which `replyTo` uses. */
  name: string;
  /** Absolute path of the file. */
  path: string;
  /** The file exactly as read; an edit must reproduce it except for the lines it changes. */
  source: string;
  /**
   * A short digest of `source`: what a moderator saw, to pass back with a decision
   * (`DecisionInput.seen`) so that it is refused if the file changed since.
   */
  version: string;
  /** Every frontmatter field as parsed, including any this tool does not know. */
  fields: Record<string, unknown>;
  article: string;
  pseudonym: string;
  publishedAt: Date;
  status: Status;
  replyTo: string | undefined;
  reason: string | undefined;
  featured: boolean;
  /** The decisions already taken on it, oldest first (`moderation` in the frontmatter). */
  trail: TrailEntry[];
  /** The Markdown the site renders: the body after the frontmatter, trimmed, as the loader does. */
  body: string;
}

/** A file that could not be read as a comment, and why. */
export interface UnreadableFile {
  path: string;
  message: string;
}

const commentsDir = (root: string) => join(root, 'comments');

/** A part of an id (an article's folder, a comment's name): no separators, no `..`, nothing a path could escape with. */
export const ID_PART = /^[\w-][\w.-]*$/;

/**
 * Reads `<article>/<name>` from what a moderator typed. A pasted path also works
 * (`content/comments/velo/c07.md`): the last two parts after `comments/`, without `.md`.
 */
export function parseId(input: string): { folder: string; name: string } {
  let parts = input.trim().replace(/\\/g, '/').replace(/\.md$/, '').split('/');
  const comments = parts.lastIndexOf('comments');
  if (parts.length > 2 && comments === parts.length - 3) parts = parts.slice(-2);
  const [folder, name] = parts;
  if (
    parts.length !== 2 ||
    folder === undefined ||
    name === undefined ||
    ![folder, name].every((p) => ID_PART.test(p))
  ) {
    throw new ModerationError(
      `identifiant invalide « ${input} » : attendu <article>/<commentaire>, par exemple velo-trajets/c07 (la liste : npm run moderate)`,
      { kind: 'bad-id' },
    );
  }
  return { folder, name };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** Parses a comment file, or says in one line what is wrong with it and where. */
function parseComment(path: string, folder: string, name: string, source: string): StoredComment {
  const shown = shownPath(path);
  const fail = (what: string) =>
    new ModerationError(`${shown} : ${what} ; corrigez le fichier à la main`, { kind: 'needs-hand', file: 'comment' });
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(source);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw fail(`l'en-tête (entre les lignes ---) n'est pas du YAML valide (${reason})`);
  }
  if (parsed.rawFrontmatter === '') throw fail("pas d'en-tête entre deux lignes ---");
  const fields = parsed.frontmatter;
  const status = fields['status'];
  if (typeof status !== 'string' || !STATUSES.includes(status)) {
    throw fail(`status « ${String(status)} » inconnu (attendu : published, pending ou rejected)`);
  }
  const pseudonym = text(fields['pseudonym']);
  if (pseudonym === undefined) throw fail('pseudonym manquant');
  const article = text(fields['article']) ?? '';
  const rawDate = fields['publishedAt'];
  const publishedAt = rawDate instanceof Date ? rawDate : new Date(text(rawDate) ?? Number.NaN);
  if (Number.isNaN(publishedAt.getTime())) throw fail('publishedAt manquant ou illisible');
  const featured = fields['featured'] ?? false;
  if (typeof featured !== 'boolean') throw fail(`featured « ${String(featured)} » : attendu true ou false`);
  return {
    id: `${folder}/${name}`,
    folder,
    name,
    path,
    source,
    version: versionOf(source),
    fields,
    article,
    pseudonym,
    publishedAt,
    status: status as Status,
    replyTo: text(fields['replyTo']),
    reason: text(fields['reason']),
    featured,
    trail: trailOf(fields['moderation']),
    body: parsed.content.trim(),
  };
}

/** The first 16 hex digits of the text's SHA-256: enough to tell two versions of one file apart. */
function versionOf(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

function trailOf(value: unknown): TrailEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const at = entry['at'] instanceof Date ? entry['at'] : frontmatterDate(entry['at']);
    return {
      decision: text(entry['decision']) ?? '?',
      by: text(entry['by']) ?? '?',
      at,
      reason: text(entry['reason']),
    };
  });
}

/** The same comment file with another text: what a decision made of it, before it is written. */
export function withSource(comment: StoredComment, source: string): StoredComment {
  return parseComment(comment.path, comment.folder, comment.name, source);
}

/** Reads one comment by its id, or refuses naming the id and the file it looked for. */
export function readComment(root: string, id: string): StoredComment {
  const { folder, name } = parseId(id);
  const path = join(commentsDir(root), folder, `${name}.md`);
  if (!existsSync(path)) {
    throw new ModerationError(
      `commentaire inconnu « ${folder}/${name} » : pas de fichier ${shownPath(path)} (la liste des commentaires en attente : npm run moderate)`,
      { kind: 'unknown-comment', id: `${folder}/${name}` },
    );
  }
  return parseComment(path, folder, name, readFileSync(path, 'utf8'));
}

/**
 * Every comment file under `<root>/comments/`, in folder then file order, and the files that
 * could not be read: one broken file must not hide the others from the moderator.
 */
export function readAllComments(
  root: string,
  onlyFolder?: string,
): { comments: StoredComment[]; unreadable: UnreadableFile[] } {
  const comments: StoredComment[] = [];
  const unreadable: UnreadableFile[] = [];
  const base = commentsDir(root);
  if (!existsSync(base)) return { comments, unreadable };
  const folders = readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (onlyFolder === undefined || entry.name === onlyFolder))
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const names = readdirSync(join(base, folder), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name.slice(0, -'.md'.length))
      .sort();
    for (const name of names) {
      const path = join(base, folder, `${name}.md`);
      try {
        comments.push(parseComment(path, folder, name, readFileSync(path, 'utf8')));
      } catch (error) {
        if (!(error instanceof ModerationError)) throw error;
        unreadable.push({ path, message: error.message });
      }
    }
  }
  return { comments, unreadable };
}

/** The comment this one answers, among its article's comments; a bare `replyTo` names a file in the same folder. */
export function answeredComment(comment: StoredComment, siblings: readonly StoredComment[]): StoredComment | undefined {
  if (comment.replyTo === undefined) return undefined;
  const target = comment.replyTo.includes('/') ? comment.replyTo : `${comment.folder}/${comment.replyTo}`;
  return siblings.find((sibling) => sibling.id === target);
}

/** The pending comments, oldest first (then by id, so that the order never depends on the disk). */
export function pendingComments(comments: readonly StoredComment[]): StoredComment[] {
  return comments
    .filter((comment) => comment.status === 'pending')
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id.localeCompare(b.id));
}
