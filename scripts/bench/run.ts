/**
 * `npm run bench`: builds Kiosque from generated corpora and reports, for each scenario, the
 * median and spread of wall time, CPU time, peak memory of the process tree, pages per second,
 * output size and Astro's own phase timings. See docs/performance.md.
 *
 *   npm run bench                                  N=1000 and N=5000, C=5, 3 runs each
 *   npm run bench -- --sizes 20000 --runs 1        any N (and --comments C)
 *   npm run bench -- --quick                       a smoke run: N=40, C=2, 1 run
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { wholeNumber } from './flags.ts';
import { measure, type Measured } from './measure.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = process.execPath;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    comments: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    scenarios: { type: 'string', default: 'clean,warm,edit,comment,dev-cold,dev-warm' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, '.bench/results') },
  },
});
const sizes = values.quick ? [40] : values.sizes.split(',').map((size) => wholeNumber('sizes', size, 1));
const comments = values.quick ? 2 : wholeNumber('comments', values.comments, 0);
const runs = values.quick ? 1 : wholeNumber('runs', values.runs, 1);
const SCENARIOS = ['clean', 'warm', 'edit', 'comment', 'dev-cold', 'dev-warm'];
const scenarios = values.scenarios.split(',');
for (const scenario of scenarios) {
  if (!SCENARIOS.includes(scenario)) {
    console.error(`--scenarios: unknown scenario "${scenario}" (known: ${SCENARIOS.join(', ')})`);
    process.exit(2);
  }
}

interface Run extends Omit<Measured, 'output' | 'status'> {
  pages?: number;
  outputMb?: number;
  phases?:
    | { contentSync?: number | undefined; bundling?: number | undefined; pageGeneration?: number | undefined }
    | undefined;
}

function dirSizeMb(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

/** Astro's durations: « 136ms », « 12.4s », « 1m 8s ». */
const DURATION = String.raw`(?:\d+m\s*)?[\d.]+m?s`;

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = text.match(/^(?:(\d+)m\s*)?([\d.]+)(m?s)$/);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

/** Astro's own timings, read from its log: content sync, Vite bundling, static page generation. */
function phases(log: string): Run['phases'] {
  const sync = log.match(new RegExp(String.raw`Collecting build info\.\.\.\s*\n.*Completed in (${DURATION})`))?.[1];
  const vite = [...log.matchAll(new RegExp(String.raw`\[vite\] ✓ built in (${DURATION})`, 'g'))].reduce(
    (sum, m) => sum + (seconds(m[1]) ?? 0),
    0,
  );
  const pages = log.match(new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in (${DURATION})`))?.[1];
  return { contentSync: seconds(sync), bundling: vite || undefined, pageGeneration: seconds(pages) };
}

async function build(corpus: string, cache: string, dist: string): Promise<Run> {
  const env = { KIOSQUE_CONTENT_DIR: corpus, KIOSQUE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = await measure(node, [astro, 'build', '--outDir', dist], env);
  if (result.status !== 0) throw new Error(`Build failed:\n${result.output.slice(-4000)}`);
  const pages = Number(result.output.match(/(\d+) page\(s\) built/)?.[1] ?? 0);
  const { output: _, status: __, ...numbers } = result;
  return { ...numbers, pages, outputMb: dirSizeMb(dist), phases: phases(result.output) };
}

/**
 * Time from `astro dev`'s start to the first 200 of an article page. `linger` keeps the server
 * up a little longer so that it writes its content store, which the next start reuses.
 */
/** Whether something already answers on the port: then the timings would be another server's. */
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

async function devFirstPage(corpus: string, cache: string, path: string, port: number, linger = 0): Promise<Run> {
  if (await portTaken(port)) throw new Error(`port ${port} is taken by another process: stop it and run again`);
  const env = { KIOSQUE_CONTENT_DIR: corpus, KIOSQUE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = await measure(
    node,
    [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'],
    env,
    async (output) => {
      const deadline = Date.now() + 600_000;
      while (Date.now() < deadline) {
        try {
          if ((await fetch(`http://127.0.0.1:${port}${path}`)).status === 200) {
            await new Promise((resolve) => setTimeout(resolve, linger));
            return;
          }
        } catch {
          // Not listening yet.
        }
        // Vite moves to the next port when one is taken: say so rather than wait for nothing.
        const started = stripVTControlCharacters(output()).match(/Local\s+http:\/\/[^:]+:(\d+)/)?.[1];
        if (started !== undefined && Number(started) !== port) {
          throw new Error(`astro dev started on port ${started}: port ${port} is taken by another process`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`astro dev never served ${path}`);
    },
  );
  const { output: _, status: __, ...numbers } = result;
  return { ...numbers, wallSeconds: numbers.wallSeconds - linger / 1000, cpuSeconds: Number.NaN };
}

/**
 * One port for every dev run: the port is part of the configuration Astro digests, and a
 * changed digest clears the content store, which would make every warm start a cold one.
 */
const DEV_PORT = 4400;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Row {
  size: string;
  scenario: string;
  runs: Run[];
}

function summary(row: Row) {
  const of = (pick: (r: Run) => number | undefined) => {
    const xs = row.runs.map(pick).filter((x): x is number => x !== undefined && !Number.isNaN(x));
    return xs.length === 0 ? undefined : { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  };
  return {
    size: row.size,
    scenario: row.scenario,
    runs: row.runs.length,
    wallSeconds: of((r) => r.wallSeconds),
    cpuSeconds: of((r) => r.cpuSeconds),
    peakRssMb: of((r) => r.peakRssMb),
    pagesPerSecond: of((r) => (r.pages ? r.pages / r.wallSeconds : undefined)),
    outputMb: of((r) => r.outputMb),
    contentSync: of((r) => r.phases?.contentSync),
    bundling: of((r) => r.phases?.bundling),
    pageGeneration: of((r) => r.phases?.pageGeneration),
  };
}

function cell(stat: { median: number; min: number; max: number } | undefined, digits = 1) {
  if (stat === undefined) return '—';
  const spread = stat.max - stat.min;
  return spread > 0 ? `${stat.median.toFixed(digits)} ±${(spread / 2).toFixed(digits)}` : stat.median.toFixed(digits);
}

async function main() {
  mkdirSync(values.out, { recursive: true });
  const rows: Row[] = [];
  for (const n of sizes) {
    const size = `N=${n} C=${comments}`;
    const corpus = join(root, `.bench/corpus-${n}-${comments}`);
    const cache = join(root, `.bench/cache-${n}-${comments}`);
    const dist = join(root, `.bench/dist-${n}-${comments}`);
    const generate = await measure(
      node,
      [
        join(root, 'scripts/bench/generate.ts'),
        '--out',
        corpus,
        '--articles',
        String(n),
        '--comments',
        String(comments),
      ],
      {},
    );
    if (generate.status !== 0) throw new Error(generate.output);
    const firstArticle = readFileSync(join(corpus, 'articles/article-000001.md'), 'utf8');
    const articlePath = `/${firstArticle.match(/^section: (.+)$/m)?.[1]}/article-000001/`;

    for (const scenario of scenarios) {
      const row: Row = { size, scenario, runs: [] };
      // A warm start needs a content store on disk from an earlier session with this corpus.
      if (scenario === 'dev-warm') await devFirstPage(corpus, cache, articlePath, DEV_PORT, 5000);
      for (let r = 1; r <= runs; r++) {
        let run: Run;
        if (scenario === 'clean') {
          rmSync(cache, { recursive: true, force: true });
          rmSync(dist, { recursive: true, force: true });
          run = await build(corpus, cache, dist);
        } else if (scenario === 'warm') {
          run = await build(corpus, cache, dist);
        } else if (scenario === 'edit') {
          appendFileSync(
            join(corpus, `articles/article-${String(r).padStart(6, '0')}.md`),
            `\nUne phrase ajoutée au run ${r}.\n`,
          );
          run = await build(corpus, cache, dist);
        } else if (scenario === 'comment') {
          const file = join(corpus, `comments/article-000001/bench-${r}.md`);
          writeFileSync(
            file,
            `---\narticle: article-000001\npseudonym: Banc\npublishedAt: 2027-01-01T00:00:00Z\nstatus: published\n---\n\nUn commentaire ajouté.\n`,
          );
          run = await build(corpus, cache, dist);
        } else {
          // dev-cold or dev-warm: the names were checked at start.
          // Cold: neither Astro's content store nor Kiosque's rendered HTML is left from before.
          if (scenario === 'dev-cold') {
            rmSync(join(root, '.astro/data-store.json'), { force: true });
            for (const suffix of ['', '-wal', '-shm'])
              rmSync(join(cache, `kiosque-render.sqlite${suffix}`), { force: true });
          }
          run = await devFirstPage(corpus, cache, articlePath, DEV_PORT);
        }
        row.runs.push(run);
        console.log(`${size} ${scenario} run ${r}: ${run.wallSeconds.toFixed(2)} s, ${run.peakRssMb.toFixed(0)} MB`);
      }
      rows.push(row);
    }
  }

  // Dev sessions keep their content store in the project's .astro/, which the next
  // `npm run dev` of the real site would otherwise start from.
  if (scenarios.some((scenario) => scenario.startsWith('dev-'))) {
    rmSync(join(root, '.astro/data-store.json'), { force: true });
  }

  const results = rows.map(summary);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const header =
    '| size | scenario | wall s | CPU s | peak MB | pages/s | output MB | content sync s | bundling s | pages s |\n|---|---|---|---|---|---|---|---|---|---|';
  const table = [
    header,
    ...results.map(
      (r) =>
        `| ${r.size} | ${r.scenario} | ${cell(r.wallSeconds, 2)} | ${cell(r.cpuSeconds)} | ${cell(r.peakRssMb, 0)} | ${cell(r.pagesPerSecond, 0)} | ${cell(r.outputMb)} | ${cell(r.contentSync, 2)} | ${cell(r.bundling, 2)} | ${cell(r.pageGeneration, 2)} |`,
    ),
  ].join('\n');
  writeFileSync(
    join(values.out, `bench-${stamp}.json`),
    JSON.stringify({ date: new Date().toISOString(), runs, results, raw: rows }, null, 2),
  );
  writeFileSync(join(values.out, `bench-${stamp}.md`), `${table}\n`);
  console.log(
    `\nMedians of ${runs} run(s), ± half the spread:\n\n${table}\n\nResults in ${values.out}/bench-${stamp}.{json,md}`,
  );
}

await main();
