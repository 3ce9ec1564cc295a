import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CARD_FOLDER, cardStore } from '../data/social-card.ts';

/**
 * The cards a build lists (`src/pages/cartes/[card].png.ts`) are in `dist/`, drawn, restored or
 * left from the last build; this keeps the store of drawn cards (`cardStore`) to those, as the
 * render cache keeps to the site's documents, and says how many this build drew.
 */
export function keepSocialCards(): AstroIntegration {
  let builtSince = 0;
  return {
    name: 'kiosque-social-cards',
    hooks: {
      'astro:build:start': () => {
        builtSince = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const started = performance.now();
        const folder = join(fileURLToPath(dir), CARD_FOLDER);
        const listed = new Set(
          [...assets.values()]
            .flat()
            .map((url) => fileURLToPath(url))
            .filter((file) => dirname(file) === folder)
            .map((file) => basename(file)),
        );
        const store = cardStore();
        let drawn = 0;
        let removed = 0;
        for (const name of existsSync(store) ? readdirSync(store) : []) {
          const file = join(store, name);
          if (!listed.has(name)) {
            rmSync(file);
            removed++;
          } else if (statSync(file).mtimeMs >= builtSince) drawn++;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(
          `${listed.size} card(s), ${drawn} drawn by this build; ${removed} no longer used removed from the store in ${seconds} s`,
        );
      },
    },
  };
}
