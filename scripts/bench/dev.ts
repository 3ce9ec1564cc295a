/**
 * The `astro dev` scenarios: time to the first article page after a start, and, in a running
 * server that has served that page, time from saving a change to the first response showing it.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { measure, type Measured, type Session } from './measure.ts';

/**
 * One port for every dev run: the port is part of the configuration Astro digests, and a
 * changed digest clears the content store, which would make every warm start a cold one.
 */
const DEV_PORT = 4400;

/** How long a page may take to appear after a start (a cold start at N=50,000 takes minutes). */
const PATIENCE_MS = 600_000;
/** How long a saved change may take to show: an editor would have given up long before. */
const CHANGE_PATIENCE_MS = 120_000;

/** Whether something answers on the port: then the timings would be another server's. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks the server for `path` until `shows` accepts a response; fails when the server stopped,
 * moved to another port, or never showed it.
 */
async function poll(
  session: Session,
  path: string,
  shows: (status: number, body: () => Promise<string>) => Promise<boolean>,
  every = 50,
  patience = PATIENCE_MS,
): Promise<void> {
  const deadline = Date.now() + patience;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${DEV_PORT}${path}`);
      if (await shows(response.status, () => response.text())) return;
      if (!response.bodyUsed) await response.body?.cancel();
    } catch {
      // Not listening yet.
    }
    if (session.exited()) throw new Error(`astro dev stopped:\n${session.output().slice(-4000)}`);
    // Vite moves to the next port when one is taken: say so rather than wait for nothing.
    const started = stripVTControlCharacters(session.output()).match(/Local\s+http:\/\/[^:]+:(\d+)/)?.[1];
    if (started !== undefined && Number(started) !== DEV_PORT) {
      throw new Error(`astro dev started on port ${started}: port ${DEV_PORT} is taken by another process`);
    }
    await pause(every);
  }
  throw new Error(`astro dev never showed ${path} as expected`);
}

const served = (status: number) => Promise.resolve(status === 200);

/** Something done to the corpus in a running server, once the first page is out: its timing and its undoing. */
export interface Change {
  /** Makes the change and returns the path to ask for and what its response must contain. */
  make: () => { path: string; shows: (status: number, body: () => Promise<string>) => Promise<boolean> };
  /** Puts the corpus back as it was, once the server has stopped. */
  undo: () => void;
}

/** A word found nowhere else, that typography leaves alone: lower-case letters only. */
function marker(): string {
  let n = Date.now();
  let word = '';
  for (; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return `banctemoin${word}`;
}

/** dev-edit: a sentence appended to the article the server just served. */
export function editArticle(corpus: string, slug: string, path: string): Change {
  const file = join(corpus, 'articles', `${slug}.md`);
  const original = readFileSync(file, 'utf8');
  return {
    make: () => {
      const word = marker();
      appendFileSync(file, `\nUne phrase ajoutée pendant l'aperçu, repère ${word}.\n`);
      return { path, shows: async (status, body) => status === 200 && (await body()).includes(word) };
    },
    undo: () => writeFileSync(file, original),
  };
}

/**
 * dev-comment: a published comment written beside the article's others, as a moderator's
 * approval arriving by `git pull` would; comments live in Kiosque's own store, not Astro's.
 */
export function newComment(corpus: string, slug: string, path: string): Change {
  const folder = join(corpus, 'comments', slug);
  const file = join(folder, 'bench-apercu.md');
  return {
    make: () => {
      const word = marker();
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        file,
        `---\narticle: ${slug}\npseudonym: Banc\npublishedAt: 2027-01-01T00:00:00Z\nstatus: published\n---\n\nUn commentaire approuvé pendant l'aperçu, repère ${word}.\n`,
      );
      return { path, shows: async (status, body) => status === 200 && (await body()).includes(word) };
    },
    undo: () => rmSync(file, { force: true }),
  };
}

/** dev-new: a new article file, written whole (under another name, then renamed, as editors save). */
export function newArticle(corpus: string, section: string, slug: string): Change {
  const file = join(corpus, 'articles', `${slug}.md`);
  return {
    make: () => {
      writeFileSync(
        `${file}.tmp`,
        `---\ntitle: Un article écrit pendant l'aperçu\nstandfirst: Il doit paraître sans redémarrer le serveur.\nsection: ${section}\nsource: AFP\npublishedAt: 2026-01-01T12:00:00Z\ntags: [politique]\n---\n\nUn paragraphe.\n`,
      );
      renameSync(`${file}.tmp`, file);
      return { path: `/${section}/${slug}/`, shows: served };
    },
    undo: () => rmSync(file, { force: true }),
  };
}

/**
 * Starts `astro dev` on the corpus and waits for the first 200 of `path`. Without a change, the
 * run's wall time is the time to that page; with one, the time from making the change to the
 * first response that shows it. `linger` keeps the server up a little longer so that it writes
 * its content store, which the next start reuses.
 */
export async function devRun(
  env: Record<string, string>,
  command: { node: string; astro: string },
  path: string,
  options: { change?: Change; linger?: number } = {},
): Promise<Measured & { firstPageSeconds: number | undefined }> {
  if (await portTaken(DEV_PORT)) throw new Error(`port ${DEV_PORT} is taken by another process: stop it and run again`);
  let firstPageSeconds: number | undefined;
  try {
    const result = await measure(
      command.node,
      // `--ignore-lock`: neither refused nor recorded in `.astro/dev.json` beside a developer's own
      // `astro dev`, and never moved to the background when Astro thinks an agent started it.
      [command.astro, 'dev', '--port', String(DEV_PORT), '--host', '127.0.0.1', '--ignore-lock'],
      env,
      async (session) => {
        await poll(session, path, served);
        firstPageSeconds = session.elapsed();
        if (options.change === undefined) {
          await pause(options.linger ?? 0);
          return firstPageSeconds;
        }
        const started = performance.now();
        const { path: changed, shows } = options.change.make();
        await poll(session, changed, shows, 20, CHANGE_PATIENCE_MS);
        return (performance.now() - started) / 1000;
      },
    );
    return { ...result, firstPageSeconds };
  } finally {
    options.change?.undo();
    for (let waited = 0; (await portTaken(DEV_PORT)) && waited < 10_000; waited += 50) await pause(50);
  }
}
