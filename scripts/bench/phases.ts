/**
 * Where a build's wall time goes, read from Astro's log and from our integrations' lines.
 */
import { stripVTControlCharacters } from 'node:util';

export interface Phases {
  /** Content layer: loaders, schemas, Markdown (Astro's « Collecting build info »). */
  contentSync?: number | undefined;
  /** Vite bundling, every `✓ built in` line together. */
  bundling?: number | undefined;
  /** Static page generation (`generating static routes`). */
  pageGeneration?: number | undefined;
  /** Image optimisation (`generating optimized images`), when the build has pictures to make. */
  images?: number | undefined;
  /** Our search index (`[kiosque-search-index] … in 1.23 s`). */
  search?: number | undefined;
  /** Our removal of stale output (`[kiosque-prune-stale-output] … in 0.31 s`). */
  prune?: number | undefined;
  /**
   * Social cards drawn by the build (`[kiosque-social-cards] 16 card(s), 3 drawn …`): a count, not
   * seconds, as they are drawn during page generation, whose time holds theirs.
   */
  cards?: number | undefined;
}

/** Astro's durations: « 136ms », « 12.4s », « 1m 8s ». */
const DURATION = String.raw`(?:\d+m\s*)?[\d.]+m?s`;

function seconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = text.match(/^(?:(\d+)m\s*)?([\d.]+)(m?s)$/);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

/**
 * An integration's own timing: the seconds after the last ` in ` of each of its lines
 * (`08:20:34 [name] <anything> in 1.23 s`), added up; undefined when it logged none.
 */
function integrationSeconds(log: string, name: string): number | undefined {
  const lines = [...log.matchAll(new RegExp(String.raw`\[${name}\] .* in ([\d.]+) s\s*$`, 'gm'))];
  return lines.length === 0 ? undefined : lines.reduce((sum, m) => sum + Number(m[1]), 0);
}

/**
 * Astro's own clock for a build, from its last line (`[build] 141 page(s) built in 6.05s`): the
 * text to find that line by, and the seconds it gives. The process started that many seconds
 * before the line arrived, plus its start-up: loading Node, Astro and the configuration.
 */
export function buildClock(output: string): { line: string; seconds: number } | undefined {
  const m = stripVTControlCharacters(output).match(new RegExp(String.raw`\d+ page\(s\) built in (${DURATION})`));
  const total = seconds(m?.[1]);
  return m === null || total === undefined ? undefined : { line: m[0], seconds: total };
}

export function phases(output: string): Phases {
  const log = stripVTControlCharacters(output);
  const sync = log.match(new RegExp(String.raw`Collecting build info\.\.\.\s*\n.*Completed in (${DURATION})`))?.[1];
  const vite = [...log.matchAll(new RegExp(String.raw`\[vite\] ✓ built in (${DURATION})`, 'g'))].reduce(
    (sum, m) => sum + (seconds(m[1]) ?? 0),
    0,
  );
  const completed = (heading: string) =>
    seconds(log.match(new RegExp(String.raw`${heading}[\s\S]*?✓ Completed in (${DURATION})`))?.[1]);
  const drawn = log.match(/\[kiosque-social-cards\] \d+ card\(s\), (\d+) drawn/)?.[1];
  return {
    contentSync: seconds(sync),
    bundling: vite || undefined,
    pageGeneration: completed('generating static routes'),
    images: completed('generating optimized images'),
    search: integrationSeconds(log, 'kiosque-search-index'),
    prune: integrationSeconds(log, 'kiosque-prune-stale-output'),
    cards: drawn === undefined ? undefined : Number(drawn),
  };
}
