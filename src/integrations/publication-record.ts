import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { cacheRoot } from '../content/render-cache.ts';
import { siteClock } from '../lib/site-clock.ts';

/** Beside the build's other caches, which a CI keeps between runs to build incrementally. */
const recordFile = () => join(cacheRoot(), 'kiosque-last-build.json');

/** The clock of the last finished build, for `npm run schedule`; undefined when none is known. */
export function lastBuildClock(): Date | undefined {
  try {
    const { builtFor } = JSON.parse(readFileSync(recordFile(), 'utf8')) as { builtFor?: unknown };
    const date = typeof builtFor === 'string' ? new Date(builtFor) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the clock a build published for, once it has finished: the stories scheduled after
 * it are the ones the next build may have to publish (`npm run schedule`).
 */
export function recordPublication(): AstroIntegration {
  let builtFor: Date | undefined;
  return {
    name: 'kiosque-publication-record',
    hooks: {
      'astro:build:start': () => {
        builtFor = siteClock();
      },
      'astro:build:done': () => {
        if (builtFor === undefined) return;
        mkdirSync(dirname(recordFile()), { recursive: true });
        writeFileSync(recordFile(), `${JSON.stringify({ builtFor: builtFor.toISOString() })}\n`);
      },
    },
  };
}
