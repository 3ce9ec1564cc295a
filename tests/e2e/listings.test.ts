import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { articleFiles, articleSection, publishedCommentFiles } from './content-files';
import { testBuildEnv } from './global-setup';
import { root } from './site';

const { baseUrl, browser } = useBrowser();
const articles = articleFiles();
const urlOf = (slug: string) => `/${articleSection(slug)}/${slug}/`;
const slugOf = (href: string | null) => href?.split('/').at(-2) ?? '';

/** The slugs of the story cards' headlines on a page, in order. */
async function cardSlugs(page: Page, scope = 'main') {
  const links = await page.locator(`${scope} [data-part="card"] :is(h2, h3) a`).all();
  return Promise.all(links.map(async (link) => slugOf(await link.getAttribute('href'))));
}

async function open(path: string) {
  const page = await browser().newPage();
  const response = await page.goto(baseUrl + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('home page', () => {
  test('leads with the editors’ « À la une », in the order of content/une.yaml', async () => {
    const chosen = [...readFileSync(join(root, 'content/une.yaml'), 'utf8').matchAll(/^\s+- ([a-z0-9-]+)$/gm)].map(
      (m) => m[1],
    );
    const page = await open('/');
    const shown = await cardSlugs(page, 'section[aria-label="À la une"]');
    // Three stories stand beside the lead; the newest others make up for a shorter choice.
    const topUp = articles.map((a) => a.slug).filter((slug) => !chosen.includes(slug));
    expect(shown).toEqual([...chosen, ...topUp].slice(0, 4));
    await page.close();
  });

  test('« Le fil » lists the ten newest stories, newest first', async () => {
    const page = await open('/');
    const links = await page.locator('section[aria-labelledby="le-fil"] li a').all();
    const slugs = await Promise.all(links.map(async (link) => slugOf(await link.getAttribute('href'))));
    expect(slugs).toEqual(articles.slice(0, 10).map((a) => a.slug));
    await page.close();
  });

  test('« Les plus commentés » ranks the last two weeks’ stories by published comments', async () => {
    const now = new Date(testBuildEnv.KIOSQUE_NOW).getTime();
    const counts = publishedCommentFiles();
    const expected = articles
      .filter((a) => now - a.publishedAt.getTime() <= 14 * 24 * 3600 * 1000)
      .map((a) => ({ slug: a.slug, count: counts.get(a.slug)?.length ?? 0 }))
      .filter((a) => a.count > 0)
      .sort((a, b) => b.count - a.count);
    expect(expected.length).toBeGreaterThan(1);
    const page = await open('/');
    const items = page.locator('section[aria-labelledby="les-plus-commentes"] li');
    const first = expected[0];
    expect(slugOf(await items.first().locator('a').first().getAttribute('href'))).toBe(first?.slug);
    // The count's link says what it counts and on which story, for a reader who hears links listed.
    expect(await items.first().locator('a').nth(1).textContent()).toContain(`${first?.count} commentaires sur «`);
    expect(await items.count()).toBe(Math.min(5, expected.length));
    await page.close();
  });
});

describe('listings', () => {
  test('the month archive runs over pages of 20, linked both ways, each with its own title', async () => {
    const november = articles.filter((a) => a.publishedAt.toISOString() >= '2026-10-31T23:00');
    expect(november.length).toBeGreaterThan(20);
    const page = await open('/archives/2026/11/');
    expect(await cardSlugs(page)).toEqual(november.slice(0, 20).map((a) => a.slug));
    expect(await page.locator('head link[rel="next"]').getAttribute('href')).toBe('/archives/2026/11/page/2/');
    expect(await page.locator('head link[rel="prev"]').count()).toBe(0);
    const firstTitle = await page.title();
    await page.getByRole('link', { name: 'Page suivante' }).click();
    await page.waitForURL('**/archives/2026/11/page/2/');
    expect(await cardSlugs(page)).toEqual(november.slice(20, 40).map((a) => a.slug));
    expect(await page.locator('head link[rel="prev"]').getAttribute('href')).toBe('/archives/2026/11/');
    expect(await page.title()).not.toBe(firstTitle);
    expect(await page.locator('nav[aria-label="Pages"]').textContent()).toContain('Page 2 sur 2');
    await page.close();
  });

  test('the archive index links every month with its number of stories', async () => {
    const page = await open('/archives/');
    const months = await page.locator('main li').all();
    const text = await Promise.all(
      months.map(async (li) => [await li.locator('a').textContent(), await li.locator('span').textContent()]),
    );
    const october = articles.filter((a) => a.publishedAt.toISOString() < '2026-10-31T23:00').length;
    expect(text.map(([month, count]) => [month?.trim(), count])).toEqual([
      ['novembre 2026', `${articles.length - october} articles`],
      ['octobre 2026', `${october} articles`],
    ]);
    await page.close();
  });

  test('a tag page lists exactly the stories with that tag', async () => {
    const page = await open('/sujets/consommation/');
    expect(await page.locator('h1').textContent()).toBe('Consommation');
    expect((await cardSlugs(page)).sort()).toEqual(
      articles
        .filter((a) => a.tags.includes('consommation'))
        .map((a) => a.slug)
        .sort(),
    );
    await page.close();
  });

  test('« Dépêches AFP » lists exactly the stories whose source is AFP', async () => {
    const page = await open('/depeches/afp/');
    expect(await page.locator('h1').textContent()).toBe('Dépêches AFP');
    expect(await cardSlugs(page)).toEqual(articles.filter((a) => a.source === 'AFP').map((a) => a.slug));
    await page.close();
  });

  test('an author page shows the portrait, the bio and every story they signed', async () => {
    const page = await open('/auteurs/claire-dumas/');
    expect(await page.locator('h1').textContent()).toBe('Claire Dumas');
    expect(await page.locator('main header img').getAttribute('alt')).toBe('Claire Dumas');
    const bio = readFileSync(join(root, 'content/authors/claire-dumas.yaml'), 'utf8').match(/^bio: (.+)$/m)?.[1];
    expect(bio).toBeDefined();
    expect(await page.locator('main header').textContent()).toContain((bio ?? '').slice(0, 30).replace(/'/g, '’'));
    expect(await cardSlugs(page)).toEqual(
      articles.filter((a) => a.authors.includes('claire-dumas')).map((a) => a.slug),
    );
    await page.close();
  });

  test('a byline leads to each author’s page, a source to the agency’s', async () => {
    const signed = articles.find((a) => a.authors.length > 0);
    const wire = articles.find((a) => a.source === 'AFP');
    const page = await open(urlOf(signed?.slug ?? ''));
    await page.locator('[data-part="byline"] a').first().click();
    await page.waitForURL(`**/auteurs/${signed?.authors[0]}/`);
    await page.goto(baseUrl + urlOf(wire?.slug ?? ''));
    await page.locator('[data-part="source"] a').click();
    await page.waitForURL('**/depeches/afp/');
    expect(await page.locator('h1').textContent()).toBe('Dépêches AFP');
    await page.close();
  });

  test('a page past the last one is the 404 page', async () => {
    const page = await browser().newPage();
    expect((await page.goto(`${baseUrl}/archives/2026/11/page/3/`))?.status()).toBe(404);
    await page.close();
  });
});

describe('« Cet article est cité dans »', () => {
  const citers = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const target of [...article.related, ...article.readAlso]) {
      citers.set(target, (citers.get(target) ?? new Set()).add(article.slug));
    }
  }

  test('every article cited in « Lire aussi » or `related` links back to the stories citing it', async () => {
    expect(citers.size).toBeGreaterThan(3);
    const page = await browser().newPage();
    for (const article of articles) {
      await page.goto(baseUrl + urlOf(article.slug));
      const links = await page.locator('section[aria-labelledby="cite-dans"] a').all();
      const slugs = await Promise.all(links.map(async (link) => slugOf(await link.getAttribute('href'))));
      expect(slugs.sort(), article.slug).toEqual([...(citers.get(article.slug) ?? [])].sort());
    }
    await page.close();
  });
});
