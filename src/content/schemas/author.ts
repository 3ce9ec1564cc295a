import { z } from 'astro/zod';

/** A journalist who signs articles, referenced by their file name. */
export const authorSchema = z.object({
  /** Full name as printed in the byline. */
  name: z.string().min(1),
  /** Job title, e.g. « Journaliste au service Économie ». */
  role: z.string().min(1).optional(),
});

