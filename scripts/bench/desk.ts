/**
 * The moderation desk's queue at 10,000 pending comments (docs/performance.md): a copy of a
 * generated corpus with that many pending comments added across its articles, the desk on a
 * loopback port, a moderator signed in, then the queue's first page through real HTTP: cold
 * (the first look builds the index of every comment file and renders the page's comments)
 * and warm (the median of several looks, each checking the folders for changes), and
 * decisions per second: through the files-only writer, then with the git flow on (the copy
 * made a git clone of a local bare repository, each decision a commit, pushed in the
 * background), as in production.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addModerator } from '../../services/comments/desk/accounts.ts';
import { createDesk } from '../../services/comments/desk/desk.ts';
import { createGitFlow } from '../../services/comments/git-flow.ts';
import { filesOnlyWriter, type Writer } from '../../services/comments/writer.ts';
import { PSEUDONYMS } from './lexicon.ts';

export interface DeskFigures {
  pending: number;
  /** Seconds for the first page, index built. */
  coldSeconds: number;
  /** Median seconds for the first page once the index is built, and the spread. */
  warm: { median: number; min: number; max: number; runs: number };
  decisionsPerSecond: number;
  /** Decisions per second with each one committed (the pushes follow in the background). */
  gitDecisionsPerSecond: number;
  /** Files git tracks in that clone. */
  trackedFiles: number;
}

const TEXTS = [
  'Merci pour cet article très *clair*. Reste à savoir qui paiera la facture.',
  'Je ne partage pas cette analyse\u202F: les chiffres de la page 3 disent autre chose.\n\n> les communes rurales\n\nsont les grandes oubliées.',
  'Enfin un sujet traité sur le fond. Voir aussi [le rapport](https://www.exemple.fr/rapport).',
  'Et pourquoi pas **tout de suite**\u202F? Le calendrier annoncé est intenable.',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function deskQueue(
  corpus: string,
  options: { articles: number; pending: number; warmRuns: number },
): Promise<DeskFigures> {
  const dir = `${corpus}-desk`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(corpus, dir, { recursive: true });
  // Spread over the first thousand articles: a few hundred stories draw a newsroom's comments.
  const articles = Math.min(1000, options.articles);
  for (let n = 0; n < options.pending; n++) {
    const article = `article-${String((n % articles) + 1).padStart(6, '0')}`;
    mkdirSync(join(dir, 'comments', article), { recursive: true });
    const at = new Date(Date.UTC(2026, 11, 1) + n * 37_000).toISOString();
    writeFileSync(
      join(dir, 'comments', article, `r${String(n).padStart(6, '0')}.md`),
      `---\narticle: ${article}\npseudonym: ${JSON.stringify(PSEUDONYMS[n % PSEUDONYMS.length])}\npublishedAt: ${at}\nstatus: pending\n---\n\n${TEXTS[n % TEXTS.length]} (${n})\n`,
    );
  }
  // Outside the content, as in production: the accounts never reach git.
  const accountsFile = `${dir}-moderateurs.json`;
  const password = 'banc d’essai du bureau';
  await addModerator(accountsFile, { name: 'Banc', password, replace: false, now: new Date() });

  const files = await onDesk(dir, accountsFile, password, filesOnlyWriter(), options.warmRuns);

  const remote = `${dir}.git`;
  const quiet = { encoding: 'utf8' as const, stdio: 'pipe' as const };
  const run = (cwd: string, ...args: string[]) => {
    const result = spawnSync('git', args, { cwd, ...quiet, maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  const identity = ['-c', 'user.name=Banc', '-c', 'user.email=banc@kiosque.invalid'];
  try {
    run(dir, 'init', '-q', '-b', 'main');
    run(dir, 'add', '-A');
    run(dir, ...identity, 'commit', '-q', '-m', 'Corpus');
    run(dir, 'clone', '-q', '--bare', dir, remote);
    run(dir, 'remote', 'add', 'journal', remote);
    run(dir, 'fetch', '-q', 'journal');
    const trackedFiles = run(dir, 'ls-files', '-z').split('\0').length - 1;
    const flow = await createGitFlow({
      workTree: dir,
      contentDir: dir,
      remote: 'journal',
      branch: 'main',
      log: () => undefined,
    });
    const git = await onDesk(dir, accountsFile, password, flow, 0);
    await flow.close();
    return {
      pending: options.pending,
      coldSeconds: files.coldSeconds,
      warm: files.warm,
      decisionsPerSecond: files.decisionsPerSecond,
      gitDecisionsPerSecond: git.decisionsPerSecond,
      trackedFiles,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(remote, { recursive: true, force: true });
    rmSync(accountsFile, { force: true });
  }
}

/** The desk over `dir` on a loopback port: its first page, cold then warm, and the decisions of that page. */
async function onDesk(dir: string, accountsFile: string, password: string, writer: Writer, warmRuns: number) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const desk = createDesk({
    contentDir: dir,
    writer,
    log: () => undefined,
    accountsFile,
    deskOrigin: url,
    siteOrigin: 'https://www.journal.test',
    clientAddress: () => '127.0.0.1',
  });
  server.on('request', (req, res) => void desk.handle(req, res));
  try {
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: url };
    const signIn = await fetch(`${url}/moderation/connexion/`, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ nom: 'Banc', mot_de_passe: password }).toString(),
      redirect: 'manual',
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const firstPage = async () => {
      const started = performance.now();
      const response = await fetch(`${url}/moderation/`, { headers: { cookie } });
      const html = await response.text();
      if (response.status !== 200 || !html.includes('data-item'))
        throw new Error(`the queue answered ${response.status}`);
      return { seconds: (performance.now() - started) / 1000, html };
    };
    const cold = await firstPage();
    const warm: number[] = [];
    for (let r = 0; r < warmRuns; r++) {
      // Past the index's recheck interval, so that each look also checks the folders.
      await new Promise((resolve) => setTimeout(resolve, 2100));
      warm.push((await firstPage()).seconds);
    }

    const token = /name="jeton" value="([^"]+)"/.exec(cold.html)?.[1] ?? '';
    const items = [
      ...cold.html.matchAll(/name="id" value="([^"]+)"><input type="hidden" name="version" value="([^"]+)"/g),
    ];
    const seen = new Map(items.map((match) => [match[1]!, match[2]!]));
    const started = performance.now();
    for (const [id, version] of seen) {
      const response = await fetch(`${url}/moderation/decision`, {
        method: 'POST',
        headers: { ...form, cookie, accept: 'application/json' },
        body: new URLSearchParams({ jeton: token, id, version, decision: 'approve' }).toString(),
      });
      if (response.status !== 200) throw new Error(`approving ${id} answered ${response.status}`);
    }
    const decisionsPerSecond = seen.size / ((performance.now() - started) / 1000);
    return {
      coldSeconds: cold.seconds,
      warm: { median: median(warm), min: Math.min(...warm), max: Math.max(...warm), runs: warm.length },
      decisionsPerSecond,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
