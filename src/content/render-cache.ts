import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { deserialize, serialize } from 'node:v8';

/**
 * Astro's cache directory; `astro.config.mjs` and the render cache must agree on it. The
 * benchmark and the tests point it elsewhere, so that corpora never share a cache.
 */
export function cacheRoot(): string {
  return process.env['KIOSQUE_CACHE_DIR'] ?? './node_modules/.astro';
}

/**
 * A rendering to store: which collection, the digest of the source and pipeline, and the
 * document as the pipeline left it: its HTML and what it learned on the way.
 */
export interface Rendering {
  collection: string;
  digest: string;
  html: string;
  facts: Record<string, unknown>;
}

/** A source file as last read: its modification time and size, then the digest of its text. */
export interface Seen {
  stamp: string;
  digest: string;
}

/**
 * A validated entry kept by Kiosque instead of Astro's content store, shaped as Astro's: its
 * data as the schema returned it (dates included), the file it came from and its digest.
 */
export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath: string;
  digest: string;
}

/**
 * The tables' layout. Facts come before the HTML in a row: SQLite reads a row's columns in
 * order, so reading every document's facts then never walks the HTML's overflow pages.
 */
const LAYOUT = 2;

/**
 * Rendered HTML lives in one SQLite file beside Astro's cache, keyed by collection and by the
 * digest of each source and of the pipeline's code, rather than in Astro's content store: the
 * store is bundled into the build as one module, and HTML made most of its size. One file
 * rather than one per document: 30,000 small files cost more to write and read than to
 * render (docs/performance.md). Transactions mean a killed build never leaves half a row.
 */
export class RenderCache {
  readonly #db: DatabaseSync;
  #htmlQuery: StatementSync | undefined;

  constructor() {
    const file = join(resolve(cacheRoot()), 'kiosque-render.sqlite');
    mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file, { timeout: 30_000 });
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    // A cache written with another layout is dropped and made again: it is only a cache. The
    // check is a read, so that pages reading the cache never queue for the write lock.
    const layout = () => this.#db.prepare('PRAGMA user_version').get()?.['user_version'];
    if (layout() === LAYOUT) return;
    inTransaction(this.#db, () => {
      if (layout() === LAYOUT) return;
      this.#db.exec(`
        DROP TABLE IF EXISTS renderings;
        DROP TABLE IF EXISTS files;
        DROP TABLE IF EXISTS fingerprints;
        DROP TABLE IF EXISTS entries;
        CREATE TABLE renderings (
          collection TEXT NOT NULL, digest TEXT NOT NULL, facts TEXT NOT NULL, html TEXT NOT NULL,
          PRIMARY KEY (collection, digest)
        ) WITHOUT ROWID;
        CREATE TABLE files (
          collection TEXT NOT NULL, path TEXT NOT NULL, stamp TEXT NOT NULL, digest TEXT NOT NULL,
          PRIMARY KEY (collection, path)
        ) WITHOUT ROWID;
        CREATE TABLE fingerprints (collection TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
        CREATE TABLE entries (
          collection TEXT NOT NULL, id TEXT NOT NULL, path TEXT NOT NULL, digest TEXT NOT NULL, data BLOB NOT NULL,
          PRIMARY KEY (collection, id)
        ) WITHOUT ROWID;
        PRAGMA user_version = ${LAYOUT};
      `);
    });
  }

  close(): void {
    this.#db.close();
  }

  write(renderings: readonly Rendering[]): void {
    const insert = this.#db.prepare('INSERT OR REPLACE INTO renderings VALUES (?, ?, ?, ?)');
    inTransaction(this.#db, () => {
      for (const r of renderings) insert.run(r.collection, r.digest, JSON.stringify(r.facts), r.html);
    });
  }

  /**
   * What the pipeline learned of every document of a collection, by digest: one query for the
   * whole site. The HTML stays on disk until a page shows it (`html`): an incremental build
   * restores most pages and needs little of it.
   */
  facts(collection: string): Map<string, Record<string, unknown>> {
    const rows = this.#db.prepare('SELECT digest, facts FROM renderings WHERE collection = ?').all(collection);
    return new Map(
      rows.map((row) => [String(row['digest']), JSON.parse(String(row['facts'])) as Record<string, unknown>]),
    );
  }

  /** One document's HTML, or undefined when it is not cached. */
  html(collection: string, digest: string): string | undefined {
    this.#htmlQuery ??= this.#db.prepare('SELECT html FROM renderings WHERE collection = ? AND digest = ?');
    const row = this.#htmlQuery.get(collection, digest);
    return row === undefined ? undefined : String(row['html']);
  }

  /** The digests a collection has renderings for. */
  digests(collection: string): Set<string> {
    const rows = this.#db.prepare('SELECT digest FROM renderings WHERE collection = ?').all(collection);
    return new Set(rows.map((row) => String(row['digest'])));
  }

  /** The files of a collection as the last load saw them; nothing when the pipeline has changed since. */
  files(collection: string, fingerprint: string): Map<string, Seen> {
    const known = this.#db.prepare('SELECT fingerprint FROM fingerprints WHERE collection = ?').get(collection);
    if (known?.['fingerprint'] !== fingerprint) return new Map();
    const rows = this.#db.prepare('SELECT path, stamp, digest FROM files WHERE collection = ?').all(collection);
    return new Map(
      rows.map((row) => [String(row['path']), { stamp: String(row['stamp']), digest: String(row['digest']) }]),
    );
  }

  /**
   * Saves what this load saw, and forgets the renderings no file uses any more, so that the
   * cache stays the size of the site.
   */
  saveFiles(collection: string, fingerprint: string, files: ReadonlyMap<string, Seen>): void {
    inTransaction(this.#db, () => {
      this.#db.prepare('DELETE FROM files WHERE collection = ?').run(collection);
      const insert = this.#db.prepare('INSERT INTO files VALUES (?, ?, ?, ?)');
      for (const [path, seen] of files) insert.run(collection, path, seen.stamp, seen.digest);
      this.#db.prepare('INSERT OR REPLACE INTO fingerprints VALUES (?, ?)').run(collection, fingerprint);
      this.#db
        .prepare(
          'DELETE FROM renderings WHERE collection = ? AND digest NOT IN (SELECT digest FROM files WHERE collection = ?)',
        )
        .run(collection, collection);
    });
  }

  /** The entries of a collection kept here rather than in Astro's store, in id order. */
  entries(collection: string): Map<string, StoredEntry> {
    const rows = this.#db
      .prepare('SELECT id, path, digest, data FROM entries WHERE collection = ? ORDER BY id')
      .all(collection);
    return new Map(
      rows.map((row) => {
        const id = String(row['id']);
        // V8's own format keeps the schema's Date objects, which JSON would turn into strings.
        const data = deserialize(row['data'] as Uint8Array) as Record<string, unknown>;
        return [id, { id, data, filePath: String(row['path']), digest: String(row['digest']) }];
      }),
    );
  }

  /** Records the entries a load set and removes those it deleted, in one transaction. */
  saveEntries(collection: string, set: Iterable<StoredEntry>, deleted: Iterable<string>): void {
    const insert = this.#db.prepare('INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)');
    const remove = this.#db.prepare('DELETE FROM entries WHERE collection = ? AND id = ?');
    inTransaction(this.#db, () => {
      for (const id of deleted) remove.run(collection, id);
      for (const entry of set) insert.run(collection, entry.id, entry.filePath, entry.digest, serialize(entry.data));
    });
  }
}

/**
 * Runs `write` as one transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so
 * that two builds sharing a cache never interleave half-written states; any error undoes it.
 */
export function inTransaction(db: DatabaseSync, write: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    write();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
