import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { staleOutputFiles } from '../../src/integrations/stale-output';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const outDir = join(scratch, 'dist');
const publicDir = join(scratch, 'public');
const lastBuild = new Date('2026-11-28T10:00:00Z');
const thisBuild = new Date('2026-11-29T10:00:00Z').getTime();

function put(dir: string, path: string, written = new Date(thisBuild + 1000)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), 'x');
  utimesSync(join(dir, path), written, written);
}

test('a page, a card, an asset or a public file this build did not make is stale; what it made, listed or public/ holds is not', () => {
  put(outDir, 'index.html');
  put(outDir, 'economie/article-garde/index.html', lastBuild);
  put(outDir, 'economie/article-supprime/index.html', lastBuild);
  put(outDir, '_astro/BaseLayout.new.css');
  put(outDir, '_astro/BaseLayout.old.css', lastBuild);
  put(outDir, 'favicon.svg', lastBuild);
  put(publicDir, 'favicon.svg');
  put(outDir, 'infos/old.html', lastBuild);
  put(publicDir, 'infos/old.html');
  put(outDir, 'dossier-retire.pdf', lastBuild);
  put(outDir, '_headers');
  // Cards are an endpoint's files: one left in place by the incremental build, one no article shows.
  put(outDir, 'cartes/garde.png', lastBuild);
  put(outDir, 'cartes/remplacee.png', lastBuild);

  const routes = new Set([
    join(outDir, 'index.html'),
    join(outDir, 'economie/article-garde/index.html'),
    join(outDir, 'cartes/garde.png'),
  ]);
  const expected = [
    join(outDir, '_astro/BaseLayout.old.css'),
    join(outDir, 'cartes/remplacee.png'),
    join(outDir, 'dossier-retire.pdf'),
    join(outDir, 'economie/article-supprime/index.html'),
  ];
  expect(staleOutputFiles({ outDir, publicDir, routes, builtSince: thisBuild }).sort()).toEqual(expected);
  // Astro names the output folder with a trailing slash: the same pages are still known.
  expect(
    staleOutputFiles({ outDir: `${outDir}/`, publicDir: `${publicDir}/`, routes, builtSince: thisBuild }).sort(),
  ).toEqual(expected);
});
