import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const { baseUrl, browser } = useBrowser();

const pages = [
  '/',
  '/economie/',
  '/economie/assistants-vocaux-ecoutes-prestataires/',
  '/international/chili-secheresse-rationnement-eau/',
  '/sciences/cnil-sanction-courtier-donnees/',
  '/infos/charte-de-moderation/',
  '/404.html',
];

type Axe = { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };

async function audit(path: string, colorScheme: 'light' | 'dark', runOnly: object) {
  // axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks.
  const page = await browser().newPage({ colorScheme, bypassCSP: true });
  await page.goto(baseUrl + path);
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async (only) => {
    const result = await (window as unknown as { axe: Axe }).axe.run({ runOnly: only });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }, runOnly);
  await page.close();
  return violations;
}

describe('accessibility audit (axe-core)', () => {
  test.each(pages)('%s passes WCAG 2.1 AA and best practices', async (path) => {
    expect(await audit(path, 'light', ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).toEqual([]);
  });

  // Only colours change in dark mode, so only contrast is audited again.
  test.each(pages)('%s keeps its contrast in dark mode', async (path) => {
    expect(await audit(path, 'dark', { type: 'rule', values: ['color-contrast'] })).toEqual([]);
  });
});
