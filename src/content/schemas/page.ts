import { z } from 'astro/zod';
import { dateField } from './date';

/** A standing page of the site: moderation charter, terms of use, legal notice. */
export const pageSchema = z.object({
  /** Title shown as the page's heading. */
  title: z.string().min(1),
  /** One sentence used as the meta description. */
  description: z.string().min(1),
  /** Date of the last change to the text, shown to readers. */
  updatedAt: dateField,
});

