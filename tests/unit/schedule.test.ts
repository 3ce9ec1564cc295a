import { describe, expect, test } from 'vitest';
import { parseSince, publicationPlan, type PlannedStory } from '../../src/lib/schedule';

const story = (file: string, publishedAt: string, draft = false): PlannedStory => ({
  file,
  title: file,
  publishedAt: new Date(publishedAt),
  draft,
});

const stories = [
  story('ancien.md', '2026-12-01T08:00:00+01:00'),
  story('sept-heures.md', '2026-12-03T07:00:00+01:00'),
  story('sept-heures-trente.md', '2026-12-03T07:30:00+01:00'),
  story('brouillon.md', '2026-12-03T07:10:00+01:00', true),
  story('demain.md', '2026-12-04T06:00:00+01:00'),
];

describe('publicationPlan', () => {
  test('says which scheduled stories fall due between the last build and now, and what comes next', () => {
    const plan = publicationPlan(stories, new Date('2026-12-03T07:15:00+01:00'), new Date('2026-12-03T06:45:00+01:00'));
    expect(plan.due.map((s) => s.file)).toEqual(['sept-heures.md']);
    expect(plan.upcoming.map((s) => s.file)).toEqual(['sept-heures-trente.md', 'demain.md']);
  });

  test('a story due at the very minute of the build is published by it, not by the next one', () => {
    const at = new Date('2026-12-03T07:00:00+01:00');
    expect(publicationPlan(stories, at, new Date('2026-12-03T06:00:00+01:00')).due.map((s) => s.file)).toEqual([
      'sept-heures.md',
    ]);
    expect(publicationPlan(stories, new Date('2026-12-03T07:20:00+01:00'), at).due).toEqual([]);
  });

  test('a draft waits for an editor, whatever its date; an unknown last build makes nothing due', () => {
    const plan = publicationPlan(stories, new Date('2026-12-05T00:00:00+01:00'), undefined);
    expect(plan.due).toEqual([]);
    expect(plan.upcoming).toEqual([]);
    const all = publicationPlan(stories, new Date('2026-12-05T00:00:00+01:00'), new Date('2026-11-30T00:00:00Z'));
    expect(all.due.map((s) => s.file)).not.toContain('brouillon.md');
  });
});

describe('parseSince', () => {
  const now = new Date('2026-12-03T07:15:00+01:00');

  test('reads a span back from now, as a CI schedule knows it', () => {
    expect(parseSince('15min', now)?.toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(parseSince('2h', now)?.toISOString()).toBe('2026-12-03T04:15:00.000Z');
    expect(parseSince('1j', now)?.toISOString()).toBe('2026-12-02T06:15:00.000Z');
  });

  test('reads an ISO date with its offset, and refuses anything else', () => {
    expect(parseSince('2026-12-03T06:45:00+01:00', now)?.toISOString()).toBe('2026-12-03T05:45:00.000Z');
    for (const value of ['hier', '15', '2026-12-03', '2026-12-33T06:45:00+01:00']) {
      expect(parseSince(value, now), value).toBeUndefined();
    }
  });
});
