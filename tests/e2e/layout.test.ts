import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { THEME_KEY } from '../../src/scripts/theme-boot';
import { useBrowser } from './browser-context';

const { baseUrl, browser } = useBrowser();

const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';
/** The article with the longest thread: long pseudonyms, nested replies, « voir la suite ». */
const COMMENTED = '/sciences/ia-generative-colleges-devoirs/';

describe('from a 320 px phone to a 1440 px screen', () => {
  const widths = [320, 390, 768, 1280, 1440];
  test.each(['/', '/economie/', COMMENTED])('%s never scrolls sideways', async (path) => {
    const page = await browser().newPage();
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
    }
    await page.close();
  });

  test('on a small phone the header leaves most of the screen to the page, and every section is reachable', async () => {
    const page = await browser().newPage({ viewport: { width: 320, height: 568 } });
    await page.goto(baseUrl + ARTICLE);
    const header = await page.getByRole('banner').boundingBox();
    expect(header?.height).toBeLessThan(568 / 4);
    const nav = page.getByRole('navigation', { name: 'Rubriques' });
    const last = nav.getByRole('link').last();
    // The row scrolls sideways; the last section comes into view when it gets the focus.
    await last.focus();
    const box = await last.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    await page.close();
  });
});

describe('printing an article', () => {
  async function printed(page: Page) {
    await page.emulateMedia({ media: 'print' });
    await page.goto(baseUrl + ARTICLE);
    return page;
  }
  const shown = (page: Page, selector: string) =>
    page.locator(selector).evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).checkVisibility()));

  test('prints the title, standfirst, byline, image and body, without the site around them', async () => {
    const page = await printed(await browser().newPage());
    for (const part of [
      'h1',
      '[data-part="standfirst"]',
      '[data-part="source"]',
      '[data-part="image"] img',
      '.article-prose',
    ])
      expect(await shown(page, part)).toEqual([true]);
    for (const chrome of [
      'body > header',
      'nav',
      'form[role="search"]',
      'footer',
      'aside',
      '[data-part="share"]',
      '[data-part="newsletter"]',
      '#commentaires',
      '[data-part="comment-form"]',
    ])
      expect((await shown(page, chrome)).filter(Boolean)).toEqual([]);
    await page.close();
  });

  test('shows the address of each link in the body', async () => {
    const page = await printed(await browser().newPage());
    const links = await page.locator('.article-prose a[href]').evaluateAll((nodes) =>
      nodes.map((node) => ({
        href: node.getAttribute('href'),
        after: getComputedStyle(node, '::after').content,
      })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const { href, after } of links) expect(after).toBe(`" (${href})"`);
    await page.close();
  });

  test('prints in the light colours even when the reader chose the dark theme', async () => {
    const heading = (page: Page) => page.locator('h1').evaluate((node) => getComputedStyle(node).color);
    const screen = await browser().newPage({ colorScheme: 'light' });
    await screen.goto(baseUrl + ARTICLE);
    const context = await browser().newContext({ colorScheme: 'dark' });
    await context.addInitScript((key) => localStorage.setItem(key, 'dark'), THEME_KEY);
    const paper = await printed(await context.newPage());
    expect(await paper.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await heading(paper)).toBe(await heading(screen));
    await screen.close();
    await context.close();
  });
});

describe('reduced motion', () => {
  const motion = (page: Page) =>
    page.evaluate(() => ({
      scroll: getComputedStyle(document.documentElement).scrollBehavior,
      moving: [...document.querySelectorAll('*')].filter((node) => {
        const style = getComputedStyle(node);
        return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      }).length,
    }));

  test('anchors scroll smoothly by default, and nothing moves for a reader who asks for less', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    expect((await motion(page)).scroll).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motion(page)).toEqual({ scroll: 'auto', moving: 0 });
    await page.close();
  });
});
