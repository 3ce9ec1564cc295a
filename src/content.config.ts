import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema } from './content/schemas/article';
import { authorSchema } from './content/schemas/author';
import { commentSchema } from './content/schemas/comment';
import { pageSchema } from './content/schemas/page';
import { pickSchema } from './content/schemas/pick';
import { sectionSchema } from './content/schemas/section';

// The benchmark and the build-error tests point the site at another corpus.
const root = process.env['KIOSQUE_CONTENT_DIR'] ?? './content';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${root}/articles`, retainBody: false }),
    schema: articleSchema,
  }),
  comments: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${root}/comments`, retainBody: false }),
    schema: commentSchema,
  }),
  pages: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${root}/pages`, retainBody: false }),
    schema: pageSchema,
  }),
  sections: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${root}/sections` }),
    schema: sectionSchema,
  }),
  authors: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${root}/authors` }),
    schema: authorSchema,
  }),
  picks: defineCollection({
    loader: file(`${root}/picks.yaml`),
    schema: pickSchema,
  }),
};
