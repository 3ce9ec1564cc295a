import { describe, expect, test } from 'vitest';
import { dealShards } from '../../src/integrations/search-plan';
import { exactWords, inReadingOrder, indexesHolding, type Found } from '../../src/scripts/search-order';

/** A result whose data says when its story was published, counting how often it was loaded. */
function result(id: string, date: string, loads: string[]): Found {
  return {
    id,
    data: () => {
      loads.push(id);
      return Promise.resolve({ url: `/${id}/`, meta: { title: id, date } });
    },
  };
}

const titles = async (taken: Promise<{ meta: { title?: string } }[]>) => (await taken).map((data) => data.meta.title);

describe('search results as readers see them', () => {
  test('leave out the base’s outdated records, and show a record both indexes hold once', async () => {
    const loads: string[] = [];
    const found = [
      result('old-a', '2026-11-01T10:00+01:00', loads),
      result('new-a', '2026-11-01T10:00+01:00', loads),
      result('b', '2026-11-02T10:00+01:00', loads),
      result('b', '2026-11-02T10:00+01:00', loads),
    ];
    const ordered = inReadingOrder(found, { hidden: ['old-a'], recent: ['new-a', 'b'], shards: 1 }, false);
    expect(ordered.count).toBe(2);
    await expect(titles(ordered.take(10))).resolves.toEqual(['new-a', 'b']);
  });

  test('by date, merge the base’s and the overlay’s lists newest first, loading only what is shown', async () => {
    const loads: string[] = [];
    // Pagefind ranks each index's records by their position in that index: the lists come in turn.
    const found = [
      result('base-nov-20', '2026-11-20T08:00+01:00', loads),
      result('base-nov-10', '2026-11-10T08:00+01:00', loads),
      result('base-oct-30', '2026-10-30T08:00+01:00', loads),
      result('base-oct-01', '2026-10-01T08:00+02:00', loads),
      result('recent-nov-15', '2026-11-15T08:00+01:00', loads),
      result('recent-oct-29', '2026-10-29T23:30+01:00', loads),
    ];
    const ordered = inReadingOrder(found, { hidden: [], recent: ['recent-nov-15', 'recent-oct-29'], shards: 1 }, true);
    expect(ordered.count).toBe(6);
    await expect(titles(ordered.take(3))).resolves.toEqual(['base-nov-20', 'recent-nov-15', 'base-nov-10']);
    expect(loads).not.toContain('base-oct-01');
    await expect(titles(ordered.take(10))).resolves.toEqual(['base-oct-30', 'recent-oct-29', 'base-oct-01']);
    expect(new Set(loads).size).toBe(loads.length);
  });

  test('by date without an overlay, keep Pagefind’s order', async () => {
    const loads: string[] = [];
    const found = [result('b', '2026-11-02T10:00+01:00', loads), result('a', '2026-11-01T10:00+01:00', loads)];
    await expect(titles(inReadingOrder(found, { hidden: [], recent: [], shards: 1 }, true).take(10))).resolves.toEqual([
      'b',
      'a',
    ]);
  });
});

describe('results by date from a base in shards', () => {
  /**
   * What Pagefind's browser API does with `sort: { date: 'desc' }` over merged indexes: each
   * index scores a result with its position among that index's pages sorted by date; the lists
   * are joined in the order the search page merged the indexes (newest shard first) and sorted
   * by score, keeping that order among equal scores.
   */
  function pagefindByDate(shards: string[][], dates: ReadonlyMap<string, string>, matches: (url: string) => boolean) {
    const count = shards.length;
    const order = [count - 1, ...Array.from({ length: count - 1 }, (_, i) => count - 2 - i)];
    return order
      .flatMap((shard) => {
        const date = (url: string) => dates.get(url) ?? '';
        const byDate = [...(shards[shard] ?? [])].sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));
        return byDate
          .map((url, position) => ({ url, score: position }))
          .filter(({ url }) => matches(url))
          .sort((a, b) => b.score - a.score);
      })
      .sort((a, b) => b.score - a.score)
      .map(({ url }) => url);
  }

  test.each([
    [50, 6],
    [5000, 700],
    [20_000, 2500],
  ])('come newest first across every shard (%i pages, %i a shard)', (total, perShard) => {
    const start = Date.parse('2020-01-01T00:00:00Z');
    // Dates in no order, some equal, as an archive's publication times are.
    const dates = new Map(
      Array.from({ length: total }, (_, i) => [
        `/p${i}/`,
        new Date(start + Math.floor(((i * 7919) % total) / 2) * 3_600_000).toISOString(),
      ]),
    );
    const shards = dealShards(dates, perShard);
    expect(shards.length).toBeGreaterThan(1);
    const matches = (url: string) => Number(url.slice(2, -1)) % 3 !== 1;
    const found = pagefindByDate(shards, dates, matches);
    const expected = [...dates]
      .filter(([url]) => matches(url))
      .map(([, date]) => date)
      .sort()
      .reverse();
    expect(found.map((url) => dates.get(url))).toEqual(expected);
  });
});

describe('the indexes searched, so that Pagefind’s fallback brings nothing in', () => {
  test('are those holding a rare word: the others would answer with the pages holding a shorter word', () => {
    // « lecornu » is in two articles of one shard; the three others would fall back to « le ».
    expect(indexesHolding([{ 'shard-0': 0, 'shard-1': 2, 'shard-2': 0, 'shard-3': 0, overlay: 0 }])).toEqual([
      'shard-1',
    ]);
  });

  test('are every index for a word every index holds, so its longer forms (« européen ») still match', () => {
    expect(indexesHolding([{ 'shard-0': 40, 'shard-1': 38, overlay: 1 }])).toEqual(['overlay', 'shard-0', 'shard-1']);
  });

  test('are those holding every word of the query that some index holds', () => {
    const counts = [
      { 'shard-0': 3, 'shard-1': 5, 'shard-2': 1 },
      { 'shard-0': 0, 'shard-1': 1, 'shard-2': 2 },
      { 'shard-0': 0, 'shard-1': 0, 'shard-2': 0 },
    ];
    expect(indexesHolding(counts)).toEqual(['shard-1', 'shard-2']);
  });

  test('are not restricted by a word no index holds, which Pagefind answers as one index would', () => {
    expect(indexesHolding([{ 'shard-0': 0, overlay: 0 }])).toBeUndefined();
    expect(indexesHolding([{}])).toBeUndefined();
    expect(indexesHolding([])).toBeUndefined();
  });

  test('can be none, when two words are never held by the same index', () => {
    expect(
      indexesHolding([
        { 'shard-0': 1, 'shard-1': 0 },
        { 'shard-0': 0, 'shard-1': 4 },
      ]),
    ).toEqual([]);
  });

  test('are looked up word by word, each word quoted, whatever quotes and spaces the reader typed', () => {
    expect(exactWords('  Lecornu   budget ')).toEqual(['"Lecornu"', '"budget"']);
    expect(exactWords('"transition énergétique" — ?')).toEqual(['"transition"', '"énergétique"']);
    expect(exactWords('')).toEqual([]);
  });
});
