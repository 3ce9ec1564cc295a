import { defaultSchema } from 'rehype-sanitize';

type Schema = typeof defaultSchema;

/** Element the pipeline leaves where a page-time component (« Lire aussi », newsletter) goes. */
export const SLOT_TAG = 'kiosque-slot';

/**
 * Articles and pages come from editors, but they are sanitized all the same: GitHub's policy
 * (the library default), plus abbreviations with their expansion, which news copy uses, the
 * slot element the page fills in at build time, and `data-pagefind-ignore`, with which an
 * editor keeps a passage out of the search index (docs/search.md).
 */
export const articleSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', SLOT_TAG],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataPagefindIgnore'],
    abbr: ['title'],
    [SLOT_TAG]: ['dataSlot', 'dataArticle'],
  },
};

/**
 * Comments are untrusted: text, emphasis, quotes, lists and links only. No headings, images,
 * tables, ids or classes; anything else is unwrapped to its text, and elements whose content
 * is code or markup (script, style, svg…) are dropped with that content.
 */
export const commentSanitizeSchema: Schema = {
  tagNames: ['p', 'br', 'em', 'strong', 'del', 'blockquote', 'ul', 'ol', 'li', 'a', 'code'],
  attributes: { a: ['href'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: [
    'script',
    'style',
    'svg',
    'math',
    'template',
    'iframe',
    'noscript',
    'textarea',
    'title',
    'xmp',
    'object',
    'embed',
  ],
  allowComments: false,
  allowDoctypes: false,
};

/** Every link in a comment is the reader's, not ours: search engines and referrers are told so. */
export const COMMENT_LINK_REL = ['ugc', 'nofollow', 'noopener'];
