import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Where the index goes in the output; the search page loads `/pagefind/pagefind.js`. */
const INDEX_FOLDER = 'pagefind';

/**
 * Pagefind's ready-made search interfaces, written beside the index whether used or not; the
 * search page has its own (src/scripts/search.ts), so these 390 KB would only be deployed.
 */
const UNUSED_FILES = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/**
 * Parts of an article page that are not its text: the kicker, which results show apart (and
 * which would otherwise open every standfirst), the publication and reading-time lines, and
 * the boxes the page adds to the body. They are kept out by selector rather than by
 * `data-pagefind-ignore`, which would weigh on every article page.
 */
const NOT_ARTICLE_TEXT = ['kicker', 'published', 'updated', 'reading-time', 'newsletter', 'read-also'].map(
  (part) => `[data-part="${part}"]`,
);

/**
 * Builds the search index from the pages just written. Pagefind reads every HTML file, but
 * only article pages mark their text with `data-pagefind-body`, so fronts, standing pages and
 * everything outside the `<article>` element (navigation, comments) stay out. The language
 * comes from `<html lang="fr">`, which gives French stemming. Listed after the pruning, so that
 * the page of a deleted article is gone before Pagefind looks, and so is the last build's index:
 * its files are all older than this build, and fragments, named by a hash of their content,
 * would otherwise pile up beside the new ones.
 */
export function buildSearchIndex(): AstroIntegration {
  return {
    name: 'kiosque-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const outputPath = join(outDir, INDEX_FOLDER);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_ARTICLE_TEXT });
          if (index === undefined) throw new Error(errors.join('\n'));
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
          for (const file of await readdir(outputPath)) {
            if (UNUSED_FILES.test(file)) await rm(join(outputPath, file));
          }
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(`Search index written from ${added.page_count} page(s) in ${seconds} s`);
        } catch (error) {
          throw new Error(
            `The search index could not be built (Pagefind): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
