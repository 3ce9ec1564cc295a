import { reference } from 'astro:content';
import { z } from 'astro/zod';

/** One entry of « À ne pas manquer », the editor-curated list in `content/picks.yaml`. */
export const pickSchema = z.object({
  /** The article promoted (its slug). */
  article: reference('articles'),
});
