import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { DatabaseSync } from 'node:sqlite';

/**
 * Astro's cache directory; `astro.config.mjs` and the render cache must agree on it. The
 * benchmark and the tests point it elsewhere, so that corpora never share a cache.
 */
export function cacheRoot(): string {
  return process.env['KIOSQUE_CACHE_DIR'] ?? './node_modules/.astro';
}

/** A Markdown document as the pipeline left it: its HTML and what it learned on the way. */
export interface RenderedDocument {
  html: string;
  facts: Record<string, unknown>;
}

/** A rendering to store: which collection, the digest of the source and pipeline, the result. */
export interface Rendering extends RenderedDocument {
  collection: string;
  digest: string;
}

/** A source file as last read: its modification time and size, then the digest of its text. */
export interface Seen {
  stamp: string;
  digest: string;
}

/**
 * Rendered HTML lives in one SQLite file beside Astro's cache, keyed by collection and by the
 * digest of each source and of the pipeline's code, rather than in Astro's content store: the
 * store is bundled into the build as one module, and HTML made most of its size. One file
 * rather than one per document: 30,000 small files cost more to write and read than to
 * render (docs/performance.md). Transactions mean a killed build never leaves half a row.
 */
export class RenderCache {
  readonly #db: DatabaseSync;

  constructor() {
    const file = join(resolve(cacheRoot()), 'kiosque-render.sqlite');
    mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file, { timeout: 30_000 });
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS renderings (
        collection TEXT NOT NULL, digest TEXT NOT NULL, html TEXT NOT NULL, facts TEXT NOT NULL,
        PRIMARY KEY (collection, digest)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS files (
        collection TEXT NOT NULL, path TEXT NOT NULL, stamp TEXT NOT NULL, digest TEXT NOT NULL,
        PRIMARY KEY (collection, path)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS fingerprints (collection TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
    `);
  }

  close(): void {
    this.#db.close();
  }

  #transaction(write: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      write();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  write(renderings: readonly Rendering[]): void {
    const insert = this.#db.prepare('INSERT OR REPLACE INTO renderings VALUES (?, ?, ?, ?)');
    this.#transaction(() => {
      for (const r of renderings) insert.run(r.collection, r.digest, r.html, JSON.stringify(r.facts));
    });
  }

  /** Every rendering cached for a collection, by digest: one query for the whole site. */
  renderings(collection: string): Map<string, RenderedDocument> {
    const rows = this.#db.prepare('SELECT digest, html, facts FROM renderings WHERE collection = ?').all(collection);
    return new Map(
      rows.map((row) => [
        String(row['digest']),
        { html: String(row['html']), facts: JSON.parse(String(row['facts'])) as Record<string, unknown> },
      ]),
    );
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
    this.#transaction(() => {
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
}

/** Every rendering cached for a collection, for the pages. */
export function readRenderings(collection: string): Map<string, RenderedDocument> {
  const cache = new RenderCache();
  try {
    return cache.renderings(collection);
  } finally {
    cache.close();
  }
}
