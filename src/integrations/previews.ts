import type { AstroIntegration } from 'astro';

/**
 * `/brouillons/`, the list of drafts and scheduled stories, exists in `astro dev` only: a build
 * never holds them, and a page listing them would tell readers what is coming.
 */
export function previewsInDev(): AstroIntegration {
  return {
    name: 'kiosque-previews',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({ pattern: '/brouillons', entrypoint: new URL('../dev-pages/previews.astro', import.meta.url) });
      },
    },
  };
}
