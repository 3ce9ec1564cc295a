import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { cacheRoot } from '../content/render-cache.ts';
import { MANIFEST, OVERLAY_FOLDER, SHARD_FOLDER, type IndexManifest } from '../scripts/search-order.ts';
import {
  dealShards,
  planSearchIndex,
  searchDigest,
  searchablePart,
  SHARD_PAGES,
  INDEX_FOLDER,
  shardPages,
  sortDate,
  type BaseIndex,
} from './search-plan.ts';

/**
 * Pagefind's ready-made search interfaces, written beside the index whether used or not; the
 * search page has its own (src/scripts/search.ts), so these 390 KB would only be deployed.
 */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/**
 * What an index merged into the base's searches (a shard, the overlay) does not need besides:
 * it is searched with the base's code and WebAssembly, not its own.
 */
const UNUSED_WHEN_MERGED = new RegExp(`${UNUSED_FILES.source}|^(?:pagefind(?:-worker)?\\.js|wasm\\..*\\.pagefind)$`);

/**
 * Parts of an article page that are not its text: the kicker, which results show apart (and
 * which would otherwise open every standfirst), the publication and reading-time lines, and
 * the boxes the page adds to the body. They are kept out by selector rather than by
 * `data-pagefind-ignore`, which would weigh on every article page.
 */
const NOT_ARTICLE_TEXT = ['kicker', 'published', 'updated', 'reading-time', 'newsletter', 'read-also'].map(
  (part) => `[data-part="${part}"]`,
);

/** What the last build left, kept in the cache folder: enough to bring the index up to date. */
interface SearchState {
  version: string;
  outDir: string;
  /** Each page's stamp (modification time and size), the digest of what Pagefind reads of it (null: not searchable) and its sort date. */
  files: Record<string, [stamp: string, digest: string | null, date: string]>;
  base: BaseIndex;
  shards: number;
  overlay: Record<string, string>;
}

/**
 * What a base index depends on besides the pages: how they are read and dealt into shards,
 * and the locked package versions (Pagefind's among them). An overlay written by another version or with other
 * settings than its base would not search alike.
 */
function fingerprint(root: string, perShard: number): string {
  const lockfile = join(root, 'package-lock.json');
  const stateFormat = 2;
  return searchDigest(
    JSON.stringify([
      stateFormat,
      NOT_ARTICLE_TEXT,
      perShard,
      existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : '',
    ]),
  );
}

/** The folder of shard `shard` of `count`: the newest is the index's folder, the others in `shards/<n>/`. */
const shardFolder = (folder: string, shard: number, count: number) =>
  shard === count - 1 ? folder : join(folder, SHARD_FOLDER, String(shard));

const statePath = () => join(resolve(cacheRoot()), 'kiosque-search.json');
const posix = (path: string) => path.split(sep).join('/');
const urlOf = (outDir: string, file: string) => `/${posix(relative(outDir, file)).replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * What the last build left, taken away while this one works: a build that fails half-way
 * leaves none, and the next one starts from nothing rather than from a half-written index.
 */
function takeState(version: string, outDir: string, folder: string): SearchState | undefined {
  try {
    const state = JSON.parse(readFileSync(statePath(), 'utf8')) as SearchState;
    rmSync(statePath());
    if (state.version !== version || state.outDir !== outDir) return undefined;
    // The output may have been emptied or replaced since: then the index is not there to build on.
    if (!existsSync(join(folder, 'pagefind-entry.json'))) return undefined;
    const parts = [
      ...Array.from({ length: state.shards }, (_, shard) => shardFolder(folder, shard, state.shards)),
      ...(Object.keys(state.overlay).length > 0 ? [join(folder, OVERLAY_FOLDER)] : []),
    ];
    if (parts.some((part) => !existsSync(join(part, 'pagefind-entry.json')))) return undefined;
    return state;
  } catch {
    return undefined;
  }
}

/**
 * The digest of what Pagefind reads of every page this build holds. A page whose file has not
 * changed since the last build (a page the incremental build restored) is not read again.
 */
function digestPages(outDir: string, files: readonly string[], known: SearchState['files']) {
  const digests = new Map<string, string>();
  const dates = new Map<string, string>();
  const paths = new Map<string, string>();
  const seen: SearchState['files'] = {};
  for (const file of files) {
    const path = posix(relative(outDir, file));
    const { mtimeMs, size } = statSync(file);
    const stamp = `${mtimeMs}:${size}`;
    let facts = known[path]?.[0] === stamp ? known[path] : undefined;
    if (facts === undefined) {
      const part = searchablePart(readFileSync(file, 'utf8'));
      facts = part === undefined ? [stamp, null, ''] : [stamp, searchDigest(part), sortDate(part)];
    }
    seen[path] = facts;
    if (facts[1] !== null) {
      const url = urlOf(outDir, file);
      digests.set(url, facts[1]);
      dates.set(url, facts[2]);
      paths.set(url, file);
    }
  }
  return { digests, dates, paths, seen };
}

/** Pagefind's id for each record of an index it wrote, by address, read from its fragments. */
function fragmentIds(folder: string, ids = new Map<string, string>()): Map<string, string> {
  const fragments = join(folder, 'fragment');
  if (!existsSync(fragments)) return ids;
  for (const name of readdirSync(fragments)) {
    // A fragment is gzipped JSON after Pagefind's signature, `pagefind_dcd`.
    const text = gunzipSync(readFileSync(join(fragments, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    ids.set(url, name.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/** Writes a new index to `folder`, with the pages `add` gives it, and none of the files `unused` names. */
async function writeIndex(
  folder: string,
  unused: RegExp,
  add: (index: pagefind.PagefindIndex) => Promise<void>,
): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_ARTICLE_TEXT });
  if (index === undefined) throw new Error(errors.join('\n'));
  await add(index);
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
  for (const file of readdirSync(folder)) {
    if (unused.test(file)) rmSync(join(folder, file));
  }
}

/** What means something in a glob; an address made of slugs (src/lib/slugs.ts) has none of it. */
const GLOB_SYNTAX = /[*?[\]{}!,\\]/;

/**
 * Adds the pages at `files` (paths in `outDir`) to `index`. Pagefind reads files named by a
 * glob on all cores, about twice as fast as pages handed to it one by one, so every path a glob
 * can name goes in one glob; any other is handed over with its address.
 */
async function addPages(index: pagefind.PagefindIndex, outDir: string, files: readonly string[]): Promise<void> {
  const paths = files.map((file) => posix(relative(outDir, file)));
  const inGlob = paths.filter((path) => !GLOB_SYNTAX.test(path));
  if (inGlob.length > 0) {
    const added = await index.addDirectory({
      path: outDir,
      glob: inGlob.length === 1 ? inGlob.join('') : `{${inGlob.join(',')}}`,
    });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    if (added.page_count !== inGlob.length)
      throw new Error(`Pagefind read ${added.page_count} of the ${inGlob.length} pages it was given`);
  }
  for (const path of paths.filter((path) => GLOB_SYNTAX.test(path))) {
    const file = join(outDir, path);
    const added = await index.addHTMLFile({ url: urlOf(outDir, file), content: readFileSync(file, 'utf8') });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  }
}

/**
 * Writes the base anew, one shard after the other (`dealShards`): the newest in the index's
 * folder, which keeps Pagefind's code and WebAssembly, the others in `shards/<n>/`. Pagefind's
 * process is closed after each shard, so that its memory is that of one shard, not of the
 * archive. The folder is emptied of the previous base and overlay first, and the newest shard
 * written before the others, as writing an index empties its folder. A site without articles
 * gets no index, only the manifest saying so.
 */
async function writeBase(outDir: string, folder: string, shards: string[][], paths: ReadonlyMap<string, string>) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const newest = shards.length - 1;
  for (const shard of [...shards.keys()].reverse()) {
    const files = (shards[shard] ?? []).map((url) => paths.get(url) as string);
    await writeIndex(
      shardFolder(folder, shard, shards.length),
      shard === newest ? UNUSED_FILES : UNUSED_WHEN_MERGED,
      (index) => addPages(index, outDir, files),
    );
    await pagefind.close();
  }
}

/** Whether `KIOSQUE_SEARCH_REBUILD=1` asks for the whole index anew; another value is a mistake, said so. */
function rebuildAsked(): boolean {
  const value = process.env['KIOSQUE_SEARCH_REBUILD'];
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`KIOSQUE_SEARCH_REBUILD: expected 1 (rebuild the whole index) or 0, got "${value}"`);
}

/**
 * Keeps the search index up to date with the pages just written. Pagefind has no incremental
 * mode, and indexing the whole archive costs about 2 ms a page on every build, so the index
 * comes in two parts (docs/adr/007-search-index-overlay.md):
 *
 * - the **base**, every article page, rebuilt only when there is none, when more than a
 *   few percent of the pages changed since it was written (`overlayLimit`), or when
 *   `KIOSQUE_SEARCH_REBUILD=1` asks for it; written in shards of at most
 *   `KIOSQUE_SEARCH_SHARD_PAGES` pages, so that Pagefind's memory does not grow with the
 *   archive (docs/adr/009-search-index-shards.md);
 * - the **overlay** (`pagefind/recents/`), the pages added or changed since the base, made
 *   anew when that set changes; `kiosque-index.json` lists the base's outdated records, which
 *   the search page leaves out.
 *
 * Only article pages mark their text with `data-pagefind-body`, so fronts, standing pages and
 * everything outside the `<article>` element (navigation, comments) stay out; a page whose
 * marked part did not change (a comment approved) leaves the index as it is. The language comes
 * from `<html lang="fr">`, which gives French stemming. The pruning of stale output leaves
 * this folder alone: this step removes what it no longer needs itself.
 */
export function buildSearchIndex(): AstroIntegration {
  let version = '';
  let perShard = SHARD_PAGES;
  return {
    name: 'kiosque-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        perShard = shardPages(process.env['KIOSQUE_SEARCH_SHARD_PAGES']);
        version = fingerprint(fileURLToPath(config.root), perShard);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const folder = join(outDir, INDEX_FOLDER);
        const overlayFolder = join(folder, OVERLAY_FOLDER);
        const started = performance.now();
        try {
          const state = takeState(version, outDir, folder);
          const files = [...new Set([...assets.values()].flat().map((url) => fileURLToPath(url)))];
          const { digests, dates, paths, seen } = digestPages(outDir, files, state?.files ?? {});
          const rebuild = rebuildAsked();
          const plan = planSearchIndex({
            base: rebuild ? undefined : state?.base,
            overlay: state?.overlay ?? {},
            pages: digests,
          });
          let base = state?.base ?? {};
          let shardCount = state?.shards ?? 1;
          let summary: string;
          if (plan.action === 'rebuild') {
            const shards = dealShards(dates, perShard);
            await writeBase(outDir, folder, shards, paths);
            shardCount = shards.length;
            const ids = new Map<string, string>();
            for (let shard = 0; shard < shardCount; shard++) fragmentIds(shardFolder(folder, shard, shardCount), ids);
            base = Object.fromEntries(
              [...digests].map(([url, digest]) => [url, { digest, fragment: ids.get(url) ?? '' }]),
            );
            summary = `Search index rebuilt from ${digests.size} page(s) in ${shardCount} shard(s) (${rebuild ? 'KIOSQUE_SEARCH_REBUILD=1' : plan.reason})`;
          } else if (plan.action === 'overlay') {
            const urls = Object.keys(plan.overlay);
            if (urls.length === 0) rmSync(overlayFolder, { recursive: true, force: true });
            else
              await writeIndex(overlayFolder, UNUSED_WHEN_MERGED, async (index) => {
                for (const url of urls) {
                  const added = await index.addHTMLFile({
                    url,
                    content: readFileSync(paths.get(url) as string, 'utf8'),
                  });
                  if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
                }
              });
            summary = `Search index: ${urls.length} page(s) in the overlay of recent changes, ${plan.hidden.length} outdated in the base`;
          } else {
            summary = `Search index up to date (${Object.keys(plan.overlay).length} page(s) in the overlay)`;
          }
          const recent = [...fragmentIds(overlayFolder).values()].sort();
          // A change Pagefind does not see (markup only) leaves the record's id as it was: it stays visible.
          const inOverlay = new Set(recent);
          const manifest: IndexManifest = {
            hidden: plan.hidden.filter((id) => !inOverlay.has(id)),
            recent,
            shards: shardCount,
          };
          writeFileSync(join(folder, MANIFEST), JSON.stringify(manifest));
          const next: SearchState = {
            version,
            outDir,
            files: seen,
            base,
            shards: shardCount,
            overlay: plan.overlay,
          };
          mkdirSync(dirname(statePath()), { recursive: true });
          writeFileSync(statePath(), JSON.stringify(next));
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(`${summary} in ${seconds} s`);
        } catch (error) {
          throw new Error(
            `The search index could not be built (Pagefind): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
