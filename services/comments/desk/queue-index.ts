import { readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { pseudonymKey } from '../../../src/lib/pseudonyms.ts';
import { readComment } from '../../moderation/comments.ts';
import { ModerationError } from '../../moderation/errors.ts';

/** What the queue needs to know of a comment file, without its text. */
interface IndexedComment {
  /** `<article>/<name>`. */
  id: string;
  folder: string;
  path: string;
  pseudonym: string;
  status: 'published' | 'pending' | 'rejected';
  publishedAt: Date;
  /** The pseudonym as `samePseudonym` compares it. */
  readerKey: string;
}

interface FileEntry {
  mtimeMs: number;
  size: number;
  /** `undefined` for a file that cannot be read as a comment: the queue leaves it out. */
  comment: IndexedComment | undefined;
}

export interface QueueFilter {
  article?: string | undefined;
  reader?: string | undefined;
}

export interface QueuePage {
  /** Every pending comment. */
  total: number;
  /** Those the filter keeps. */
  matching: number;
  items: IndexedComment[];
}

/** How often the folders are looked at again for changes made by others (git, `npm run moderate`). */
const RECHECK_MS = 2000;
/** Folders read in one turn of the event loop by the first reading (a folder holds tens of comments). */
const FOLDERS_PER_TURN = 10;

/**
 * Every comment file's status, author and date, read once, then kept fresh cheaply: at most
 * every two seconds, and only when the queue is looked at, each article folder's modification
 * time is compared with the last one seen (a file written, renamed or deleted in a folder
 * changes it, which is how every writer here and git write), and only the folders that
 * changed are read again, and in them only the files whose size or time changed. The desk's
 * own decisions update it at once. A decision never trusts it: it reads the file again.
 */
export function createQueueIndex(contentDir: string, now: () => Date) {
  const base = join(contentDir, 'comments');
  const folders = new Map<string, { mtimeMs: number; files: Map<string, FileEntry> }>();
  let checkedAt = Number.NEGATIVE_INFINITY;
  let generation = 0;
  let derived: { generation: number; pending: IndexedComment[]; history: Map<string, History> } | undefined;

  function statOrUndefined(path: string): Stats | undefined {
    try {
      return statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  function readEntry(folder: string, name: string, stats: Stats): FileEntry {
    let comment: IndexedComment | undefined;
    try {
      const stored = readComment(contentDir, `${folder}/${name.slice(0, -'.md'.length)}`);
      const { id, path, pseudonym, status, publishedAt } = stored;
      comment = { id, folder, path, pseudonym, status, publishedAt, readerKey: pseudonymKey(pseudonym) };
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
    }
    return { mtimeMs: stats.mtimeMs, size: stats.size, comment };
  }

  function scanFolder(folder: string, mtimeMs: number): void {
    const known = folders.get(folder)?.files ?? new Map<string, FileEntry>();
    const files = new Map<string, FileEntry>();
    let names: string[];
    try {
      names = readdirSync(join(base, folder)).filter((name) => name.endsWith('.md') && !name.startsWith('.'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    for (const name of names) {
      const stats = statOrUndefined(join(base, folder, name));
      if (stats === undefined || !stats.isFile()) continue;
      const before = known.get(name);
      const same = before !== undefined && before.mtimeMs === stats.mtimeMs && before.size === stats.size;
      files.set(name, same ? before : readEntry(folder, name, stats));
      if (!same) generation++;
    }
    if (files.size !== known.size) generation++;
    folders.set(folder, { mtimeMs, files });
  }

  /** The article folders under `comments/`. */
  function folderNames(): string[] {
    try {
      return readdirSync(base, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return [];
    }
  }

  /** Reads the folder again if it changed since it was last read. */
  function freshen(folder: string): void {
    const stats = statOrUndefined(join(base, folder));
    if (stats !== undefined && folders.get(folder)?.mtimeMs !== stats.mtimeMs) scanFolder(folder, stats.mtimeMs);
  }

  function refresh(): void {
    const at = now().getTime();
    if (at - checkedAt < RECHECK_MS && at >= checkedAt) return;
    checkedAt = at;
    const names = folderNames();
    const present = new Set(names);
    for (const folder of folders.keys()) {
      if (!present.has(folder)) {
        folders.delete(folder);
        generation++;
      }
    }
    for (const folder of names) freshen(folder);
  }

  function current() {
    refresh();
    if (derived?.generation === generation) return derived;
    const all = [...folders.values()].flatMap((folder) =>
      [...folder.files.values()].flatMap((entry) => (entry.comment === undefined ? [] : [entry.comment])),
    );
    const history = new Map<string, History>();
    for (const comment of all) {
      if (comment.status === 'pending') continue;
      const counts = history.get(comment.readerKey) ?? { published: 0, rejected: 0 };
      counts[comment.status]++;
      history.set(comment.readerKey, counts);
    }
    const pending = all
      .filter((comment) => comment.status === 'pending')
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    derived = { generation, pending, history };
    return derived;
  }

  return {
    /**
     * Reads every folder a first time, giving the event loop back between folders, so that the
     * service keeps answering readers while a large archive is read (tens of thousands of files
     * take seconds). A look at the queue meanwhile reads the folders not read yet at once.
     */
    async load(): Promise<void> {
      for (const [index, folder] of folderNames().entries()) {
        freshen(folder);
        if (index % FOLDERS_PER_TURN === FOLDERS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
      }
    },

    /** The pending comments the filter keeps, oldest first, `perPage` from page `page` (1 first). */
    page(filter: QueueFilter, page: number, perPage: number): QueuePage {
      const { pending } = current();
      const readerKey = filter.reader === undefined ? undefined : pseudonymKey(filter.reader);
      const kept = pending.filter(
        (comment) =>
          (filter.article === undefined || comment.folder === filter.article) &&
          (readerKey === undefined || comment.readerKey === readerKey),
      );
      const start = (page - 1) * perPage;
      return { total: pending.length, matching: kept.length, items: kept.slice(start, start + perPage) };
    },

    /** How many of that reader's comments were published and rejected. */
    history(pseudonym: string): History {
      return current().history.get(pseudonymKey(pseudonym)) ?? { published: 0, rejected: 0 };
    },

    /** Reads one file again at once, after the desk changed it. */
    update(path: string): void {
      const [folder, name] = path.slice(base.length + 1).split('/');
      const entry = folder === undefined ? undefined : folders.get(folder);
      if (entry === undefined || name === undefined) return this.changed();
      const stats = statOrUndefined(path);
      if (stats === undefined) entry.files.delete(name);
      else entry.files.set(name, readEntry(folder!, name, stats));
      generation++;
    },

    /**
     * Files changed here without the desk (a reader's comment, a pull): the next look checks
     * the folders at once instead of up to two seconds later.
     */
    changed(): void {
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}

export interface History {
  published: number;
  rejected: number;
}

export type QueueIndex = ReturnType<typeof createQueueIndex>;
