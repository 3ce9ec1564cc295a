import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { markdownCollection } from './content/loaders/markdown-loader';
import { articleSchema } from './content/schemas/article';
import { authorSchema } from './content/schemas/author';
import { commentSchema } from './content/schemas/comment';
import { frontSchema } from './content/schemas/front';
import { liveEntrySchema } from './content/schemas/live-entry';
import { pageSchema } from './content/schemas/page';
import { contentRoot } from './content/root';
import { pickSchema } from './content/schemas/pick';
import { sectionSchema } from './content/schemas/section';

export const collections = {
  articles: defineCollection({
    loader: markdownCollection(`${contentRoot}/articles`),
    schema: articleSchema,
  }),
  comments: defineCollection({
    loader: markdownCollection(`${contentRoot}/comments`, {
      renders: (data) => data['status'] === 'published',
      store: 'kiosque',
    }),
    schema: commentSchema,
  }),
  // Messages of live coverage, one file each; kept outside Astro's store like comments, as a
  // newsroom's lives add up to thousands of them.
  live: defineCollection({
    loader: markdownCollection(`${contentRoot}/live`, { store: 'kiosque' }),
    schema: liveEntrySchema,
  }),
  pages: defineCollection({
    loader: markdownCollection(`${contentRoot}/pages`),
    schema: pageSchema,
  }),
  sections: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/sections` }),
    schema: sectionSchema,
  }),
  authors: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${contentRoot}/authors` }),
    schema: authorSchema,
  }),
  picks: defineCollection({
    loader: file(`${contentRoot}/picks.yaml`),
    schema: pickSchema,
  }),
  front: defineCollection({
    loader: file(`${contentRoot}/une.yaml`),
    schema: frontSchema,
  }),
};
