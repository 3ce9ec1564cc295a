/** What article pages give Pagefind (`data-pagefind-meta` in ArticleHeader.astro). */
export interface ResultData {
  url: string;
  meta: { title?: string; kicker?: string; standfirst?: string; date?: string };
}

/** One result as Pagefind's browser API gives it: the record's id, and its data loaded on demand. */
export interface Found {
  id: string;
  data(): Promise<ResultData>;
}

/** The overlay of recent changes, a Pagefind index in this folder of the base's. */
export const OVERLAY_FOLDER = 'recents';

/**
 * The base's shards but the newest, each a Pagefind index in `shards/<n>/` of the base's
 * folder; the newest is the base's folder itself, with Pagefind's code and WebAssembly.
 */
export const SHARD_FOLDER = 'shards';

/** The manifest the search page reads before searching, in the index's folder. */
export const MANIFEST = 'kiosque-index.json';

/**
 * The manifest, written beside the index by the build (src/integrations/search-index.ts):
 * the base's records that are out of date, and the records of the overlay of recent changes.
 */
export interface IndexManifest {
  /** Ids of base records whose page changed or is gone since the base was written. */
  hidden: string[];
  /** Ids of the overlay's records; empty when there is no overlay. */
  recent: string[];
  /**
   * How many shards the base is dealt into (docs/adr/009-search-index-shards.md). The build
   * deals the pages into shards in date order like cards (the page of rank r, oldest first, in
   * shard r mod count), and Pagefind scores a result sorted by date with its position in its
   * own shard, floor(r / count); its merged results keep the order of its indexes among equal
   * scores. Merged newest shard first, its results by date are therefore in the order of r.
   */
  shards: number;
}

/** The results in the order readers see them, `take` loading the next ones' data. */
export interface Ordered {
  count: number;
  take(count: number): Promise<ResultData[]>;
}

const when = (data: ResultData) => {
  const time = Date.parse(data.meta.date ?? '');
  return Number.isNaN(time) ? -Infinity : time;
};

/** Each result's data loaded once, however often it is asked for. */
function once(found: Found): Found {
  let data: Promise<ResultData> | undefined;
  return { id: found.id, data: () => (data ??= found.data()) };
}

/**
 * Two lists each newest first, as one list newest first. Only the heads' data are loaded, so
 * showing ten results loads about ten records, however many matched.
 */
async function* newestFirst(a: Found[], b: Found[]): AsyncGenerator<ResultData> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = a[i];
    const other = b[j];
    if (next === undefined || other === undefined) {
      i += next === undefined ? 0 : 1;
      j += next === undefined ? 1 : 0;
      yield await (next ?? (other as Found)).data();
      continue;
    }
    const [x, y] = await Promise.all([next.data(), other.data()]);
    if (when(x) >= when(y)) {
      i++;
      yield x;
    } else {
      j++;
      yield y;
    }
  }
}

async function* inTurn(results: Found[]): AsyncGenerator<ResultData> {
  for (const result of results) yield await result.data();
}

/**
 * The words of a query, each as an exact search: Pagefind looks a quoted word up by its stem
 * only, without its fallback to other words.
 */
export function exactWords(query: string): string[] {
  return query
    .replaceAll('"', ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word}"`);
}

/**
 * The synthetic filter each index of the search carries (Pagefind's `mergeFilter`), naming
 * it (`shard-2`, `overlay`): the counts of an exact search by this filter tell which indexes
 * hold a word.
 */
export const INDEX_FILTER = 'index';

/** The value of `INDEX_FILTER` for shard `shard`. */
export const shardFilter = (shard: number) => `shard-${shard}`;

/** The value of `INDEX_FILTER` for the overlay of recent changes. */
export const OVERLAY_FILTER = 'overlay';

/**
 * The indexes whose results can be trusted for a query, from how many pages of each index hold
 * each word as such (`counts`, one record per word, from an exact search of the word).
 * Pagefind falls back to the longest indexed word that begins a word when no indexed word
 * begins with it (`lecornu` finds every page saying « le »). One index over the archive does so
 * only for a word no article holds; but the base is in shards
 * (docs/adr/009-search-index-shards.md) and the overlay of recent changes is small, so a rare
 * word missing from one of them would bring that index's pages by the hundred. An index
 * holding the word has no fallback for it; one that does not may have. So only the indexes
 * holding every word that some index holds are searched; a word no index holds restricts
 * nothing, and Pagefind answers for it as one index would. Undefined: no restriction.
 */
export function indexesHolding(counts: readonly Readonly<Record<string, number>>[]): string[] | undefined {
  let allowed: Set<string> | undefined;
  for (const word of counts) {
    const holding = Object.keys(word).filter((index) => (word[index] ?? 0) > 0);
    if (holding.length === 0) continue;
    allowed = new Set(allowed === undefined ? holding : holding.filter((index) => allowed?.has(index)));
  }
  return allowed && [...allowed].sort();
}

/**
 * Pagefind's results as readers must see them. The index is a base and an overlay of pages
 * changed since (docs/adr/007-search-index-overlay.md): the base's outdated records are left
 * out, and a record both hold is shown once. By relevance, Pagefind's order across both is
 * kept. By date, Pagefind orders each index on its own and ranks the two by position, not by
 * date, so the two lists are merged here by their publication dates.
 */
export function inReadingOrder(results: readonly Found[], manifest: IndexManifest, byDate: boolean): Ordered {
  const hidden = new Set(manifest.hidden);
  const recent = new Set(manifest.recent);
  const seen = new Set<string>();
  const visible = results.filter((result) => {
    if (hidden.has(result.id) || seen.has(result.id)) return false;
    seen.add(result.id);
    return true;
  });
  const loaded = visible.map(once);
  const stream =
    byDate && recent.size > 0
      ? newestFirst(
          loaded.filter((result) => !recent.has(result.id)),
          loaded.filter((result) => recent.has(result.id)),
        )
      : inTurn(loaded);
  return {
    count: visible.length,
    async take(count) {
      const taken: ResultData[] = [];
      while (taken.length < count) {
        const next = await stream.next();
        if (next.done === true) break;
        taken.push(next.value);
      }
      return taken;
    },
  };
}
