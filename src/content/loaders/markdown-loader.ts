import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { keptContentChanged } from '../kept-content-changed.ts';
import { filesUnder } from '../../lib/files.ts';
import { isSlug } from '../../lib/slugs.ts';
import { RenderCache, type Seen, type StoredEntry } from '../render-cache.ts';
import { WORKER_THRESHOLD, renderAll } from './render-pool.ts';
import type { RenderJob, RenderResult } from './render.ts';


const posix = (path: string) => path.split(sep).join('/');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return filesUnder(dir)
    .filter((file) => file.endsWith('.md'))
    .sort();
}

const typeScriptIn = (dir: string) => filesUnder(dir).filter((file) => file.endsWith('.ts'));

/**
 * What the rendering and the validated data depend on besides the file itself: the pipeline's
 * code, the schemas, the site settings they read and the locked package versions. A change to
 * any of them reads and renders every document again. The content lint's rules are not part
 * of it: they render nothing, and retouching one must not render 30,000 documents again.
 */
function pipelineFingerprint(root: string): string {
  const hash = createHash('sha256');
  const lintRules = join(root, 'src/lib/content-lint') + sep;
  const sources = [
    ...typeScriptIn(join(root, 'src/lib')).filter((file) => !file.startsWith(lintRules)),
    ...typeScriptIn(join(root, 'src/content')),
    join(root, 'src/site.config.ts'),
    join(root, 'package-lock.json'),
  ].sort();
  for (const file of sources) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** The entry id: the path under the collection's folder without `.md`, e.g. `article-slug/c03`. */
function entryId(base: string, file: string, shown: string): string {
  const id = posix(relative(base, file)).replace(/\.md$/, '');
  for (const segment of id.split('/')) {
    if (!isSlug(segment)) {
      throw new Error(
        `${shown}: "${segment}" cannot be part of an address; name files and folders with lower-case letters, digits and hyphens, e.g. mon-article.md`,
      );
    }
  }
  return id;
}

/** The part of a content store the loader uses: Astro's, or the one Kiosque keeps. */
interface Entries {
  get(id: string): { data: Record<string, unknown>; digest?: string | number | undefined } | undefined;
  set(entry: StoredEntry): unknown;
  delete(id: string): unknown;
  keys(): Iterable<string>;
}

/** Entries kept in Kiosque's cache: changes are held until `save` writes them at once. */
class KeptEntries implements Entries {
  readonly #entries: Map<string, StoredEntry>;
  readonly #set = new Map<string, StoredEntry>();
  readonly #deleted = new Set<string>();

  constructor(
    readonly collection: string,
    cache: RenderCache,
  ) {
    this.#entries = cache.entries(collection);
  }

  get(id: string) {
    return this.#entries.get(id);
  }

  set(entry: StoredEntry) {
    this.#entries.set(entry.id, entry);
    this.#set.set(entry.id, entry);
    this.#deleted.delete(entry.id);
  }

  delete(id: string) {
    this.#entries.delete(id);
    this.#set.delete(id);
    this.#deleted.add(id);
  }

  keys() {
    return this.#entries.keys();
  }

  save(cache: RenderCache) {
    cache.saveEntries(this.collection, this.#set.values(), this.#deleted);
    this.#set.clear();
    this.#deleted.clear();
  }
}

/**
 * Kiosque's loader for Markdown collections. It does what Astro's `glob()` does (ids from
 * file names, zod validation through `parseData`, digests so that unchanged files are
 * skipped, live updates in `astro dev`) with two differences that matter at newsroom scale:
 * the rendered HTML goes to a cache of its own instead of the content store (the store is
 * bundled into the build as one module), and a clean build renders on every core.
 */
export function markdownCollection(
  folder: string,
  options: {
    /**
     * Whether an entry's body is rendered at all: a comment only once published, so that
     * nothing a reader sent, however malformed, is processed before a moderator has seen it.
     */
    renders?: (data: Record<string, unknown>) => boolean;
    /**
     * Where the validated entries go: Astro's content store (read with `getCollection`), or
     * Kiosque's cache (read with `RenderCache.entries`). Astro writes its whole store back,
     * reads it and bundles it into the build as one module on every build, a cost that follows
     * the number of entries however few changed: tens of thousands of comments belong outside.
     */
    store?: 'astro' | 'kiosque';
  } = {},
): Loader {
  const renders = options.renders ?? (() => true);
  return {
    name: 'kiosque-markdown',
    load: async (context: LoaderContext) => {
      const { collection, config, store, parseData, generateDigest, watcher } = context;
      const root = fileURLToPath(config.root);
      const base = resolve(root, folder);
      const fingerprint = pipelineFingerprint(root);
      const cache = new RenderCache();
      const cached = cache.digests(collection);
      // What each file looked like when it was last read: a file whose modification time and
      // size have not moved since is not read again (30,000 reads cost a second at N=5000).
      // Kept with the renderings, not in Astro's meta store, which is bundled with the data.
      const seen = cache.files(collection, fingerprint);
      const next = new Map<string, Seen>();
      const kept = options.store === 'kiosque' ? new KeptEntries(collection, cache) : undefined;
      // What an earlier version of the site left in Astro's store goes; clearing an empty
      // collection would still make Astro write its whole store back.
      if (kept && store.keys().length > 0) store.clear();
      const entries: Entries = kept ?? store;

      /** Reads one file if it changed; gives its render job when its HTML is not cached yet. */
      async function sync(file: string, id: string): Promise<RenderJob | undefined> {
        const shown = posix(relative(root, file));
        const { mtimeMs, size } = statSync(file);
        const stamp = `${mtimeMs}:${size}`;
        const known = seen.get(shown);
        const existing = entries.get(id);
        if (
          known?.stamp === stamp &&
          existing?.digest === known.digest &&
          (cached.has(known.digest) || !renders(existing.data))
        ) {
          next.set(shown, known);
          return undefined;
        }
        const source = readFileSync(file, 'utf8');
        const digest = generateDigest(`${fingerprint}\n${source}`);
        next.set(shown, { stamp, digest });
        const unchanged = existing?.digest === digest;
        const rendered = cached.has(digest);
        if (unchanged && rendered) return undefined;
        const { frontmatter, content } = parse(source, shown);
        let data = existing?.data;
        if (!unchanged) {
          data = await parseData({ id, data: frontmatter, filePath: file });
          entries.set({ id, data, filePath: shown, digest });
        }
        if (rendered || !renders(data ?? {})) return undefined;
        return { markdown: content.trim(), path: file, collection, digest };
      }

      const untouched = new Set(entries.keys());
      const results: Promise<RenderResult>[] = [];
      // Workers hand their results to this thread, the only writer: two workers taking turns
      // at the database lock spent more time waiting than rendering.
      const keep = (result: RenderResult) => {
        cache.write(result.renderings);
        return result;
      };
      try {
        let queued: RenderJob[] = [];
        try {
          for (const file of markdownFiles(base)) {
            const id = entryId(base, file, posix(relative(root, file)));
            untouched.delete(id);
            const job = await sync(file, id);
            if (job) queued.push(job);
            // Workers render while this thread reads and validates the rest.
            if (queued.length >= WORKER_THRESHOLD) {
              results.push(renderAll(queued).then(keep));
              queued = [];
            }
          }
          results.push(renderAll(queued).then(keep));
        } finally {
          // Even when a file was refused, the cache stays open until every worker has reported.
          await Promise.allSettled(results);
        }
        for (const id of untouched) entries.delete(id);
        throwFailures((await Promise.all(results)).flatMap((result) => result.failures), root);
        kept?.save(cache);
        cache.saveFiles(collection, fingerprint, next);
        // The cache has just forgotten the renderings no file uses; so must this load, or a file
        // that comes back with the same text while `astro dev` runs (an article deleted, then
        // restored) would be taken for rendered and show no body.
        const used = new Set([...next.values()].map((file) => file.digest));
        for (const digest of cached) if (!used.has(digest)) cached.delete(digest);
      } finally {
        cache.close();
      }

      if (!watcher) return;
      watcher.add(base);
      const onChange = async (path: string) => {
        if (!path.startsWith(base + sep) || !path.endsWith('.md')) return;
        try {
          const job = await sync(path, entryId(base, path, posix(relative(root, path))));
          const result = job ? await renderAll([job]) : undefined;
          if (result) throwFailures(result.failures, root);
          const changed = new RenderCache();
          try {
            if (result) changed.write(result.renderings);
            kept?.save(changed);
          } finally {
            changed.close();
          }
          if (job) cached.add(job.digest);
          if (kept) keptContentChanged();
          context.logger.info(`Reloaded ${posix(relative(root, path))}`);
        } catch (error) {
          context.logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path: string) => {
        if (!path.startsWith(base + sep) || !path.endsWith('.md')) return;
        entries.delete(posix(relative(base, path)).replace(/\.md$/, ''));
        if (!kept) return;
        const changed = new RenderCache();
        try {
          kept.save(changed);
        } finally {
          changed.close();
        }
        keptContentChanged();
      });
    },
  };
}

function parse(source: string, shown: string) {
  try {
    return parseFrontmatter(source);
  } catch (error) {
    throw new Error(`${shown}: the frontmatter (between the --- lines) is not valid YAML: ${String(error)}`, {
      cause: error,
    });
  }
}

function throwFailures(failures: RenderResult['failures'], root: string): void {
  if (failures.length > 0) {
    const list = failures.map((failure) => `${posix(relative(root, failure.path))}: body: ${failure.message}`);
    throw new Error(`Markdown could not be rendered:\n${list.join('\n')}`);
  }
}
