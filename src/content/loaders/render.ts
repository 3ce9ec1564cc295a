import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../lib/markdown/pipeline.ts';
import { writeRendered } from '../render-cache.ts';

/** One document to render: its Markdown body, its path (which decides the policy), where to cache it. */
export interface RenderJob {
  markdown: string;
  path: string;
  cacheFile: string;
}

/** A job that could not be rendered, with the pipeline's message. */
export interface RenderFailure {
  path: string;
  message: string;
}

/** Renders documents with Kiosque's pipeline and caches each one; failures are returned, not thrown. */
export async function createRenderer() {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  return async function render(jobs: readonly RenderJob[]): Promise<RenderFailure[]> {
    const failures: RenderFailure[] = [];
    for (const job of jobs) {
      try {
        const result = await processor.render(job.markdown, { fileURL: pathToFileURL(job.path) });
        writeRendered(job.cacheFile, { html: result.code, facts: result.metadata.frontmatter });
      } catch (error) {
        failures.push({ path: job.path, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return failures;
  };
}
