import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { articleFiles, articleSection } from './content-files';
import { indexLanguages, indexedPages, shardFolders } from './search-index';
import { root } from './site';

const { baseUrl, browser } = useBrowser();
const dist = join(root, 'dist');
const NBSP = '\u00A0';
const VELO = '/societe/velo-trajets-domicile-travail/';
const COMMENTED = '/sciences/exoplanete-vapeur-eau-telescope/';
const WITH_BOXES = '/economie/assistants-vocaux-ecoutes-prestataires/';

/** Opens a page and records what the Content-Security-Policy refused on it. */
async function openPage(path: string): Promise<{ page: Page; refused: string[] }> {
  const page = await browser().newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(baseUrl + path);
  return { page, refused };
}

/** The status line once the search for `query` has answered. */
async function answer(page: Page, query: string): Promise<string> {
  const status = page.getByRole('status');
  await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain(`pour «${NBSP}${query}${NBSP}»`);
  return status.innerText();
}

function results(page: Page) {
  return page.locator('[data-part="search-list"] > li');
}

describe('the search index (built site)', () => {
  test('holds every published article, in French, and no other page', () => {
    const articles = articleFiles().map((file) => file.slug);
    expect(indexLanguages(dist)).toEqual({ fr: expect.objectContaining({ page_count: articles.length }) });
    expect(
      indexedPages(dist)
        .map((page) => page.url)
        .sort(),
    ).toEqual(articles.map((slug) => `/${articleSection(slug)}/${slug}/`).sort());
  });

  test('is deployed without Pagefind’s ready-made interfaces, which no page loads', () => {
    const files = readdirSync(join(dist, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files.filter((name) => /ui|highlight/.test(name))).toEqual([]);
  });

  test('is dealt into shards of at most the pages asked for, none shipping Pagefind’s code again', () => {
    // The tests' build asks for shards of 6 pages (testBuildEnv).
    const folders = shardFolders(dist);
    expect(folders.length).toBeGreaterThan(1);
    for (const folder of folders) {
      const { languages } = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(languages['fr']?.page_count).toBeLessThanOrEqual(6);
    }
    for (const folder of folders.slice(1))
      expect(readdirSync(folder).filter((name) => /^(pagefind.*\.js|wasm\..*)$/.test(name))).toEqual([]);
  });

  test('keeps an article’s text, without comments, navigation, boxes or its kicker', () => {
    const pages = new Map(indexedPages(dist).map((page) => [page.url, page]));
    const commented = pages.get(COMMENTED)?.content ?? '';
    expect(commented).toContain('coucher de soleil');
    // Only in a reader's comment, in the footer's links and in the sidebar's heading.
    for (const outside of ['sensationnalisme', 'Céphéide', 'Mentions légales', 'À ne pas manquer', 'Commentaires'])
      expect(commented).not.toContain(outside);

    const boxed = pages.get(WITH_BOXES);
    for (const box of ['Lire aussi', 'La newsletter Économie', 'Je m’inscris', 'VIDÉO.', 'Temps de lecture'])
      expect(boxed?.content).not.toContain(box);
    expect(boxed?.meta).toMatchObject({
      title: 'Assistant vocal\u00A0: Sonorhéa reconnaît que des prestataires écoutent des enregistrements',
      kicker: 'VIDÉO.',
      standfirst: expect.stringMatching(/^Le fabricant d’enceintes connectées admet/),
      date: '2026-11-28T17:05+01:00',
    });
  });
});

describe('the search page (Chromium, built site)', () => {
  test('finds an article from the header’s field by a word of its text, shows it as a card, and opens it', async () => {
    const { page, refused } = await openPage('/');
    await page.getByRole('search', { name: 'Rechercher sur le site' }).getByRole('searchbox').fill('vélo');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/recherche/?q=v%C3%A9lo');

    await expect(answer(page, 'vélo')).resolves.toBe(`1 résultat pour «${NBSP}vélo${NBSP}»`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('vélo');
    const result = results(page).first();
    await expect(result.locator('[data-part="result-kicker"]').innerText()).resolves.toBe('VIDÉO.');
    await expect(result.locator('[data-part="result-standfirst"]').innerText()).resolves.toMatch(
      /^Porté par les pistes cyclables/,
    );
    await expect(result.locator('time').innerText()).resolves.toBe('10 novembre 2026');
    await expect(result.locator('time').getAttribute('datetime')).resolves.toBe('2026-11-10');

    await result
      .getByRole('link', { name: 'Le vélo a doublé sa part dans les trajets domicile-travail en cinq ans' })
      .click();
    await page.waitForURL(baseUrl + VELO);
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'Le vélo a doublé sa part dans les trajets domicile-travail en cinq ans',
    );
    expect(refused).toEqual([]);
    await page.close();
  });

  test('searches the address’s query on arrival, with French stemming: a plural finds the singular', async () => {
    const { page, refused } = await openPage(`/recherche/?q=${encodeURIComponent('vélos')}`);
    await expect(page.getByLabel('Rechercher dans les articles').inputValue()).resolves.toBe('vélos');
    await expect(answer(page, 'vélos')).resolves.toBe(`1 résultat pour «${NBSP}vélos${NBSP}»`);
    await expect(results(page).getByRole('link').getAttribute('href')).resolves.toBe(VELO);
    expect(refused).toEqual([]);
    await page.close();
  });

  test('finds a word only its articles hold, though the shards without it hold shorter words that begin it', async () => {
    // « exploitants » is in one article; alone, a shard that lacks it would answer with the
    // pages holding the longest indexed word it begins with.
    const cinema = '/culture/cinema-frequentation-salles-novembre/';
    for (const query of ['exploitants', 'exploitants billet', 'Exploitants']) {
      const { page, refused } = await openPage(`/recherche/?q=${encodeURIComponent(query)}`);
      await expect(answer(page, query)).resolves.toBe(`1 résultat pour «${NBSP}${query}${NBSP}»`);
      await expect(results(page).getByRole('link').getAttribute('href')).resolves.toBe(cinema);
      expect(refused).toEqual([]);
      await page.close();
    }
  });

  test('sorts by date, newest first, when the reader asks', async () => {
    const { page, refused } = await openPage('/recherche/?q=France');
    await answer(page, 'France');
    const days = () =>
      results(page)
        .locator('time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')));
    const byRelevance = await days();
    expect(byRelevance).not.toEqual([...byRelevance].sort().reverse());
    await page.getByLabel('Trier par').selectOption({ label: 'Date, les plus récents d’abord' });
    await expect.poll(() => new URL(page.url()).searchParams.get('tri')).toBe('date');
    await answer(page, 'France');
    const byDate = await days();
    // The first results by date are the newest of all the matches, not only of those shown first.
    expect(byDate.length).toBe(byRelevance.length);
    expect(byDate).toEqual([...byDate].sort().reverse());
    expect(byDate[0] ?? '').toBe([...byRelevance, ...byDate].sort().at(-1));
    expect(refused).toEqual([]);
    await page.close();
  });

  test('says « Aucun résultat » for a word no article has, as for a word only in comments', async () => {
    const { page } = await openPage('/recherche/');
    // « invivable » is only in a reader's comment.
    for (const word of ['zygomatique', 'invivable']) {
      await page.getByLabel('Rechercher dans les articles').fill(word);
      await page.getByRole('main').getByRole('button', { name: 'Rechercher' }).click();
      await expect(answer(page, word)).resolves.toBe(`Aucun résultat pour «${NBSP}${word}${NBSP}»`);
      await expect(results(page).count()).resolves.toBe(0);
    }
    await page.close();
  });

  test('indexes no word of the navigation, the footer or the comment area', () => {
    // « charte » is on every article page, in the footer and the comment area, and in no
    // article. Asked in the search page, Pagefind may still offer a page for it: a word it
    // does not know falls back to the longest indexed word that begins it, « c » of « °C »
    // (docs/search.md, « Known limits »).
    const indexed = indexedPages(dist).map((page) => `${page.content} ${Object.values(page.meta).join(' ')}`);
    expect(indexed.length).toBeGreaterThan(10);
    for (const word of ['charte', 'modération', 'abonner', 'commentaires']) {
      expect(indexed.filter((text) => text.toLowerCase().includes(word))).toEqual([]);
    }
  });

  test('still searches when the browser cannot start Pagefind’s worker: the page allows WebAssembly', async () => {
    const page = await browser().newPage();
    await page.route('**/pagefind-worker.js', (route) => route.abort());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/recherche/?q=vélo`);
    await expect(answer(page, 'vélo')).resolves.toBe(`1 résultat pour «${NBSP}vélo${NBSP}»`);
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each(['light', 'dark'] as const)('passes an axe audit with its results shown (%s)', async (colorScheme) => {
    // axe is injected as an inline script, which the page's policy rightly blocks.
    const page = await browser().newPage({ colorScheme, bypassCSP: true });
    await page.goto(`${baseUrl}/recherche/?q=vélo`);
    await answer(page, 'vélo');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string }[] }> } }
      ).axe;
      const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
      return result.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  test('says that search needs JavaScript when scripts are off', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/recherche/?q=vélo`);
    await expect(page.locator('main').innerText()).resolves.toContain('La recherche a besoin de JavaScript.');
    await context.close();
  });
});
