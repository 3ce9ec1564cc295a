import { describe, expect, test } from 'vitest';
import { buildThreads, type ThreadComment } from '../../src/lib/threads';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 18, minute));
const comment = (id: string, minute: number, replyTo?: string): ThreadComment => ({
  id: `art/${id}`,
  publishedAt: at(minute),
  replyTo: replyTo && `art/${replyTo}`,
});

describe('buildThreads', () => {
  test('keeps top-level comments in publication order with their replies', () => {
    const threads = buildThreads([comment('c3', 30), comment('c1', 10), comment('c2', 20, 'c1')]);
    expect(threads.map((t) => t.comment.id)).toEqual(['art/c1', 'art/c3']);
    expect(threads[0]?.replies.map((r) => r.comment.id)).toEqual(['art/c2']);
  });

  test('attaches a reply to a reply to its top-level comment, remembering whom it answers', () => {
    const threads = buildThreads([comment('c1', 10), comment('c2', 20, 'c1'), comment('c3', 30, 'c2')]);
    expect(threads).toHaveLength(1);
    const replies = threads[0]?.replies ?? [];
    expect(replies.map((r) => [r.comment.id, r.answers.id])).toEqual([
      ['art/c2', 'art/c1'],
      ['art/c3', 'art/c2'],
    ]);
  });

  test('shows a reply whose parent is not published as a top-level comment instead of losing it', () => {
    const threads = buildThreads([comment('c2', 20, 'pending-one')]);
    expect(threads.map((t) => t.comment.id)).toEqual(['art/c2']);
  });
});
