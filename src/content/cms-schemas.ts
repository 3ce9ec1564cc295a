import type { SchemaContext } from 'astro:content';
import { cmsImage, type CmsSchemas } from '../lib/cms-config';
import { articleSchema } from './schemas/article';
import { authorSchema } from './schemas/author';
import { frontSchema } from './schemas/front';
import { pageSchema } from './schemas/page';
import { pickSchema } from './schemas/pick';
import { sectionSchema } from './schemas/section';

/** `image()` as the CMS reads it: a path, marked to become an image picker (`cmsImage`). */
const context = { image: cmsImage } as unknown as SchemaContext;

/**
 * The schemas of `src/content.config.ts` that the administration interface edits, from which
 * its configuration is generated (`/admin/config.yml`). Comments are left out: see `LEFT_OUT`.
 */
export const cmsSchemas: CmsSchemas = {
  articles: articleSchema(context),
  pages: pageSchema,
  sections: sectionSchema,
  authors: authorSchema(context),
  front: frontSchema,
  picks: pickSchema,
};
