import { describe, expect, test } from 'vitest';
import { entryTime, isRunning, lastUpdate, liveCoverage, liveStatus, withoutNewsletter } from '../../src/lib/live';

const entry = (id: string, publishedAt: string) => ({ id, publishedAt: new Date(publishedAt) });
const now = new Date('2026-11-29T12:00:00+01:00');

describe('whether a live runs', () => {
  test('runs without an end date, and until its end date', () => {
    expect(isRunning(undefined, now)).toBe(true);
    expect(isRunning(new Date('2026-11-29T12:30:00+01:00'), now)).toBe(true);
    expect(isRunning(new Date('2026-11-29T11:59:00+01:00'), now)).toBe(false);
    expect(isRunning(new Date('2026-11-29T12:00:00+01:00'), now)).toBe(false);
  });
});

describe('a live coverage at the build’s clock', () => {
  test('gives its messages newest first, the later file name first within one minute', () => {
    const live = liveCoverage(
      undefined,
      [
        entry('tempete/b', '2026-11-29T09:40:00+01:00'),
        entry('tempete/c', '2026-11-29T11:05:00+01:00'),
        entry('tempete/a', '2026-11-29T09:40:00+01:00'),
        entry('tempete/d', '2026-11-28T23:10:00+01:00'),
      ],
      now,
    );
    expect(live.entries.map((e) => e.id)).toEqual(['tempete/c', 'tempete/b', 'tempete/a', 'tempete/d']);
    expect(live.running).toBe(true);
    expect(live.day).toBe('2026-11-29');
  });

  test('reads its times against the build’s day while it runs, against its end’s day once ended', () => {
    expect(liveCoverage(undefined, [], new Date('2026-11-29T23:30:00Z')).day).toBe('2026-11-30');
    const ended = liveCoverage(new Date('2026-11-27T00:20:00+01:00'), [], now);
    expect(ended.running).toBe(false);
    expect(ended.day).toBe('2026-11-27');
  });

  test('is updated when its latest message was posted, unless the article was changed later', () => {
    const live = liveCoverage(undefined, [entry('x/a', '2026-11-29T09:40:00+01:00')], now);
    expect(lastUpdate(undefined, live)?.toISOString()).toBe('2026-11-29T08:40:00.000Z');
    expect(lastUpdate(new Date('2026-11-29T07:00:00Z'), live)?.toISOString()).toBe('2026-11-29T08:40:00.000Z');
    expect(lastUpdate(new Date('2026-11-29T10:00:00Z'), live)?.toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect(lastUpdate(undefined, liveCoverage(undefined, [], now))).toBeUndefined();
  });

  test('tells an open page whether it runs and which messages it has, newest first', () => {
    const live = liveCoverage(
      undefined,
      [
        { ...entry('x/a', '2026-11-29T09:00:00+01:00'), anchor: 'message-a' },
        { ...entry('x/b', '2026-11-29T10:00:00+01:00'), anchor: 'message-b' },
      ],
      now,
    );
    expect(liveStatus(live)).toEqual({ running: true, entries: ['message-b', 'message-a'] });
  });
});

describe('the time of a message', () => {
  test('is « 17 h 05 » on the live’s day, in Paris, and carries its date on another day', () => {
    expect(entryTime(new Date('2026-11-29T16:05:00Z'), '2026-11-29')).toBe('17\u00A0h\u00A005');
    expect(entryTime(new Date('2026-11-28T23:30:00Z'), '2026-11-29')).toBe('0\u00A0h\u00A030');
    expect(entryTime(new Date('2026-11-28T22:50:00Z'), '2026-11-29')).toBe('28 nov. à\u00A023\u00A0h\u00A050');
  });
});

describe('« L’essentiel » of a running live', () => {
  test('keeps the body but the newsletter box, which the page shows after the messages', () => {
    expect(
      withoutNewsletter([
        { kind: 'html', html: '<ul><li>Vigilance rouge.</li></ul>' },
        { kind: 'newsletter' },
        { kind: 'read-also', article: 'autre' },
      ]),
    ).toEqual([
      { kind: 'html', html: '<ul><li>Vigilance rouge.</li></ul>' },
      { kind: 'read-also', article: 'autre' },
    ]);
  });
});
