import { describe, expect, test } from 'vitest';
import { commentsCloseAt, commentsModeAt } from '../../src/lib/comment-rules';

const publishedAt = new Date('2026-11-01T08:00:00+01:00');

describe('when comments close', () => {
  test('the site default closes them N days after publication, to the minute', () => {
    const settings = { mode: 'open' as const, publishedAt, closeAfterDays: 30 };
    expect(commentsCloseAt(settings)?.toISOString()).toBe('2026-12-01T07:00:00.000Z');
    expect(commentsModeAt(settings, new Date('2026-12-01T07:59:00+01:00'))).toBe('open');
    expect(commentsModeAt(settings, new Date('2026-12-01T08:00:00+01:00'))).toBe('closed');
  });

  test('subscriber-only comments close the same way', () => {
    const settings = { mode: 'subscribers' as const, publishedAt, closeAfterDays: 2 };
    expect(commentsModeAt(settings, new Date('2026-11-02T09:00:00+01:00'))).toBe('subscribers');
    expect(commentsModeAt(settings, new Date('2026-11-03T09:00:00+01:00'))).toBe('closed');
  });

  test('an article without a closing delay stays open, and a closed one has no closing date', () => {
    expect(commentsModeAt({ mode: 'open', publishedAt, closeAfterDays: null }, new Date('2030-01-01'))).toBe('open');
    expect(commentsCloseAt({ mode: 'open', publishedAt, closeAfterDays: null })).toBeUndefined();
    expect(commentsCloseAt({ mode: 'closed', publishedAt, closeAfterDays: 30 })).toBeUndefined();
    expect(commentsModeAt({ mode: 'closed', publishedAt, closeAfterDays: 30 }, publishedAt)).toBe('closed');
  });
});
