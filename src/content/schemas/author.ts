import type { SchemaContext } from 'astro:content';
import { z } from 'astro/zod';

/** A journalist who signs articles, referenced by their file name. */
export const authorSchema = ({ image }: SchemaContext) =>
  z.object({
    /** Full name as printed in the byline. */
    name: z.string().min(1),
    /** Job title, e.g. « Journaliste au service Économie ». */
    role: z.string().min(1).optional(),
    /** A few sentences for the author's page: beat, background, how to reach them. */
    bio: z.string().trim().min(1).optional(),
    /** Portrait, relative to the author's file; its description is the author's name. */
    photo: image().optional(),
  });
