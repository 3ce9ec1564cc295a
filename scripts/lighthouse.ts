/**
 * `npm run lighthouse`: Lighthouse (mobile, its default throttling) on the built home and
 * reference article, with Debian's Chromium. Builds first when `dist/` is missing. Prints the
 * four category scores; full reports land in `.lighthouse/` (ignored by git).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser.ts';
import { buildSite, root, serveSite } from '../tests/e2e/site.ts';

const pages = ['/', '/economie/assistants-vocaux-ecoutes-prestataires/'];

if (!existsSync(`${root}dist/index.html`)) {
  const build = buildSite();
  if (build.status !== 0) throw new Error(build.output);
}
const server = await serveSite(4393);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless=new', ...chromiumArgs],
});
mkdirSync(`${root}.lighthouse`, { recursive: true });
const rows: string[] = [];
try {
  for (const path of pages) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: ['html', 'json'],
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const name = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
    const [html, json] = result.report as string[];
    writeFileSync(`${root}.lighthouse/${name}.html`, html ?? '');
    writeFileSync(`${root}.lighthouse/${name}.json`, json ?? '');
    const scores = Object.values(result.lhr.categories).map((c) => `${c.title} ${Math.round((c.score ?? 0) * 100)}`);
    const misses = Object.values(result.lhr.audits)
      .filter(
        (a) =>
          a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
      )
      .map((a) => a.id);
    rows.push(`${path}\n  ${scores.join(' · ')}\n  below 100: ${misses.join(', ') || 'none'}`);
  }
} finally {
  await chrome.kill();
  server.stop();
}
console.log(rows.join('\n'));
