import { z } from 'astro/zod';
import { frontmatterDate } from '../../lib/dates';

/**
 * A date in frontmatter (`frontmatterDate`); anything else is refused with what was found. Its
 * `format` says what it holds to what reads the schema rather than parsing with it: the CMS's
 * configuration (src/lib/cms-config.ts) and JSON Schema.
 */
export const dateField = z
  .unknown()
  .transform((value, ctx) => {
    const date = frontmatterDate(value);
    if (date === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a date like 2026-11-28T17:05:00+01:00, got ${JSON.stringify(value) ?? 'nothing'}`,
      });
      return z.NEVER;
    }
    return date;
  })
  .meta({ format: 'date-time' });
