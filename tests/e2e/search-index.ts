import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SHARD_FOLDER, type IndexManifest } from '../../src/scripts/search-order';

/** What Pagefind keeps of one page: its address, its indexed text and its metadata. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Pagefind's fragments are gzipped JSON after a fixed signature. */
const SIGNATURE = 'pagefind_dcd';

function fragments(folder: string): (IndexedPage & { id: string })[] {
  const dir = join(folder, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return { ...(JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage), id: name.replace(/\.pf_fragment$/, '') };
  });
}

/** The manifest the search page reads: outdated base records, and the overlay's. */
export function indexManifest(dist: string): IndexManifest {
  return JSON.parse(readFileSync(join(dist, 'pagefind', 'kiosque-index.json'), 'utf8')) as IndexManifest;
}

/** The folders of the base's shards, newest first, as the search page merges them. */
export function shardFolders(dist: string): string[] {
  const { shards } = indexManifest(dist);
  const others = Array.from({ length: shards - 1 }, (_, shard) => join(dist, 'pagefind', SHARD_FOLDER, String(shard)));
  return [join(dist, 'pagefind'), ...others.reverse()];
}

/**
 * Every page a reader can find in a built site's index, read from its fragments: the records
 * of the base's shards but those the manifest marks outdated, and the overlay's of recent changes.
 */
export function indexedPages(dist: string): IndexedPage[] {
  const { hidden } = indexManifest(dist);
  const base = shardFolders(dist)
    .flatMap((folder) => fragments(folder))
    .filter((page) => !hidden.includes(page.id));
  const recent = fragments(join(dist, 'pagefind', 'recents'));
  const ids = new Set(base.map((page) => page.id));
  return [...base, ...recent.filter((page) => !ids.has(page.id))].map(({ url, content, meta }) => ({
    url,
    content,
    meta,
  }));
}

/** The languages the base index was built for, with their page counts summed over its shards. */
export function indexLanguages(dist: string): Record<string, { page_count: number }> {
  const languages: Record<string, { page_count: number }> = {};
  for (const folder of shardFolders(dist)) {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    for (const [language, { page_count }] of Object.entries(entry.languages))
      languages[language] = { page_count: (languages[language]?.page_count ?? 0) + page_count };
  }
  return languages;
}
