import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFileIndex, renderCacheFile, renderCacheListing, writeFileIndex, type Seen } from '../render-cache.ts';
import { renderAll } from './render-pool.ts';
import type { RenderJob } from './render.ts';


/** A path segment that can be part of an address: `velo-trajets`, `c07`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const posix = (path: string) => path.split(sep).join('/');

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * What the rendering depends on besides the file itself: the pipeline's code, the site
 * settings it reads and the locked package versions. A change to any of them renders every
 * document again.
 */
function pipelineFingerprint(root: string): string {
  const hash = createHash('sha256');
  const sources = [
    ...readdirSync(join(root, 'src/lib'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
    join(root, 'src/content/loaders/render.ts'),
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
    if (!SLUG.test(segment)) {
      throw new Error(
        `${shown}: "${segment}" cannot be part of an address; name files and folders with lower-case letters, digits and hyphens, e.g. mon-article.md`,
      );
    }
  }
  return id;
}

/**
 * Kiosque's loader for Markdown collections. It does what Astro's `glob()` does (ids from
 * file names, zod validation through `parseData`, digests so that unchanged files are
 * skipped, live updates in `astro dev`) with two differences that matter at newsroom scale:
 * the rendered HTML goes to a cache of its own instead of the content store (the store is
 * bundled into the build as one module), and a clean build renders on every core.
 */
export function markdownCollection(folder: string): Loader {
  return {
    name: 'kiosque-markdown',
    load: async (context: LoaderContext) => {
      const { collection, config, store, parseData, generateDigest, watcher } = context;
      const root = fileURLToPath(config.root);
      const base = resolve(root, folder);
      const fingerprint = pipelineFingerprint(root);
      const cachedFiles = renderCacheListing(collection);
      // What each file looked like when it was last read: a file whose modification time and
      // size have not moved since is not read again (30,000 reads cost a second at N=5000).
      // Kept beside the renderings, not in Astro's meta store, which is bundled with the data.
      const seen = readFileIndex(collection, fingerprint);
      const next = new Map<string, Seen>();

      /** Reads one file if it changed; gives its render job when its HTML is not cached yet. */
      async function sync(file: string, id: string): Promise<RenderJob | undefined> {
        const shown = posix(relative(root, file));
        const { mtimeMs, size } = statSync(file);
        const stamp = `${mtimeMs}:${size}`;
        const known = seen.get(shown);
        const existing = store.get(id);
        if (known?.stamp === stamp && existing?.digest === known.digest && cachedFiles.has(known.digest)) {
          next.set(shown, known);
          return undefined;
        }
        const source = readFileSync(file, 'utf8');
        const digest = generateDigest(`${fingerprint}\n${source}`);
        next.set(shown, { stamp, digest });
        const cacheFile = renderCacheFile(collection, digest);
        const unchanged = existing?.digest === digest;
        const cached = cachedFiles.has(digest) || existsSync(cacheFile);
        if (unchanged && cached) return undefined;
        const { frontmatter, content } = parse(source, shown);
        if (!unchanged) {
          const data = await parseData({ id, data: frontmatter, filePath: file });
          store.set({ id, data, filePath: shown, digest });
        }
        return cached ? undefined : { markdown: content.trim(), path: file, cacheFile };
      }

      const untouched = new Set(store.keys());
      const jobs: RenderJob[] = [];
      for (const file of markdownFiles(base)) {
        const id = entryId(base, file, posix(relative(root, file)));
        untouched.delete(id);
        const job = await sync(file, id);
        if (job) jobs.push(job);
      }
      for (const id of untouched) store.delete(id);
      await renderOrThrow(jobs, root);
      writeFileIndex(collection, fingerprint, next);

      if (!watcher) {
        pruneRenderCache(collection, store.values().map((entry) => String(entry.digest)));
        return;
      }
      watcher.add(base);
      const onChange = async (path: string) => {
        if (!path.startsWith(base + sep) || !path.endsWith('.md')) return;
        try {
          const job = await sync(path, entryId(base, path, posix(relative(root, path))));
          await renderOrThrow(job ? [job] : [], root);
          context.logger.info(`Reloaded ${posix(relative(root, path))}`);
        } catch (error) {
          context.logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path: string) => {
        if (!path.startsWith(base + sep) || !path.endsWith('.md')) return;
        store.delete(posix(relative(base, path)).replace(/\.md$/, ''));
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

async function renderOrThrow(jobs: readonly RenderJob[], root: string): Promise<void> {
  const failures = await renderAll(jobs);
  if (failures.length > 0) {
    const list = failures.map((failure) => `${posix(relative(root, failure.path))}: body: ${failure.message}`);
    throw new Error(`Markdown could not be rendered:\n${list.join('\n')}`);
  }
}

/** After a build, forgets renderings no entry uses any more, so the cache stays the size of the site. */
function pruneRenderCache(collection: string, digests: Iterable<string>): void {
  const keep = new Set(digests);
  for (const digest of renderCacheListing(collection)) {
    if (!keep.has(digest)) rmSync(renderCacheFile(collection, digest), { force: true });
  }
}
