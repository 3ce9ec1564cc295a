import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { THEME_KEY } from '../../src/scripts/theme-boot';
import { useBrowser } from './browser-context';

const { baseUrl, browser } = useBrowser();

const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';

/** The page's background as the reader sees it (the root's, which the canvas takes). */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
const toggle = (page: Page) => page.getByRole('button', { name: 'Thème sombre' });

/** Console messages in which the browser reports something the Content-Security-Policy refused. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) reports.push(message.text());
  });
  return reports;
}

/** The system's two backgrounds, to compare a chosen theme with. */
const backgrounds: Record<'light' | 'dark', string> = { light: '', dark: '' };
beforeAll(async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser().newPage({ colorScheme });
    await page.goto(baseUrl + ARTICLE);
    backgrounds[colorScheme] = await background(page);
    await page.close();
  }
  expect(backgrounds.light).not.toBe(backgrounds.dark);
});

async function withContext<T>(
  options: Parameters<ReturnType<typeof browser>['newContext']>[0],
  run: (context: BrowserContext) => Promise<T>,
) {
  const context = await browser().newContext(options);
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

describe('dark theme (Content-Security-Policy enforced)', () => {
  test('follows the system until the reader chooses, and the switch says which is on', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await withContext({ colorScheme }, async (context) => {
        const page = await context.newPage();
        await page.goto(baseUrl + '/');
        expect(await theme(page)).toBeNull();
        expect(await background(page)).toBe(backgrounds[colorScheme]);
        expect(await toggle(page).getAttribute('aria-pressed')).toBe(String(colorScheme === 'dark'));
      });
    }
  });

  test('the switch changes the theme and the choice holds on the next pages and after a reload', async () => {
    await withContext({ colorScheme: 'light' }, async (context) => {
      const page = await context.newPage();
      const reports = cspReports(page);
      await page.goto(baseUrl + '/');
      await toggle(page).click();
      expect(await theme(page)).toBe('dark');
      expect(await background(page)).toBe(backgrounds.dark);
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');

      await page.getByRole('navigation', { name: 'Rubriques' }).getByRole('link', { name: 'Économie' }).click();
      await page.waitForURL(/\/economie\/$/);
      expect(await theme(page)).toBe('dark');
      expect(await background(page)).toBe(backgrounds.dark);

      await page.goto(baseUrl + ARTICLE);
      expect(await background(page)).toBe(backgrounds.dark);
      await toggle(page).click();
      await page.reload();
      expect(await theme(page)).toBe('light');
      expect(await background(page)).toBe(backgrounds.light);
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
      expect(reports).toEqual([]);
    });
  });

  test('a kept choice is already applied before any module script runs, by the inline script the policy allows', async () => {
    await withContext({ colorScheme: 'light' }, async (context) => {
      const page = await context.newPage();
      const reports = cspReports(page);
      await page.goto(baseUrl + '/');
      await page.evaluate((key) => localStorage.setItem(key, 'dark'), THEME_KEY);
      // No module script at all: whatever sets the theme now is the blocking one in <head>,
      // which runs before the body is parsed, so before anything is painted.
      await context.route('**/_astro/*.js', (route) => route.abort());
      await page.goto(baseUrl + ARTICLE);
      // The switch's state is only ever set by the module.
      expect(await toggle(page).getAttribute('aria-pressed')).toBeNull();
      expect(await theme(page)).toBe('dark');
      expect(await background(page)).toBe(backgrounds.dark);
      expect(reports).toEqual([]);
    });
  });

  test('a theme script with another hash would be refused: the policy is really enforced', async () => {
    await withContext({ colorScheme: 'light' }, async (context) => {
      const page = await context.newPage();
      const reports = cspReports(page);
      await context.route(`${baseUrl}${ARTICLE}`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('catch(e){}', 'catch(_){}');
        await route.fulfill({ response, body });
      });
      await page.addInitScript((key) => localStorage.setItem(key, 'dark'), THEME_KEY);
      await page.goto(baseUrl + ARTICLE);
      expect(reports.join('\n')).toMatch(/inline script/);
      expect(await theme(page)).toBeNull();
    });
  });

  test('without JavaScript the system decides and the switch is not shown', async () => {
    await withContext({ colorScheme: 'dark', javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      await page.goto(baseUrl + ARTICLE);
      expect(await page.locator('[data-part="theme-toggle"]').isHidden()).toBe(true);
      expect(await background(page)).toBe(backgrounds.dark);
    });
  });

  test('photos are dimmed in the dark theme, chosen or from the system, and not in the light one', async () => {
    const filter = (page: Page) =>
      page.locator('[data-part="image"] img').evaluate((image) => getComputedStyle(image).filter);
    for (const [colorScheme, stored, expected] of [
      ['dark', null, 'brightness(0.9)'],
      ['dark', 'light', 'none'],
      ['light', 'dark', 'brightness(0.9)'],
      ['light', null, 'none'],
    ] as const) {
      await withContext({ colorScheme }, async (context) => {
        if (stored)
          await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
            key: THEME_KEY,
            value: stored,
          });
        const page = await context.newPage();
        await page.goto(baseUrl + ARTICLE);
        expect(await filter(page)).toBe(expected);
      });
    }
    // The fronts' pictures too: a light illustration would glare on a dark page.
    await withContext({ colorScheme: 'dark' }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      const filters = await page
        .locator('[data-part="card"] img')
        .evaluateAll((images) => images.map((image) => getComputedStyle(image).filter));
      expect(filters.length).toBeGreaterThan(1);
      expect(new Set(filters)).toEqual(new Set(['brightness(0.9)']));
    });
  });
});
