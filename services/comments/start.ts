import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configFromEnv } from './config.ts';
import { jsonLog } from './log.ts';
import { createCommentService } from './server.ts';

/** How long requests in progress may take to finish once the service is asked to stop. */
const GRACE_MS = 10_000;

function start(): void {
  const config = configFromEnv(process.env);
  if (!existsSync(join(config.contentDir, 'articles'))) {
    throw new ConfigError(`KIOSQUE_CONTENT_DIR: no articles folder in ${config.contentDir}`);
  }
  const log = jsonLog();
  const server = createCommentService({ ...config, log });
  server.once('error', (error) => {
    log({ event: 'error', message: `Cannot listen on ${config.host}:${config.port}: ${error.message}` });
    process.exitCode = 1;
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    log({ event: 'start', url: `http://${host}:${port}/commentaires/`, content: config.contentDir });
    if (config.sessionSecret === undefined) {
      log({
        event: 'warning',
        message: 'KIOSQUE_SESSION_SECRET is not set: subscriber-only articles refuse every comment.',
      });
    }
  });

  const stop = (signal: NodeJS.Signals) => {
    log({ event: 'stop', signal, message: 'finishing the requests and writes in progress, then stopping' });
    server.stop(GRACE_MS).then(
      () => log({ event: 'stopped' }),
      (error: unknown) => {
        log({ event: 'error', message: `stopping: ${String(error)}` });
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  start();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
