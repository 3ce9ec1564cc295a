import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What Pagefind keeps of one page: its address, its indexed text and its metadata. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Pagefind's fragments are gzipped JSON after a fixed signature. */
const SIGNATURE = 'pagefind_dcd';

/** Every page a built site's search index holds, read from `dist/pagefind/fragment/`. */
export function indexedPages(dist: string): IndexedPage[] {
  const folder = join(dist, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(text.slice(SIGNATURE.length)) as IndexedPage;
  });
}

/** The languages the index was built for, with their page counts. */
export function indexLanguages(dist: string): Record<string, { page_count: number }> {
  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages;
}
