import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { contentRoot } from '../content/root.ts';
import { listProblems } from '../lib/content-lint/problem.ts';
import type { LintReport } from './content-lint-run.ts';

/**
 * Lints on another thread: the build goes on syncing the content meanwhile, on the machine's
 * other core, and `astro dev` keeps answering.
 */
function lintInWorker(root: string, only?: string[]): Promise<LintReport> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./content-lint-worker.ts', import.meta.url), { workerData: { root, only } });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the content lint stopped before it finished (exit code ${code})`)));
  });
}

/**
 * The editorial lint (`src/lib/content-lint/`) in every build and in `astro dev`. A build
 * starts it with Astro and waits for it before making any page: errors stop the build, all of
 * them listed; warnings are listed once, at the end. `astro dev` lists what it finds when it
 * starts, then the problems of each content file saved, and never stops for them.
 */
export function lintContentInBuilds(): AstroIntegration {
  let root = process.cwd();
  let running: Promise<LintReport> | undefined;
  let warnings: string | undefined;
  let inDev = false;
  /** Dev's lint runs, one after the other. */
  let chain = Promise.resolve();
  return {
    name: 'kiosque-content-lint',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        root = fileURLToPath(config.root);
        // Vitest starts a dev server too (`getViteConfig`): editors are not reading its log.
        inDev = command === 'dev' && process.env['VITEST'] === undefined;
        if (command !== 'build') return;
        running = lintInWorker(root);
        // Awaited before the pages are made; a failure meanwhile must not count as unhandled.
        running.catch(() => undefined);
      },
      'astro:build:start': async ({ logger }) => {
        if (running === undefined) return;
        const waitFrom = performance.now();
        const report = await running;
        const waited = (performance.now() - waitFrom) / 1000;
        logger.info(
          `${report.files} files checked in ${report.seconds.toFixed(2)} s beside the content sync (${report.read} read, the others unchanged since the last run); the build waited ${waited.toFixed(2)} s for it`,
        );
        warnings = listProblems(report.problems, 'warning');
        const errors = listProblems(report.problems, 'error');
        if (errors === undefined) return;
        if (warnings) logger.warn(warnings);
        throw new Error(errors);
      },
      'astro:build:done': ({ logger }) => {
        if (warnings) logger.warn(warnings);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!inDev) return;
        const base = resolve(root, contentRoot);
        const saved = new Set<string>();
        let timer: NodeJS.Timeout | undefined;
        const onSave = (path: string) => {
          if (!path.startsWith(base + sep) || !path.endsWith('.md')) return;
          saved.add(path);
          // An editor's tool may write a file in several steps: lint once they are done.
          clearTimeout(timer);
          timer = setTimeout(() => {
            const files = [...saved];
            saved.clear();
            const names = files.map((file) => relative(root, file).split(sep).join('/')).join(', ');
            chain = chain
              .then(() => lintInWorker(root, files))
              .then(
                (report) => show(report, logger, `Relecture de ${names}\u00A0: rien à signaler.`),
                (error: unknown) => logger.error(String(error)),
              );
          }, 100);
        };
        server.watcher.on('change', onSave);
        server.watcher.on('add', onSave);
      },
      // Once the server listens, that is once Astro has synced the content: a first lint of a
      // large archive would otherwise share the cores with that sync.
      'astro:server:start': ({ logger }) => {
        if (!inDev) return;
        chain = chain
          .then(() => lintInWorker(root))
          .then(
            (report) => show(report, logger, 'Relecture\u00A0: rien à signaler.'),
            (error: unknown) => logger.error(String(error)),
          );
      },
    },
  };
}

function show(report: LintReport, logger: AstroIntegrationLogger, clean: string): void {
  const warnings = listProblems(report.problems, 'warning');
  const errors = listProblems(report.problems, 'error');
  if (warnings) logger.warn(warnings);
  if (errors) logger.error(errors);
  if (!warnings && !errors) logger.info(clean);
}
