import { z } from 'astro/zod';

/** A section of the newspaper (« Économie », « Sciences »…), referenced by its file name. */
export const sectionSchema = z.object({
  /** Name shown in navigation, kickers of fronts and breadcrumbs. */
  name: z.string().min(1),
  /** One sentence describing the section, used as its page's meta description. */
  description: z.string().min(1),
  /** Position in the navigation bar, smallest first. */
  order: z.number().int().nonnegative(),
  /** The section's newsletter, promoted inside its articles. */
  newsletter: z.object({
    /** Name of the newsletter, e.g. « La newsletter Économie ». */
    title: z.string().min(1),
    /** When it is sent, e.g. « Tous les jeudis à 17 h ». */
    cadence: z.string().min(1),
    /** One sentence telling the reader what they will get. */
    pitch: z.string().min(1),
  }),
});

