// @ts-check
import process from 'node:process';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { kiosqueMarkdown } from './src/lib/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // Tests and the benchmark build other corpora side by side without sharing a content cache.
  cacheDir: process.env.KIOSQUE_CACHE_DIR ?? './node_modules/.astro',
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
    // Benchmark corpora (up to 120,000 files) and reports are not the site's sources.
    server: { watch: { ignored: ['**/.bench/**', '**/.lighthouse/**', '**/screenshots/**'] } },
  },
});
