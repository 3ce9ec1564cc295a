import { reference } from 'astro:content';
import { z } from 'astro/zod';

/** « À la une », in `content/une.yaml`: the editors' lead story, then the stories beside it. */
export const frontSchema = z.object({
  /** Article slugs, in order: the first leads the home page. Empty: the site chooses. */
  articles: z.array(reference('articles')),
});
