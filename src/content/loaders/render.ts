import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../lib/markdown/pipeline.ts';
import type { Rendering } from '../render-cache.ts';

/** One document to render: its Markdown body, its path (which decides the policy), its cache key. */
export interface RenderJob {
  markdown: string;
  path: string;
  collection: string;
  digest: string;
}

/** A job that could not be rendered, with the pipeline's message. */
interface RenderFailure {
  path: string;
  message: string;
}

/** What a batch gave: the renderings to cache, and the documents that failed. */
export interface RenderResult {
  renderings: Rendering[];
  failures: RenderFailure[];
}

/** Renders documents with Kiosque's pipeline; failures are returned, not thrown. */
export async function createRenderer() {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  return async function render(jobs: readonly RenderJob[]): Promise<RenderResult> {
    const failures: RenderFailure[] = [];
    const renderings: Rendering[] = [];
    for (const job of jobs) {
      try {
        const result = await processor.render(job.markdown, { fileURL: pathToFileURL(job.path) });
        renderings.push({
          collection: job.collection,
          digest: job.digest,
          html: result.code,
          facts: result.metadata.frontmatter,
        });
      } catch (error) {
        failures.push({ path: job.path, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return { renderings, failures };
  };
}
