import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './site';

export interface ServiceOptions {
  port: number;
  contentDir: string;
  origins: string[];
  sessionSecret?: string;
  perMinute?: number;
}

/** Starts `npm run comments:serve` as a newsroom would, and resolves once it answers. */
export async function startService(options: ServiceOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(root, 'services/comments/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      KIOSQUE_CONTENT_DIR: options.contentDir,
      KIOSQUE_COMMENTS_PORT: String(options.port),
      KIOSQUE_COMMENTS_ORIGINS: options.origins.join(','),
      KIOSQUE_SESSION_SECRET: options.sessionSecret ?? '',
      KIOSQUE_COMMENTS_PER_MINUTE: String(options.perMinute ?? 1000),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${url}/sante/`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the comment service did not answer on ${url}`);
}
