import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { dateField } from './date';

/**
 * One message of a live coverage, one Markdown file under `content/live/<article-slug>/`: one
 * file per message, so that editors posting at the same time never edit the same file. Its
 * body is written by the newsroom and rendered with the articles' policy.
 */
export const liveEntrySchema = z
  .object({
    /** When it was posted, with its time and offset, e.g. 2026-11-29T09:40:00+01:00. */
    publishedAt: dateField,
    /** Who wrote it (file names in `content/authors/`). */
    authors: z.array(reference('authors')).default([]),
    /** An outside credit instead of, or besides, authors: « AFP », « Météo-France ». */
    source: z.string().trim().min(1).optional(),
    /** An optional short headline for the message. */
    title: z.string().trim().min(1).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.authors.length === 0 && entry.source === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['authors'],
        message: 'a live message needs at least one author or a source (e.g. source: AFP)',
      });
    }
  });
