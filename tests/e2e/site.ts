import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/**
 * Variables Vitest sets for its own `import.meta.env`, which Astro's server code reads from the
 * process: with them, a build believed it ran in `astro dev` (`DEV=1`), and Astro's servers
 * started from a test answered nothing (`NODE_ENV=test`).
 */
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']);

/** The environment a person's shell would give. */
export function plainEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !VITEST_ENV.has(key)),
  );
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` as an editor would, with the given environment on top of ours. */
export function buildSite(args: string[] = [], env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [astroBin, 'build', ...args], {
    cwd: root,
    // Without Vitest's NODE_ENV=test, which makes Vite build in development mode.
    env: { ...plainEnv(), ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Astro colours its messages whatever FORCE_COLOR says; tests read the plain text.
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  return { status: result.status, output };
}

/** Serves `dist/` as a static host would, and resolves once it answers. */
export function serveSite(port: number): Promise<{ url: string; stop: () => void }> {
  return startAstro(['preview', '--host', '127.0.0.1', '--port', String(port)], port, {});
}

/** Runs `astro dev` as an editor previewing their work does, and resolves once it answers. */
export function startDev(port: number, env: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  return startAstro(['dev', '--host', '127.0.0.1', '--port', String(port)], port, env);
}

async function startAstro(
  args: string[],
  port: number,
  env: Record<string, string>,
): Promise<{ url: string; stop: () => void }> {
  const server: ChildProcess = spawn(process.execPath, [astroBin, ...args], {
    cwd: root,
    env: { ...plainEnv(), ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // `astro dev` loads the content before it answers: up to a minute on a loaded machine.
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`astro ${args[0]} did not answer on ${url}:\n${stripVTControlCharacters(output)}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/**
 * Serves a built folder as a plain static host does (`/a/` is `/a/index.html`, anything
 * else missing is `404.html`), for a second site beside `astro preview`, which Astro allows
 * only once per project.
 */
export async function serveFolder(dir: string, port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    const found = file.startsWith(dir) && existsSync(file) && statSync(file).isFile();
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(found ? file : '.html')] ?? 'text/plain' });
    res.end(readFileSync(found ? file : join(dir, '404.html')));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A page's words without its tags, spaces folded, to look for a sentence as a reader reads it. */
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
