import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';

const { baseUrl, browser } = useBrowser();

const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';
const TITLE = 'Assistant vocal\u00A0: Sonorhéa reconnaît que des prestataires écoutent des enregistrements';
const CANONICAL = `https://kiosque.example${ARTICLE}`;

describe('sharing an article', () => {
  test('« Copier le lien » puts the article’s address on the clipboard and says so', async () => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}?utm_source=lettre#commentaires`);
    const share = page.getByRole('group', { name: 'Partager cet article' });
    await share.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(share.getByRole('status').textContent()).resolves.toBe('Lien copié.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(CANONICAL);
    await context.close();
  });

  test('« Envoyer par e-mail » opens a message with the title as subject and the address as body', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    const href = await page.getByRole('link', { name: 'Envoyer par e-mail' }).getAttribute('href');
    const mail = new URL(href ?? '');
    expect(mail.protocol).toBe('mailto:');
    expect(mail.searchParams.get('subject')).toBe(TITLE);
    expect(mail.searchParams.get('body')).toBe(CANONICAL);
    await page.close();
  });

  test('« Partager » appears only where the browser can share, and hands it the title and address', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(baseUrl + ARTICLE);
    // Chromium on Linux has no share sheet.
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    expect(await page.getByRole('button', { name: 'Partager', exact: true }).count()).toBe(0);

    await context.addInitScript(() => {
      const shared: ShareData[] = [];
      Object.assign(window, { shared });
      navigator.share = async (data?: ShareData) => {
        if (data) shared.push(data);
      };
    });
    await page.reload();
    await page.getByRole('button', { name: 'Partager', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
      { title: TITLE, url: CANONICAL },
    ]);
    await context.close();
  });

  test('without JavaScript only the e-mail link is offered', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl + ARTICLE);
    const share = page.getByRole('group', { name: 'Partager cet article' });
    expect(await share.getByRole('button').count()).toBe(0);
    expect(await share.getByRole('link', { name: 'Envoyer par e-mail' }).isVisible()).toBe(true);
    await context.close();
  });
});
