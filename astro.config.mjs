// @ts-check
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { kiosqueMarkdown } from './src/lib/markdown/pipeline.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  markdown: {
    processor: kiosqueMarkdown(),
    syntaxHighlight: false,
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
