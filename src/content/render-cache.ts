import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';

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

/**
 * Rendered HTML lives here, one file per document, named by the digest of its source and of
 * the pipeline's code, rather than in Astro's content store: the store is bundled into the
 * build as one module, and HTML made most of its size (docs/performance.md).
 */
export function renderCacheFile(collection: string, digest: string): string {
  return join(resolve(cacheRoot()), 'kiosque-render', collection, `${digest}.json`);
}

/** The digests a collection has cached renderings for: one directory read instead of a check per file. */
export function renderCacheListing(collection: string): Set<string> {
  try {
    const names = readdirSync(join(renderCacheFile(collection, 'x'), '..'));
    return new Set(names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/** Written to a temporary name and renamed, so that a reader never sees half a file. */
export function writeRendered(file: string, document: RenderedDocument): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(document));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temporary, JSON.stringify(document));
  }
  renameSync(temporary, file);
}

/** The cached rendering, or `undefined` when it is missing (a cache cleared by hand). */
export function readRendered(collection: string, digest: string): RenderedDocument | undefined {
  try {
    return JSON.parse(readFileSync(renderCacheFile(collection, digest), 'utf8')) as RenderedDocument;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A source file as last read: its modification time and size, then the digest of its text. */
export interface Seen {
  stamp: string;
  digest: string;
}

function fileIndexPath(collection: string): string {
  return join(renderCacheFile(collection, 'x'), '..', '..', `${collection}.files.json`);
}

/** The files of a collection as the last load saw them; nothing when the pipeline has changed since. */
export function readFileIndex(collection: string, fingerprint: string): Map<string, Seen> {
  try {
    const index = JSON.parse(readFileSync(fileIndexPath(collection), 'utf8')) as {
      fingerprint: string;
      files: Record<string, Seen>;
    };
    return new Map(index.fingerprint === fingerprint ? Object.entries(index.files) : []);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
}

export function writeFileIndex(collection: string, fingerprint: string, files: Map<string, Seen>): void {
  const file = fileIndexPath(collection);
  const temporary = `${file}.${process.pid}.tmp`;
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(temporary, JSON.stringify({ fingerprint, files: Object.fromEntries(files) }));
  renameSync(temporary, file);
}
