import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

const REFERENCE = '/economie/assistants-vocaux-ecoutes-prestataires/';
const { baseUrl, browser } = useBrowser();

describe('the reference-structure article', () => {
  test('shows every part of the reference page, in the reference order', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    const selectors = [
      'h1',
      '[data-part="standfirst"]',
      '[data-part="source"]',
      '[data-part="reading-time"]',
      '.article-prose > p',
      '[data-part="newsletter"]',
      '[data-part="read-also"]',
      '.article-prose h2',
      '[data-part="read-also"] >> nth=1',
      '#a-ne-pas-manquer',
      '[data-part="comment-form"]',
      '[data-part="counter"]',
      '[data-part="comment-links"]',
      '[data-part="comment-count"]',
      '[data-part="thread"]',
    ];
    const handles = [];
    for (const selector of selectors) {
      const handle = await page.locator(selector).first().elementHandle();
      expect(handle, `${selector} is on the page`).not.toBeNull();
      handles.push(handle);
    }
    for (let i = 1; i < handles.length; i++) {
      const follows = await handles[i - 1]!.evaluate(
        (previous, next) => Boolean(previous.compareDocumentPosition(next as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
        handles[i],
      );
      expect(follows, `${selectors[i]} comes after ${selectors[i - 1]}`).toBe(true);
    }

    expect(await page.locator('[data-part="standfirst"]').textContent()).toMatch(/^\s*VIDÉO\. \S/);
    await expect(page.locator('[data-part="source"]').textContent()).resolves.toBe('Source AFP');
    expect(await page.locator('[data-part="reading-time"]').textContent()).toMatch(
      /^Temps de lecture\u00A0: \d+\u00A0min$/,
    );
    expect(await page.locator('[data-part="published"]').textContent()).toBe(
      'Publié le 28 novembre 2026 à\u00A017\u00A0h\u00A005',
    );
    expect(await page.locator('.article-prose').textContent()).toMatch(/«\u00A0[^»]+\u00A0»/);
    await expect(page.locator('[data-part="read-also"]').count()).resolves.toBe(2);
    await page.close();
  });

  test('has a newsletter box with its title, cadence, pitch, labelled e-mail field, button and consent', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    const box = page.locator('[data-part="newsletter"]');
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('La newsletter Économie');
    expect(text).toContain('En vous inscrivant, vous acceptez les conditions générales d’utilisation');
    await expect(box.getByLabel('Votre adresse e-mail').getAttribute('type')).resolves.toBe('email');
    await expect(box.getByRole('button', { name: 'Je m’inscris' }).count()).resolves.toBe(1);
    await page.close();
  });

  test('links each « Lire aussi » under the current title of the article it names', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    const links = await page
      .locator('[data-part="read-also"] a')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute('href') ?? '', title: a.textContent ?? '' })),
      );
    for (const link of links) {
      await page.goto(baseUrl + link.href);
      expect(await page.locator('h1').textContent()).toContain(link.title);
    }
    await page.close();
  });

  test('shows six published comments, with replies, and never the pending or rejected ones', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    await expect(page.locator('[data-part="comment-count"]').textContent()).resolves.toBe('Commentaires (6)');
    await expect(page.locator('[data-part="comment"]').count()).resolves.toBe(6);
    expect(await page.locator('[data-part="in-reply-to"]').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#commentaire-c07').count()).resolves.toBe(0);
    await expect(page.locator('#commentaire-c08').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('« Sommaire »', () => {
  test('an article with four intertitles lists them, each entry leading to its intertitle', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/international/chili-secheresse-rationnement-eau/`);
    const contents = page.getByRole('navigation', { name: 'Sommaire' });
    const intertitles = await page.locator('.article-prose h2').allTextContents();
    expect(intertitles.length).toBeGreaterThanOrEqual(4);
    await expect(contents.getByRole('link').allTextContents()).resolves.toEqual(intertitles);
    await contents.getByRole('link').last().click();
    await expect(
      page
        .locator('.article-prose h2')
        .last()
        .evaluate((h) => `#${h.id}` === decodeURIComponent(location.hash)),
    ).resolves.toBe(true);
    // The page scrolls smoothly to it (the reader has not asked for less motion): wait for it to arrive.
    const top = () =>
      page
        .locator('.article-prose h2')
        .last()
        .evaluate((h) => h.getBoundingClientRect().top);
    const height = await page.evaluate(() => innerHeight);
    await expect.poll(top).toBeLessThan(height);
    expect(await top()).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  test('an article with fewer intertitles has none', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    await expect(page.getByRole('navigation', { name: 'Sommaire' }).count()).resolves.toBe(0);
    await page.close();
  });
});

describe('comment states', () => {
  test('a closed article says so and has no form', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/international/cop31-financement-climat-impasse/`);
    await expect(page.locator('[data-part="comments-closed"]').textContent()).resolves.toBe(
      'Les commentaires sont fermés.',
    );
    await expect(page.locator('[data-part="comment-form"]').count()).resolves.toBe(0);
    await page.close();
  });

  test('a subscribers-only article shows the gate with its sign-in link', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/sciences/cnil-sanction-courtier-donnees/`);
    const gate = page.locator('[data-part="subscribers-only"]');
    expect(await gate.textContent()).toMatch(/^Ce service est réservé aux abonnés\. S’identifier$/);
    await gate.getByRole('link', { name: 'S’identifier' }).click();
    await page.waitForURL('**/infos/abonnement/');
    await page.close();
  });

  test('the terms and the charter links lead to real pages', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + REFERENCE);
    await page.getByRole('link', { name: 'Lire la charte de modération' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Charte de modération');
    await page.goBack();
    await page.getByRole('link', { name: 'Voir les conditions d’utilisation' }).click();
    expect(await page.locator('h1').textContent()).toMatch(/^Conditions/);
    await page.close();
  });

  test('an updated article shows when it was changed', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/economie/electricite-tarif-reglemente-fevrier/`);
    expect(await page.locator('[data-part="updated"]').textContent()).toMatch(/^Modifié le \d+ novembre 2026 à/);
    await page.close();
  });
});

describe('who wrote a comment', () => {
  test('a journalist of the site gets the staff badge; a featured comment its own', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/sciences/ia-generative-colleges-devoirs/`);
    const staff = page.locator('[data-part="comment"]', { has: page.locator('[data-part="staff"]') });
    await expect(staff.locator('[data-part="pseudonym"]').allInnerTexts()).resolves.toEqual(['Léa Morvan']);
    await expect(staff.locator('[data-part="staff"]').innerText()).resolves.toMatch(/^l’équipe$/i);
    await page.goto(`${baseUrl}/economie/assistants-vocaux-ecoutes-prestataires/`);
    await expect(
      page.locator('[data-part="comment"]', { has: page.locator('[data-part="featured"]') }).count(),
    ).resolves.toBeGreaterThan(0);
    await page.close();
  });
});
