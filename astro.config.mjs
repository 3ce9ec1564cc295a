// @ts-check
import { URL } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { cacheRoot } from './src/content/render-cache.ts';
import { lintContentInBuilds } from './src/integrations/content-lint.ts';
import { serveCmsAdmin } from './src/integrations/cms-admin.ts';
import { refreshContentInDev } from './src/integrations/dev-content-refresh.ts';
import { writeSecurityHeaders } from './src/integrations/security-headers.ts';
import { buildSearchIndex } from './src/integrations/search-index.ts';
import { INDEX_FOLDER } from './src/integrations/search-plan.ts';
import { keepSocialCards } from './src/integrations/social-cards.ts';
import { previewsInDev } from './src/integrations/previews.ts';
import { recordPublication } from './src/integrations/publication-record.ts';
import { pruneStaleOutput } from './src/integrations/stale-output.ts';
import { injectThemeBoot } from './src/integrations/theme-boot.ts';
import { ADMIN_FOLDER } from './src/lib/cms-admin.ts';
import { kiosqueMarkdown } from './src/lib/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

/** The comment and newsletter services the forms post to (`src/site.config.ts`). */
const serviceOrigins = [
  ...new Set([siteConfig.commentsEndpoint, siteConfig.newsletterEndpoint].map((url) => new URL(url).origin)),
].join(' ');

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // Pages wait on file writes; rendering the next ones meanwhile cut page generation by 40 % at
  // N=1000 (docs/performance.md).
  build: { concurrency: 4 },
  // Tests and the benchmark build other corpora side by side without sharing a content cache.
  cacheDir: cacheRoot(),
  // The theme script first, so that Astro hashes it into the policy. Headers next: the pruning
  // that follows keeps only what this build wrote, except the search index, which keeps itself
  // up to date, and the administration interface (/admin/, Sveltia CMS), which keeps its own
  // folder. The search index next: it reads the pages the pruning left. The content lint last,
  // so that its warnings are the build's last lines.
  integrations: [
    injectThemeBoot(),
    writeSecurityHeaders(),
    serveCmsAdmin(),
    pruneStaleOutput({ owned: [INDEX_FOLDER, ADMIN_FOLDER] }),
    keepSocialCards(),
    buildSearchIndex(),
    refreshContentInDev(),
    previewsInDev(),
    recordPublication(),
    lintContentInBuilds(),
  ],
  security: {
    // Astro adds the hashes of its own scripts and styles, the theme's inline script among them
    // (src/integrations/theme-boot.ts); nothing else inline runs.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        `connect-src 'self' ${serviceOrigins}`,
        `form-action 'self' ${serviceOrigins}`,
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
  },
  markdown: {
    processor: kiosqueMarkdown(),
    syntaxHighlight: false,
  },
  experimental: {
    // Article pages whose data is unchanged (their `cacheKey`) are copied from the last build.
    incrementalBuild: true,
  },
  vite: {
    plugins: [tailwindcss()],
    // Kept between builds so that unchanged pages stay where they are; `pruneStaleOutput`
    // removes what a build no longer makes.
    build: {
      emptyOutDir: false,
      // Scripts as files, not inlined: cached once for every page, and allowed by the CSP's
      // 'self' instead of a hash per script in every page's HTML.
      assetsInlineLimit: 0,
    },
    // Benchmark corpora (up to 120,000 files) and reports are not the site's sources, except the
    // corpus being previewed (`KIOSQUE_CONTENT_DIR`, src/content/root.ts), whose edits `astro dev`
    // must show. Chokidar hands over absolute paths with forward slashes.
    server: {
      watch: {
        ignored: [
          (/** @type {string} */ path) => {
            if (!path.includes('/.bench/')) return false;
            const previewed = (globalThis.process.env['KIOSQUE_CONTENT_DIR'] ?? 'content').replace(/\/*$/, '/');
            return !`${path}/`.startsWith(decodeURIComponent(new URL(previewed, import.meta.url).pathname));
          },
          '**/.lighthouse/**',
          '**/screenshots/**',
        ],
      },
    },
  },
});
