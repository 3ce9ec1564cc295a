/**
 * `npm run bench`: builds Kiosque from generated corpora and reports, for each scenario, the
 * median and spread of wall time, CPU time, peak memory of the process tree, pages per second,
 * output size, Astro's start-up and its phases (content sync, bundling, pages, images), our
 * integrations' own (search index, pruning) and how many social cards the build drew. See
 * docs/performance.md.
 *
 * Scenarios: clean, warm, edit (one article changed), comment (one comment added), dev-cold and
 * dev-warm (`astro dev`, from its start to the first article page), dev-edit, dev-new and
 * dev-comment (in a running `astro dev` that has served that page, from saving an edit to the
 * article, a new article, or a published comment under it, to the first response that shows
 * it: their wall time is that interval); desk (the
 * moderation desk's first queue page at 10,000 pending comments, cold and warm, through HTTP,
 * and decisions per second: scripts/bench/desk.ts).
 *
 *   npm run bench                                  N=1000 and N=5000, C=5, 3 runs each
 *   npm run bench -- --sizes 20000 --runs 1        any N (and --comments C)
 *   npm run bench -- --quick                       a smoke run: N=40, C=2, 1 run
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deskQueue, type DeskFigures } from './desk.ts';
import { devRun, editArticle, newArticle, newComment } from './dev.ts';
import { wholeNumber } from './flags.ts';
import { measure, type Measured } from './measure.ts';
import { buildClock, phases, type Phases } from './phases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = process.execPath;
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

const SCENARIOS = [
  'clean',
  'warm',
  'edit',
  'comment',
  'dev-cold',
  'dev-warm',
  'dev-edit',
  'dev-new',
  'dev-comment',
  'desk',
];
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000' },
    comments: { type: 'string', default: '5' },
    runs: { type: 'string', default: '3' },
    scenarios: { type: 'string', default: SCENARIOS.join(',') },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, '.bench/results') },
  },
});
const sizes = values.quick ? [40] : values.sizes.split(',').map((size) => wholeNumber('sizes', size, 1));
const comments = values.quick ? 2 : wholeNumber('comments', values.comments, 0);
const runs = values.quick ? 1 : wholeNumber('runs', values.runs, 1);
const scenarios = values.scenarios.split(',');
for (const scenario of scenarios) {
  if (!SCENARIOS.includes(scenario)) {
    console.error(`--scenarios: unknown scenario "${scenario}" (known: ${SCENARIOS.join(', ')})`);
    process.exit(2);
  }
}

interface Run extends Omit<Measured, 'output' | 'status' | 'seenAt'> {
  pages?: number;
  outputMb?: number;
  /**
   * Builds: seconds from the process's start to the start of Astro's own build clock (Node,
   * Astro and the configuration loading), which the phases do not count. Astro's content sync
   * figure starts there, about a second before its « Syncing content » line.
   */
  startup?: number | undefined;
  /** dev-edit, dev-new and dev-comment: when the server first served the article page, before the change. */
  firstPageSeconds?: number | undefined;
  phases?: Phases | undefined;
}

function dirSizeMb(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes / 1024 / 1024;
}

const numbers = ({ output: _, status: __, seenAt: ___, ...rest }: Measured) => rest;

async function build(corpus: string, cache: string, dist: string): Promise<Run> {
  const env = { KIOSQUE_CONTENT_DIR: corpus, KIOSQUE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
  const result = await measure(node, [astro, 'build', '--outDir', dist], env);
  if (result.status !== 0) throw new Error(`Build failed:\n${result.output.slice(-4000)}`);
  const pages = Number(result.output.match(/(\d+) page\(s\) built/)?.[1] ?? 0);
  const clock = buildClock(result.output);
  const clockSeen = clock && result.seenAt(clock.line);
  return {
    ...numbers(result),
    pages,
    outputMb: dirSizeMb(dist),
    startup: clock && clockSeen !== undefined ? clockSeen - clock.seconds : undefined,
    phases: phases(result.output),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Row {
  size: string;
  scenario: string;
  runs: Run[];
  /** Runs that failed, left out of the figures. */
  failures?: number;
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
    failures: row.failures ?? 0,
    wallSeconds: of((r) => r.wallSeconds),
    cpuSeconds: of((r) => r.cpuSeconds),
    peakRssMb: of((r) => r.peakRssMb),
    pagesPerSecond: of((r) => (r.pages ? r.pages / r.wallSeconds : undefined)),
    outputMb: of((r) => r.outputMb),
    startup: of((r) => r.startup),
    contentSync: of((r) => r.phases?.contentSync),
    bundling: of((r) => r.phases?.bundling),
    pageGeneration: of((r) => r.phases?.pageGeneration),
    images: of((r) => r.phases?.images),
    search: of((r) => r.phases?.search),
    prune: of((r) => r.phases?.prune),
    cards: of((r) => r.phases?.cards),
  };
}

type Stat = { median: number; min: number; max: number } | undefined;

function cell(stat: Stat, digits = 1) {
  if (stat === undefined) return '—';
  const spread = stat.max - stat.min;
  return spread > 0 ? `${stat.median.toFixed(digits)} ±${(spread / 2).toFixed(digits)}` : stat.median.toFixed(digits);
}

type Summary = ReturnType<typeof summary>;

/** The report's columns: heading, value, decimals. */
const COLUMNS: [string, (r: Summary) => Stat, number][] = [
  ['wall s', (r) => r.wallSeconds, 2],
  ['CPU s', (r) => r.cpuSeconds, 1],
  ['peak MB', (r) => r.peakRssMb, 0],
  ['pages/s', (r) => r.pagesPerSecond, 0],
  ['output MB', (r) => r.outputMb, 1],
  ['start-up s', (r) => r.startup, 2],
  ['content sync s', (r) => r.contentSync, 2],
  ['bundling s', (r) => r.bundling, 2],
  ['pages s', (r) => r.pageGeneration, 2],
  ['images s', (r) => r.images, 2],
  ['search s', (r) => r.search, 2],
  ['prune s', (r) => r.prune, 2],
  ['cards drawn', (r) => r.cards, 0],
];

function table(results: Summary[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['size', 'scenario', ...COLUMNS.map(([heading]) => heading)]),
    line(Array.from({ length: COLUMNS.length + 2 }, () => '---')),
    ...results.map((r) =>
      line([
        r.size,
        r.failures > 0 ? `${r.scenario} (${r.failures} failed)` : r.scenario,
        ...COLUMNS.map(([, value, digits]) => cell(value(r), digits)),
      ]),
    ),
  ].join('\n');
}

/** The desk's figures: the queue's first page, cold and warm, and decisions per second. */
function deskTable(desks: (DeskFigures & { size: string })[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line([
      'size',
      'pending',
      'first page cold s',
      'first page warm s (median ± half spread, runs)',
      'decisions/s, files only',
      'decisions/s, git (tracked files)',
    ]),
    line(['---', '---', '---', '---', '---', '---']),
    ...desks.map((desk) =>
      line([
        desk.size,
        String(desk.pending),
        desk.coldSeconds.toFixed(2),
        `${desk.warm.median.toFixed(3)} ±${((desk.warm.max - desk.warm.min) / 2).toFixed(3)} (${desk.warm.runs})`,
        desk.decisionsPerSecond.toFixed(0),
        `${desk.gitDecisionsPerSecond.toFixed(0)} (${desk.trackedFiles})`,
      ]),
    ),
  ].join('\n');
}

async function main() {
  mkdirSync(values.out, { recursive: true });
  const rows: Row[] = [];
  const desks: (DeskFigures & { size: string })[] = [];
  const corpora: Record<string, string> = {};
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
    corpora[size] = generate.output.trim();
    console.log(corpora[size]);
    const firstArticle = readFileSync(join(corpus, 'articles/article-000001.md'), 'utf8');
    const section = firstArticle.match(/^section: (.+)$/m)?.[1] ?? '';
    const articlePath = `/${section}/article-000001/`;
    const env = { KIOSQUE_CONTENT_DIR: corpus, KIOSQUE_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
    const dev = async (options: Parameters<typeof devRun>[3] = {}): Promise<Run> => {
      const result = await devRun(env, { node, astro }, articlePath, options);
      return { ...numbers(result), firstPageSeconds: result.firstPageSeconds, cpuSeconds: Number.NaN };
    };

    for (const scenario of scenarios) {
      if (scenario === 'desk') {
        const pending = values.quick ? 200 : 10_000;
        const figures = await deskQueue(corpus, { articles: n, pending, warmRuns: Math.max(5, runs) });
        desks.push({ size, ...figures });
        console.log(
          `${size} desk: first page ${figures.coldSeconds.toFixed(2)} s cold, ${figures.warm.median.toFixed(3)} s warm`,
        );
        continue;
      }
      const row: Row = { size, scenario, runs: [] };
      // A warm start needs a content store on disk from an earlier session with this corpus.
      if (scenario === 'dev-warm') await dev({ linger: 5000 });
      for (let r = 1; r <= runs; r++) {
        let run: Run;
        // A run that fails (a dev server that never shows a change) is reported and left out of
        // the medians, so that one bad run does not lose a benchmark of half an hour.
        try {
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
            // Article 1 may have had no comment yet, and so no folder.
            mkdirSync(join(corpus, 'comments/article-000001'), { recursive: true });
            writeFileSync(
              join(corpus, `comments/article-000001/bench-${r}.md`),
              `---\narticle: article-000001\npseudonym: Banc\npublishedAt: 2027-01-01T00:00:00Z\nstatus: published\n---\n\nUn commentaire ajouté.\n`,
            );
            run = await build(corpus, cache, dist);
          } else if (scenario === 'dev-edit') {
            run = await dev({ change: editArticle(corpus, 'article-000001', articlePath) });
          } else if (scenario === 'dev-new') {
            run = await dev({ change: newArticle(corpus, section, `bench-nouveau-${r}`) });
          } else if (scenario === 'dev-comment') {
            run = await dev({ change: newComment(corpus, 'article-000001', articlePath) });
          } else {
            // dev-cold or dev-warm: the names were checked at start.
            // Cold: neither Astro's content store nor Kiosque's rendered HTML is left from before.
            if (scenario === 'dev-cold') {
              rmSync(join(root, '.astro/data-store.json'), { force: true });
              for (const suffix of ['', '-wal', '-shm'])
                rmSync(join(cache, `kiosque-render.sqlite${suffix}`), { force: true });
            }
            run = await dev();
          }
        } catch (error) {
          row.failures = (row.failures ?? 0) + 1;
          console.log(
            `${size} ${scenario} run ${r}: FAILED: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
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
  const report = [
    ...(results.length > 0 ? [table(results)] : []),
    ...(desks.length > 0 ? [deskTable(desks)] : []),
  ].join('\n\n');
  writeFileSync(
    join(values.out, `bench-${stamp}.json`),
    JSON.stringify({ date: new Date().toISOString(), runs, corpora, results, desks, raw: rows }, null, 2),
  );
  writeFileSync(join(values.out, `bench-${stamp}.md`), `${report}\n`);
  console.log(
    `\nMedians of ${runs} run(s), ± half the spread:\n\n${report}\n\nResults in ${values.out}/bench-${stamp}.{json,md}`,
  );
}

await main();
