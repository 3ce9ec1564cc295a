import { z } from 'astro/zod';

/** A day, or a day and time with its offset: 2026-11-28, 2026-11-28T17:05:00+01:00. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A date in frontmatter, as YAML writes it unquoted or as an ISO 8601 string. Anything else is
 * refused rather than guessed: JavaScript's own parser reads « le 3 novembre » as a date in
 * 2001, and a time without an offset would depend on the machine that builds.
 */
export const dateField = z.unknown().transform((value, ctx) => {
  const date = value instanceof Date ? value : typeof value === 'string' && ISO_8601.test(value.trim()) ? new Date(value.trim()) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a date like 2026-11-28T17:05:00+01:00, got ${JSON.stringify(value) ?? 'nothing'}`,
    });
    return z.NEVER;
  }
  return date;
});
