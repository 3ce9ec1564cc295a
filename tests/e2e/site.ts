import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` as an editor would, with the given environment on top of ours. */
export function buildSite(args: string[] = [], env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [astroBin, 'build', ...args], {
    cwd: root,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Astro colours its messages whatever FORCE_COLOR says; tests read the plain text.
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  return { status: result.status, output };
}

/** Serves `dist/` as a static host would, and resolves once it answers. */
export async function serveSite(port: number): Promise<{ url: string; stop: () => void }> {
  const server: ChildProcess = spawn(
    process.execPath,
    [astroBin, 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`astro preview did not answer on ${url}`);
}
