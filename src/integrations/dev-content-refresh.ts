import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { answerKeptContentChanges } from '../content/kept-content-changed.ts';
// Types only: Vite comes with Astro, and a type import adds nothing to run.
import type { DevEnvironment, RunnableDevEnvironment, ViteDevServer } from 'vite';

/** Astro's content runtime holds the content store it first read in a module-level singleton. */
const CONTENT_STORE_MODULE = /\/astro\/dist\/content\/data-store\.js$/;

/** Environments that run modules in this process (Astro's server and prerender ones). */
const runsModules = (environment: DevEnvironment): environment is RunnableDevEnvironment => 'runner' in environment;

/**
 * Makes the next request of every page run Astro's content runtime again, so that it reads the
 * store that was just written, and so everything that imported it.
 */
function forgetContentStore(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments)) {
    if (!runsModules(environment)) continue;
    const modules = environment.runner.evaluatedModules;
    const stale = [...modules.idToModuleMap.values()].filter((node) => CONTENT_STORE_MODULE.test(node.file));
    const seen = new Set<string>();
    while (stale.length > 0) {
      const node = stale.pop();
      if (node === undefined || seen.has(node.id)) continue;
      seen.add(node.id);
      modules.invalidateModule(node);
      for (const importer of node.importers) {
        const parent = modules.getModuleById(importer);
        if (parent) stale.push(parent);
      }
    }
  }
}

/**
 * Astro forgets the static paths and props it computed (its route cache) only when its own
 * store changes. Pages take their comments from those props, so a comment approved while
 * `astro dev` runs stayed hidden until an article changed: this sends Astro's own signal.
 * Unlike Astro, it does not reload the open pages: a reader's comment arriving as a pending
 * file would reload the page that just sent it, and its « en attente » message with it.
 */
function onKeptContentChange(server: ViteDevServer): () => void {
  return () => {
    for (const environment of Object.values(server.environments)) {
      if (runsModules(environment)) environment.hot.send('astro:content-changed', {});
    }
  };
}

/**
 * `astro dev` sometimes keeps serving the content it had before a change: when Astro writes its
 * content store while a request is being served, that request can take the invalidation, and
 * every later request goes on reading the old store (a new article stayed a 404 until the next
 * change, measured with the benchmark's dev-new scenario). Once the store is on disk, this
 * forgets Astro's content runtime and its importers, as Vite does for an edited module.
 */
export function refreshContentInDev(): AstroIntegration {
  return {
    name: 'kiosque-dev-content-refresh',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const store = join(server.config.root, '.astro', 'data-store.json');
        const refresh = (path: string) => {
          if (path === store) forgetContentStore(server);
        };
        server.watcher.on('change', refresh);
        server.watcher.on('add', refresh);
        answerKeptContentChanges(onKeptContentChange(server));
      },
    },
  };
}
