import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

/** Every kind of page the site makes. */
const pages = [
  '/',
  '/economie/',
  // Articles: with comments, with a « Sommaire », for subscribers, without any comment, a
  // live coverage running and one ended.
  '/economie/assistants-vocaux-ecoutes-prestataires/',
  '/international/chili-secheresse-rationnement-eau/',
  '/sciences/cnil-sanction-courtier-donnees/',
  '/economie/batteries-sodium-usine-dunkerque/',
  '/societe/tempete-berenice-vents-violents-ouest/',
  '/sciences/sonde-heliade-lancement-kourou/',
  '/sujets/consommation/',
  '/auteurs/claire-dumas/',
  '/depeches/afp/',
  '/archives/',
  '/archives/2026/11/page/2/',
  '/infos/charte-de-moderation/',
  '/recherche/?q=eau',
  '/404.html',
];

const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const { baseUrl, browser } = useBrowser();

type Axe = { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };

/**
 * The three ways a page can look: the light system theme, the dark one, and dark chosen with
 * the header's switch on a light system (what `data-theme` selects, not the media query).
 */
const themes = {
  light: { colorScheme: 'light', chooseDark: false },
  'dark (system)': { colorScheme: 'dark', chooseDark: false },
  'dark (chosen)': { colorScheme: 'light', chooseDark: true },
} as const;

async function audit(path: string, theme: keyof typeof themes) {
  const { colorScheme, chooseDark } = themes[theme];
  // axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks.
  const context = await browser().newContext({ colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(baseUrl + path);
  if (chooseDark) {
    await page.getByRole('button', { name: 'Thème sombre' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
  }
  await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: Axe }).axe.run({ runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  }, WCAG_22_AA);
  await context.close();
  return violations;
}

describe('accessibility audit (axe-core, WCAG 2.2 AA and best practices)', () => {
  for (const theme of Object.keys(themes) as (keyof typeof themes)[]) {
    test.each(pages)(`%s passes in the ${theme} theme`, async (path) => {
      expect(await audit(path, theme)).toEqual([]);
    });
  }
});

describe('keyboard and structure', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        text: element.getAttribute('aria-label') ?? (element.textContent.trim() || element.tagName),
        inMain: element.closest('main') !== null,
        outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
        top: element.getBoundingClientRect().top,
      };
    });

  test('the first Tab shows « Aller au contenu », which takes the next Tab into the page’s content', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.text).toBe('Aller au contenu');
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).inMain).toBe(true);
    await page.close();
  });

  test('everything the keyboard reaches in the header shows a visible focus outline, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser().newPage({ colorScheme });
      await page.goto(baseUrl + ARTICLE);
      const stops: { text: string; outline: number }[] = [];
      for (let stop = 0; stop < 9; stop++) {
        await page.keyboard.press('Tab');
        const { text, outline } = await focused(page);
        stops.push({ text, outline });
      }
      // Skip link, site name, search field and its button, theme switch, then the sections.
      expect(stops.map((s) => s.text)).toContain('Kiosque, accueil');
      expect(stops.map((s) => s.text)).toContain('Thème sombre');
      for (const stop of stops) expect(stop.outline, stop.text).toBeGreaterThanOrEqual(2);
      await page.close();
    }
  });

  test.each(pages)(
    '%s has a banner with the search and the sections, one main, one contentinfo and one h1',
    async (path) => {
      const page = await browser().newPage();
      await page.goto(baseUrl + path);
      for (const role of ['banner', 'main', 'contentinfo'] as const)
        expect(await page.getByRole(role).count(), role).toBe(1);
      const banner = page.getByRole('banner');
      expect(await banner.getByRole('search').count()).toBe(1);
      expect(await banner.getByRole('navigation', { name: 'Rubriques' }).count()).toBe(1);
      expect(await page.locator('h1').count()).toBe(1);
      await page.close();
    },
  );
});
