import { describe, expect, test } from 'vitest';
import { inReadingOrder, type Found } from '../../src/scripts/search-order';

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
    const ordered = inReadingOrder(found, { hidden: ['old-a'], recent: ['new-a', 'b'] }, false);
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
    const ordered = inReadingOrder(found, { hidden: [], recent: ['recent-nov-15', 'recent-oct-29'] }, true);
    expect(ordered.count).toBe(6);
    await expect(titles(ordered.take(3))).resolves.toEqual(['base-nov-20', 'recent-nov-15', 'base-nov-10']);
    expect(loads).not.toContain('base-oct-01');
    await expect(titles(ordered.take(10))).resolves.toEqual(['base-oct-30', 'recent-oct-29', 'base-oct-01']);
    expect(new Set(loads).size).toBe(loads.length);
  });

  test('by date without an overlay, keep Pagefind’s order', async () => {
    const loads: string[] = [];
    const found = [result('b', '2026-11-02T10:00+01:00', loads), result('a', '2026-11-01T10:00+01:00', loads)];
    await expect(titles(inReadingOrder(found, { hidden: [], recent: [] }, true).take(10))).resolves.toEqual(['b', 'a']);
  });
});
