/**
 * Screenshots of the built site for a human to look at: phone (390 px) and desktop (1280 px),
 * light and dark. Usage: `npm run build && npm run screenshots -- [path …]`; PNGs land in
 * `screenshots/` (ignored by git). Without paths: home, a section, an article, a search.
 * `KIOSQUE_TEST_PORT_OFFSET` moves the server's port, as for the browser tests.
 */
import { mkdir } from 'node:fs/promises';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../tests/e2e/browser.ts';
import { testPort } from '../tests/e2e/ports.ts';

const paths =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['/', '/economie/', '/economie/assistants-vocaux-ecoutes-prestataires/', '/recherche/?q=eau'];
const port = testPort(4391);
const server = await preview({ root: process.cwd(), server: { port, host: '127.0.0.1' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
await mkdir('screenshots', { recursive: true });
try {
  for (const path of paths) {
    for (const [name, width] of [
      ['phone', 390],
      ['desktop', 1280],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, deviceScaleFactor: 1 });
        await page.goto(`http://127.0.0.1:${port}${path}`);
        const file = `screenshots/${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${name}-${colorScheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        // Long pages are also cut into screen-sized parts, readable at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; height > 1800 && y < height; y += 1600, part++) {
          const clip = { x: 0, y, width, height: Math.min(1600, height - y) };
          await page.screenshot({ path: file.replace('.png', `-part${part}.png`), fullPage: true, clip });
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
