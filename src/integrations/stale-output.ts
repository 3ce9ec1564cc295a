import { existsSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from '../lib/files.ts';

/**
 * Files an earlier build left in the output that this build did not make: pages of articles
 * since deleted or unpublished, cards no article shows any more, bundled assets nothing links
 * to any more, files since removed from `public/`. A page or an endpoint's file (a card) that
 * the incremental build left in place keeps its old date, so what the build lists (`routes`)
 * is kept, and a page it does not list is stale; every other file it makes is written anew.
 * What is in `public/` is never stale, nor what is in the folders named in `owned`, which
 * another step of the build keeps up to date itself (the search index).
 */
export function staleOutputFiles(options: {
  outDir: string;
  publicDir: string;
  routes: ReadonlySet<string>;
  builtSince: number;
  owned?: readonly string[];
}): string[] {
  const { outDir, publicDir, routes, builtSince, owned = [] } = options;
  const ownedFolders = owned.map((folder) => join(outDir, folder) + sep);
  const published = new Set(
    existsSync(publicDir) ? filesUnder(publicDir).map((file) => relative(publicDir, file)) : [],
  );
  const stale: string[] = [];
  for (const file of filesUnder(outDir)) {
    if (ownedFolders.some((folder) => file.startsWith(folder))) continue;
    if (published.has(relative(outDir, file))) continue;
    if (routes.has(file)) continue;
    if (file.endsWith('.html') || statSync(file).mtimeMs < builtSince) stale.push(file);
  }
  return stale;
}

function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !removeEmptyFolders(join(dir, entry.name))) empty = false;
  }
  if (empty) rmdirSync(dir);
  return empty;
}

/**
 * Astro empties the output folder before every build, then copies the unchanged pages back
 * from its incremental cache: at 5,000 articles that costs about four seconds of a
 * ten-second rebuild (docs/performance.md). With `emptyOutDir: false` the output is kept, and
 * this removes what the build no longer makes, so that a deleted article's page never stays
 * online.
 */
export function pruneStaleOutput(options: { owned?: readonly string[] } = {}): AstroIntegration {
  let builtSince = 0;
  let publicDir = '';
  return {
    name: 'kiosque-prune-stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        builtSince = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const routes = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const stale = staleOutputFiles({ outDir, publicDir, routes, builtSince, owned: options.owned ?? [] });
        for (const file of stale) rmSync(file);
        for (const entry of readdirSync(outDir, { withFileTypes: true })) {
          if (entry.isDirectory()) removeEmptyFolders(join(outDir, entry.name));
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        logger.info(`Removed ${stale.length} file(s) this build no longer makes in ${seconds} s`);
      },
    },
  };
}
