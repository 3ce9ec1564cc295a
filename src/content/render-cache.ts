import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
