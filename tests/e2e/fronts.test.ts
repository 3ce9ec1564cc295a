import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

const { baseUrl, browser } = useBrowser();

describe('fronts', () => {
  test('the home page leads with a story and lists every section', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.locator('h2 a').first().isVisible()).resolves.toBe(true);
    const sections = await page.locator('section[aria-labelledby^="rubrique-"] h2').allTextContents();
    expect(sections.map((s) => s.trim())).toEqual([
      'Économie',
      'International',
      'Sciences & Tech',
      'Culture',
      'Société',
    ]);
    await page.close();
  });

  test('every card shows its title, standfirst, date and comment count', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/economie/`);
    const cards = page.locator('[data-part="card"]');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    for (const card of await cards.all()) {
      await expect(card.locator('h2 a, h3 a').count()).resolves.toBe(1);
      await expect(card.locator('time[datetime]').count()).resolves.toBe(1);
      expect(await card.locator('[data-part="card-comments"] .sr-only').textContent()).toMatch(
        /^\d+ commentaires? sur «\s.+\s»$/,
      );
    }
    const reference = page.locator('[data-part="card"]', { hasText: 'Sonorhéa' });
    expect(await reference.textContent()).toContain('VIDÉO.');
    expect(await reference.locator('[data-part="card-comments"] .sr-only').textContent()).toMatch(
      /^6 commentaires sur «\sAssistant vocal/,
    );
    expect(await reference.locator('[data-part="card-comments"] span[aria-hidden="true"]').textContent()).toBe('6');
    await page.close();
  });

  test('each page is French, titled, described and has its canonical address', async () => {
    const page = await browser().newPage();
    for (const path of [
      '/',
      '/culture/',
      '/economie/assistants-vocaux-ecoutes-prestataires/',
      '/infos/mentions-legales/',
    ]) {
      await page.goto(baseUrl + path);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
      expect(await page.title()).toMatch(/Kiosque/);
      expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length).toBeGreaterThan(20);
      await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(
        `https://kiosque.example${path}`,
      );
      await expect(page.locator('h1').count()).resolves.toBe(1);
    }
    await page.close();
  });

  test('an unknown address gets the French 404 page', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${baseUrl}/economie/article-disparu/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page introuvable');
    await page.close();
  });
});
