import { createMarkdownProcessor, unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import remarkDirective from 'remark-directive';
import { rehypeIntertitles } from './rehype-intertitles.ts';
import { rehypeSanitizeByKind } from './rehype-sanitize-by-kind.ts';
import { remarkTypeset } from './remark-typeset.ts';
import { remarkKiosque } from './remark-kiosque.ts';
import { remarkNewsSyntax } from './remark-news-syntax.ts';

/**
 * The one Markdown pipeline, for articles, pages and comments alike. Astro appends its own
 * `rehype-raw` after these plugins, which would re-parse HTML after sanitizing; running it
 * first here means sanitize sees real elements and Astro's later pass finds nothing raw left.
 */
export const markdownOptions = {
  remarkPlugins: [remarkNewsSyntax, remarkDirective, remarkKiosque, remarkTypeset],
  rehypePlugins: [rehypeRaw, rehypeSanitizeByKind, rehypeIntertitles],
  // remark-smartypants goes through retext and cost 60 % of an article's rendering time;
  // `remarkTypeset` sets the French marks itself (docs/performance.md).
  smartypants: false,
  gfm: false,
};

/** For `astro.config.mjs`: `markdown.processor`. */
export function kiosqueMarkdown() {
  return unified(markdownOptions);
}

/**
 * The same pipeline outside Astro (tests, tools). `path` decides the policy, as it does for
 * content files: pass a path under `comments/` for a comment.
 */
export async function renderMarkdown(markdown: string, path: string) {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const { pathToFileURL } = await import('node:url');
  return processor.render(markdown, { fileURL: pathToFileURL(path) });
}
