import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clientAddress } from './client-address.ts';
import { ConfigError, configFromEnv } from './config.ts';
import { moderatorCount } from './desk/accounts.ts';
import { deskAddress } from './desk/context.ts';
import { createDesk } from './desk/desk.ts';
import { createGitFlow, gitSettingsFromEnv, leftAtStop } from './git-flow.ts';
import { jsonLog, type Log } from './log.ts';
import { createCommentService } from './server.ts';
import { filesOnlyWriter, type Writer } from './writer.ts';

/** How long requests in progress may take to finish once the service is asked to stop. */
const GRACE_MS = 10_000;

/**
 * A desk no one can sign in to answers only « Nom ou mot de passe incorrect »: say at start
 * which file it reads, since an account made with another `KIOSQUE_MODERATORS_FILE`, or
 * from another folder, lands in another file.
 */
function warnWithoutModerators(file: string, log: Log): void {
  let count: number;
  try {
    count = moderatorCount(file);
  } catch (error) {
    // Unreadable or not JSON: the desk will say so at each sign-in; the service runs on.
    log({
      event: 'warning',
      message: `KIOSQUE_MODERATORS_FILE: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  if (count > 0) return;
  log({
    event: 'warning',
    message:
      `KIOSQUE_MODERATORS_FILE: ${file} ${existsSync(file) ? 'has no account' : 'does not exist'}: no one can sign in to the desk. ` +
      `Create an account with: KIOSQUE_MODERATORS_FILE=${file} npm run moderate -- add-moderator <nom>`,
  });
}

async function start(): Promise<void> {
  const config = configFromEnv(process.env);
  if (!existsSync(join(config.contentDir, 'articles'))) {
    throw new ConfigError(`KIOSQUE_CONTENT_DIR: no articles folder in ${config.contentDir}`);
  }
  const log = jsonLog();
  const git = gitSettingsFromEnv(process.env);
  // Recovery (files a killed service wrote but did not commit) and the first push happen here,
  // before the service accepts anything.
  const flow =
    git === undefined
      ? undefined
      : await createGitFlow({ ...git, workTree: config.contentDir, contentDir: config.contentDir, log });
  const writer: Writer = flow ?? filesOnlyWriter();
  const desk = createDesk({
    contentDir: config.contentDir,
    writer,
    log,
    accountsFile: config.moderatorsFile,
    deskOrigin: config.deskOrigin,
    // Article links lead to the site the forms are posted from.
    siteOrigin: config.allowedOrigins[0] ?? '',
    clientAddress: (req) => clientAddress(req, config.trustedProxies),
  });
  // Other moderators' decisions, brought by a pull, are in the queue at the next look.
  flow?.onIncoming(() => desk.contentChanged());
  const server = createCommentService({ ...config, log, writer, desk });
  server.once('error', (error) => {
    log({
      event: 'error',
      message: `KIOSQUE_COMMENTS_HOST, KIOSQUE_COMMENTS_PORT: cannot listen on ${config.host}:${config.port}: ${error.message}`,
    });
    process.exitCode = 1;
    void writer.close();
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    log({
      event: 'start',
      url: `http://${host}:${port}/commentaires/`,
      desk: deskAddress(config),
      content: config.contentDir,
      git: git === undefined ? 'off' : `${git.remote}${git.branch === undefined ? '' : `/${git.branch}`}`,
    });
    // After the start line, so that an operator sees the service up while the index is read.
    desk.prepare().catch((error: unknown) => log({ event: 'error', where: 'desk', message: String(error) }));
    warnWithoutModerators(config.moderatorsFile, log);
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
      () => log({ event: 'stopped', ...leftAtStop(writer.status()) }),
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
  await start();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
