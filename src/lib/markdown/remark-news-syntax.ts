import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Processor } from 'unified';

/**
 * The part of GitHub-flavoured Markdown a newsroom uses: tables and ~~strikethrough~~. The
 * rest (bare-URL autolinks, footnotes, task lists) cost more than half of an article's
 * rendering time; see docs/adr/003-faster-markdown.md.
 */
export function remarkNewsSyntax(this: Processor) {
  // remark-parse reads its syntax extensions from these two lists in the processor's data.
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough({ singleTilde: false }));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown());
}
