import { scriptText } from '../i18n/fr';
import { formatDay } from '../lib/dates';
import {
  MANIFEST,
  OVERLAY_FOLDER,
  SHARD_FOLDER,
  INDEX_FILTER,
  OVERLAY_FILTER,
  exactWords,
  inReadingOrder,
  indexesHolding,
  shardFilter,
  type Found,
  type IndexManifest,
  type Ordered,
  type ResultData,
} from './search-order';

const text = scriptText.search;

/** Results shown at once, and added by each « Afficher plus de résultats ». */
const PAGE_SIZE = 10;

/** The part of Pagefind's browser API the page uses (https://pagefind.app/docs/api/). */
interface Pagefind {
  options(options: { mergeFilter: Record<string, string> }): Promise<void>;
  mergeIndex(path: string, options: { mergeFilter: Record<string, string> }): Promise<void>;
  search(
    query: string,
    options: { sort?: Record<string, 'asc' | 'desc'>; filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: Found[]; filters: Record<string, Record<string, number>> } | null>;
}

/** The form's orders: Pagefind's relevance, or the `data-pagefind-sort` date, newest first. */
type Order = 'pertinence' | 'date';

const INDEX = '/pagefind/';

/** What a site without articles searches: the build wrote no index, only its manifest. */
const NOTHING_INDEXED: Pagefind = {
  options: () => Promise.resolve(),
  mergeIndex: () => Promise.resolve(),
  search: () => Promise.resolve({ results: [], filters: {} }),
};

let index: Promise<{ pagefind: Pagefind; manifest: IndexManifest }> | undefined;

/**
 * The index and its code are written by `astro build` next to the pages, so they are loaded
 * from there at run time, not bundled; the first search pays for them, other pages never do.
 * The manifest says how many shards the base has, which of its records are out of date and
 * whether an overlay of recent changes is to be searched beside it
 * (src/integrations/search-index.ts). Pagefind keeps the order of its indexes, on which the
 * order by date relies: the base's folder (its newest shard), the other shards newest first,
 * then the overlay. Each carries a filter naming it (`INDEX_FILTER`), which `indexesHolding`
 * reads.
 */
function loadIndex() {
  index ??= (async () => {
    const response = await fetch(`${INDEX}${MANIFEST}`, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${INDEX}${MANIFEST}: ${response.status}`);
    const manifest = (await response.json()) as IndexManifest;
    if (manifest.shards === 0) return { pagefind: NOTHING_INDEXED, manifest };
    const pagefind = (await import(/* @vite-ignore */ `${INDEX}pagefind.js`)) as Pagefind;
    const named = (value: string) => ({ mergeFilter: { [INDEX_FILTER]: value } });
    await pagefind.options(named(shardFilter(manifest.shards - 1)));
    const merged = [];
    for (let shard = manifest.shards - 2; shard >= 0; shard--)
      merged.push(pagefind.mergeIndex(`${INDEX}${SHARD_FOLDER}/${shard}/`, named(shardFilter(shard))));
    if (manifest.recent.length > 0)
      merged.push(pagefind.mergeIndex(`${INDEX}${OVERLAY_FOLDER}/`, named(OVERLAY_FILTER)));
    await Promise.all(merged);
    return { pagefind, manifest };
  })();
  return index;
}

function part<T extends Element>(root: ParentNode, name: string): T {
  const element = root.querySelector<T>(`[data-part="${name}"]`);
  if (element === null) throw new Error(`The search page has no [data-part="${name}"]`);
  return element;
}

function renderResult(template: HTMLTemplateElement, { url, meta }: ResultData): Node {
  const item = template.content.cloneNode(true) as DocumentFragment;
  const title = part<HTMLAnchorElement>(item, 'result-title');
  title.href = url;
  title.textContent = meta.title ?? url;
  // Made here rather than in the template, where they would be invalid HTML, empty (SearchResults.astro).
  const heading = document.createElement('h2');
  title.replaceWith(heading);
  heading.append(title);
  const kicker = part(item, 'result-kicker');
  if (meta.kicker) kicker.textContent = meta.kicker;
  else kicker.remove();
  part(item, 'result-standfirst').textContent = meta.standfirst ?? '';
  const date = part(item, 'result-date');
  if (meta.date) {
    const time = document.createElement('time');
    time.dateTime = meta.date.slice(0, 10);
    time.textContent = formatDay(new Date(meta.date));
    date.append(time);
  } else date.remove();
  return item;
}

function enhance(form: HTMLFormElement, results: HTMLElement) {
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const order = form.elements.namedItem('tri') as HTMLSelectElement;
  const status = part(results, 'search-status');
  const list = part<HTMLOListElement>(results, 'search-list');
  const more = part<HTMLButtonElement>(results, 'search-more');
  const failed = part<HTMLElement>(results, 'search-failed');
  const template = part<HTMLTemplateElement>(results, 'search-result');
  let pending: Ordered = { count: 0, take: () => Promise.resolve([]) };
  let shown = 0;
  // A reader who types faster than the index answers sees only the last query's results.
  let latest = 0;

  async function showMore() {
    const data = await pending.take(PAGE_SIZE);
    shown += data.length;
    list.append(...data.map((result) => renderResult(template, result)));
    more.hidden = shown >= pending.count;
  }

  async function search(query: string, by: Order) {
    const run = ++latest;
    list.replaceChildren();
    more.hidden = true;
    failed.hidden = true;
    pending = inReadingOrder([], { hidden: [], recent: [], shards: 1 }, false);
    shown = 0;
    if (query === '') {
      status.textContent = '';
      return;
    }
    status.textContent = text.searching;
    try {
      const { pagefind, manifest } = await loadIndex();
      const exact = await Promise.all(exactWords(query).map((word) => pagefind.search(word, {})));
      const allowed = indexesHolding(exact.map((answer) => answer?.filters[INDEX_FILTER] ?? {}));
      const found =
        allowed?.length === 0
          ? { results: [] }
          : await pagefind.search(query, {
              ...(by === 'date' && { sort: { date: 'desc' } }),
              ...(allowed && { filters: { [INDEX_FILTER]: { any: allowed } } }),
            });
      if (run !== latest || found === null) return;
      pending = inReadingOrder(found.results, manifest, by === 'date');
      await showMore();
      status.textContent = text.count(pending.count, query);
    } catch {
      index = undefined;
      status.textContent = '';
      failed.hidden = false;
    }
  }

  function fromAddress() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q')?.trim() ?? '';
    order.value = params.get('tri') === 'date' ? 'date' : 'pertinence';
    void search(input.value, order.value as Order);
  }
  fromAddress();

  // The form works as a plain GET without this; with it, the page stays and the address
  // follows, so that a result can be shared and Back returns to the previous query.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    const address = new URL(location.href);
    address.searchParams.set('q', query);
    address.searchParams.set('tri', order.value);
    history.pushState(null, '', address);
    void search(query, order.value as Order);
  });
  order.addEventListener('change', () => {
    if (input.value.trim() !== '') form.requestSubmit();
  });
  window.addEventListener('popstate', fromAddress);
  // The button may hide once everything is shown: focus goes to the first result it added.
  more.addEventListener('click', async () => {
    const shown = list.children.length;
    await showMore();
    list.children[shown]?.querySelector('a')?.focus();
  });
}

const form = document.querySelector<HTMLFormElement>('[data-part="search-form"]');
const results = document.querySelector<HTMLElement>('[data-part="search-results"]');
if (form && results) enhance(form, results);
