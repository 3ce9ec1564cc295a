import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configFromEnv } from './config.ts';
import { createCommentService } from './server.ts';

/** How long requests in progress may take to finish once the service is asked to stop. */
const GRACE_MS = 10_000;

function start(): void {
  const config = configFromEnv(process.env);
  if (!existsSync(join(config.contentDir, 'articles'))) {
    throw new ConfigError(`KIOSQUE_CONTENT_DIR: no articles folder in ${config.contentDir}`);
  }
  const server = createCommentService({ ...config, log: (line) => console.log(line) });
  server.once('error', (error) => {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${error.message}`);
    process.exitCode = 1;
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    console.log(`Comment service at http://${host}:${port}/commentaires/ (content: ${config.contentDir})`);
    if (config.sessionSecret === undefined) {
      console.log('KIOSQUE_SESSION_SECRET is not set: subscriber-only articles refuse every comment.');
    }
  });

  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: finishing the requests in progress, then stopping.`);
    server.close(() => console.log('Comment service stopped.'));
    // A client holding a connection open must not keep the service up for ever.
    setTimeout(() => server.closeAllConnections(), GRACE_MS).unref();
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
