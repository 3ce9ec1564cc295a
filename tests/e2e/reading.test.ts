import { describe, expect, test } from 'vitest';
import { themeBootScript } from '../../src/scripts/theme-boot';
import { useBrowser } from './browser-context';
import { articleSection, publishedCommentFiles } from './content-files';

const { baseUrl, browser } = useBrowser();

describe('reading without JavaScript', () => {
  test('the article, its newsletter box and every comment read with scripts off', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sciences/ia-generative-colleges-devoirs/`);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    expect(((await page.locator('.article-prose').innerText()) ?? '').length).toBeGreaterThan(1500);
    await expect(page.locator('[data-part="newsletter"]').isVisible()).resolves.toBe(true);

    const comments = page.locator('[data-part="comment"]');
    const total = await comments.count();
    expect(total).toBeGreaterThan(10);
    const visibleBefore = await comments.evaluateAll(
      (nodes) => nodes.filter((n) => (n as HTMLElement).checkVisibility()).length,
    );
    expect(visibleBefore).toBeLessThan(total);

    await page.getByText(/^Voir les \d+ commentaires suivants$/).click();
    const visibleAfter = await comments.evaluateAll(
      (nodes) => nodes.filter((n) => (n as HTMLElement).checkVisibility()).length,
    );
    expect(visibleAfter).toBe(total);
    await context.close();
  });

  test('scripts only enhance: deferred modules from the site itself, and the same reading without them', async () => {
    const scripted = await browser().newPage();
    const context = await browser().newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    for (const path of ['/', '/economie/', '/economie/assistants-vocaux-ecoutes-prestataires/']) {
      await scripted.goto(baseUrl + path);
      const tags = await scripted
        .locator('script:not([type="application/ld+json"])')
        .evaluateAll((nodes) => nodes.map((node) => node.outerHTML));
      // Besides the theme script, which only picks the colours (page-weight.test.ts).
      const enhancing = tags.filter((tag) => tag !== `<script>${themeBootScript}</script>`);
      expect(enhancing.length).toBe(tags.length - 1);
      for (const tag of enhancing) expect(tag).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js"><\/script>$/);
      await plain.goto(baseUrl + path);
      // What scripts add is controls (a counter, a sort); what is read stays the same.
      for (const part of ['h1', 'main article .prose', '[data-part="thread"]']) {
        const texts = (page: typeof plain) => page.locator(part).allInnerTexts();
        expect(await texts(plain)).toEqual(await texts(scripted));
      }
    }
    await scripted.close();
    await context.close();
  });
});

describe('comment counts', () => {
  test('every article’s « Commentaires (N) » equals its published comment files', async () => {
    const page = await browser().newPage();
    const files = publishedCommentFiles();
    expect(files.size).toBeGreaterThan(0);
    for (const [slug, published] of files) {
      await page.goto(`${baseUrl}/${articleSection(slug)}/${slug}/`);
      await expect(page.locator('[data-part="comment-count"]').textContent()).resolves.toBe(
        `Commentaires (${published.length})`,
      );
      await expect(page.locator('[data-part="comment"]').count()).resolves.toBe(published.length);
      const anchors = await page.locator('[data-part="comment"]').evaluateAll((nodes) => nodes.map((n) => n.id).sort());
      expect(anchors).toEqual(published.map((name) => `commentaire-${name.replace(/\.md$/, '')}`).sort());
    }
    await page.close();
  });
});

describe('a hostile comment', () => {
  test('is shown as text and never runs script, even when hovered and clicked', async () => {
    const page = await browser().newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await page.goto(`${baseUrl}/sciences/exoplanete-vapeur-eau-telescope/`);
    const hostile = page.locator('#commentaire-c04');
    expect(await hostile.textContent()).toContain('Rien ne devrait s’exécuter');
    for (const link of await hostile.locator('a').all()) {
      await link.hover();
      await link.click({ modifiers: ['Control'] }).catch(() => undefined);
    }
    expect(await page.evaluate(() => (window as { __kiosqueHacked?: boolean }).__kiosqueHacked)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await hostile.innerHTML()).not.toMatch(/<script|onerror|onclick|javascript:/i);
    await page.close();
  });
});
