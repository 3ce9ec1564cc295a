import { reference, type SchemaContext } from 'astro:content';
import { z } from 'astro/zod';
import { dateField } from './date';

const commentsModes = ['open', 'closed', 'subscribers'] as const;

/** A dated note the newsroom adds to a published story: a correction or an update. */
const editorNote = z.object({
  /** When the note was written, with its offset, e.g. 2026-11-29T09:30:00+01:00. */
  date: dateField,
  /** What changed, in a sentence or two. */
  text: z.string().trim().min(1),
});

/**
 * Every field but the picture's path, built once: Astro calls the schema function for each
 * article, and building the whole schema each time cost 0.8 ms an article (docs/performance.md).
 */
const articleFields = z.object({
  /** Headline, shown as the page's only `h1`. */
  title: z.string().trim().min(1),
  /** Short label opening the standfirst, such as « VIDÉO. » or « ENQUÊTE. ». */
  kicker: z.string().trim().min(1).optional(),
  /** One or two sentences under the headline; also the meta description. */
  standfirst: z.string().trim().min(1),
  /** The section the article belongs to (a file name in `content/sections/`). */
  section: reference('sections'),
  /** Bylines, in print order (file names in `content/authors/`). */
  authors: z.array(reference('authors')).default([]),
  /** Agency or outside credit, e.g. « AFP », printed as « Source AFP ». */
  source: z.string().trim().min(1).optional(),
  /** First publication, with its time and offset, e.g. 2026-11-28T17:05:00+01:00. */
  publishedAt: dateField,
  /** Last substantial change; shown as « Modifié le … ». */
  updatedAt: dateField.optional(),
  /** Free keywords used to find related stories. */
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Stories the editor wants first in « Sur le même sujet », in order. */
  related: z.array(reference('articles')).default([]),
  /** Who may comment; the site default applies when absent. */
  comments: z.enum(commentsModes).optional(),
  /** Comments close this many days after publication (`null`: never); the site default applies when absent. */
  commentsCloseAfterDays: z.number().int().min(1).nullable().optional(),
  /** A draft builds nowhere: no page, no card, no related link. Shown in `astro dev` only. */
  draft: z.boolean().default(false),
  /** Errors put right after publication, each printed as a « Rectificatif » with its date. */
  corrections: z.array(editorNote).default([]),
  /** New facts added after publication, each printed as a « Mise à jour » with its date. */
  updates: z.array(editorNote).default([]),
  /** Live coverage (« En direct »): the body is « L'essentiel », messages are in `content/live/<slug>/`. */
  live: z.boolean().default(false),
  /** When the live coverage ended; it runs until then, or for as long as this is absent. */
  liveEndedAt: dateField.optional(),
});

const imageFields = z.object({
  /** What the picture shows, for readers who cannot see it; left out only for a decorative picture. */
  alt: z.string().trim().optional(),
  /** `true` for a picture that adds nothing a reader needs (a texture, a mood): it gets an empty alt. */
  decorative: z.boolean().default(false),
  /** Photographer and agency, e.g. « Jeanne Martin / Kiosque ». */
  credit: z.string().trim().min(1),
  /** Optional caption printed under the picture. */
  caption: z.string().trim().min(1).optional(),
});

/** A news article, one Markdown file under `content/articles/`; its file name is its slug. */
export const articleSchema = ({ image }: SchemaContext) =>
  articleFields
    .extend({
      /** Lead image; a photo always carries a description and a credit. */
      image: imageFields
        .extend({
          /** Path to the picture, relative to the article file. */
          src: image(),
        })
        .optional(),
    })
    .superRefine((article, ctx) => {
      if (article.authors.length === 0 && article.source === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['authors'],
          message: 'an article needs at least one author or a source (e.g. source: AFP)',
        });
      }
      const picture = article.image;
      if (picture && !picture.decorative && !picture.alt) {
        ctx.addIssue({
          code: 'custom',
          path: ['image', 'alt'],
          message: 'describe the picture for readers who cannot see it, or set `decorative: true` if it adds nothing',
        });
      }
      if (picture?.decorative && picture.alt) {
        ctx.addIssue({
          code: 'custom',
          path: ['image', 'decorative'],
          message: 'a decorative picture is hidden from screen readers: remove its alt or `decorative: true`',
        });
      }
      for (const kind of ['corrections', 'updates'] as const) {
        article[kind].forEach((note, index) => {
          if (note.date < article.publishedAt) {
            ctx.addIssue({
              code: 'custom',
              path: [kind, index, 'date'],
              message: 'this note is dated before publishedAt: a note follows publication',
            });
          }
        });
      }
      if (article.updatedAt !== undefined && article.updatedAt < article.publishedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedAt'],
          message: 'updatedAt is earlier than publishedAt',
        });
      }
      if (article.liveEndedAt !== undefined && !article.live) {
        ctx.addIssue({
          code: 'custom',
          path: ['liveEndedAt'],
          message: 'only a live coverage ends: add `live: true`, or remove liveEndedAt',
        });
      } else if (article.liveEndedAt !== undefined && article.liveEndedAt < article.publishedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['liveEndedAt'],
          message: 'liveEndedAt is earlier than publishedAt',
        });
      }
    });
