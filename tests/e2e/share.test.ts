import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { root } from './site';

const { baseUrl, browser } = useBrowser();

const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';
const TITLE = 'Assistant vocal\u00A0: Sonorhéa reconnaît que des prestataires écoutent des enregistrements';
const CANONICAL = `https://kiosque.example${ARTICLE}`;
const NBSP = '\u00A0';

describe('sharing an article', () => {
  test('« Copier le lien » puts the article’s address on the clipboard and says so', async () => {
    const context = await browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${ARTICLE}?utm_source=lettre#commentaires`);
    const share = page.getByRole('group', { name: 'Partager cet article' });
    await share.getByRole('button', { name: 'Copier le lien' }).click();
    // The message follows the clipboard's answer, which a busy machine may give late.
    await expect.poll(() => share.getByRole('status').textContent()).toBe('Lien copié.');
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

/** The Open Graph and Twitter tags of a built page: each property or name with its values. */
function metaOf(page: string): Map<string, string[]> {
  const html = readFileSync(join(root, 'dist', page, 'index.html'), 'utf8');
  const meta = new Map<string, string[]>();
  for (const [, key = '', value = ''] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) {
    meta.set(key, [...(meta.get(key) ?? []), value.replaceAll('&amp;', '&')]);
  }
  return meta;
}

/** A built file named by an address on the production site, read from `dist/`. */
function builtFile(url: string): Buffer {
  const { origin, pathname } = new URL(url);
  expect(origin).toBe('https://kiosque.example');
  const file = join(root, 'dist', pathname);
  expect(existsSync(file), `${pathname} is in dist/`).toBe(true);
  return readFileSync(file);
}

describe('what a shared link shows (Open Graph, built site)', () => {
  test('an article without a picture shows its card: a 1200×630 PNG of its title', () => {
    const meta = metaOf('sciences/cnil-sanction-courtier-donnees');
    const [image = ''] = meta.get('og:image') ?? [];
    expect(image).toMatch(/^https:\/\/kiosque\.example\/cartes\/[\w-]{22}\.png$/);
    const png = builtFile(image);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(meta.get('og:image:width')).toEqual(['1200']);
    expect(meta.get('og:image:height')).toEqual(['630']);
    expect(meta.get('og:image:alt')).toEqual([
      `ENQUÊTE. Courtiers en données${NBSP}: comment vos achats en ligne finissent dans des fichiers revendus — Sciences & Tech, Kiosque`,
    ]);
    expect(meta.get('twitter:card')).toEqual(['summary_large_image']);
    expect(meta.get('article:author')).toEqual(['https://kiosque.example/auteurs/lea-morvan/']);
  });

  test('an article with a picture keeps it, as a 1200-pixel JPEG, with its update time', () => {
    const meta = metaOf('economie/electricite-tarif-reglemente-fevrier');
    const [image = ''] = meta.get('og:image') ?? [];
    expect(image).toMatch(/^https:\/\/kiosque\.example\/_astro\/electricite-tarif-indice\.[\w-]+\.jpe?g$/);
    expect(builtFile(image).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect([meta.get('og:image:width'), meta.get('og:image:height')]).toEqual([['1200'], ['675']]);
    expect(meta.get('og:image:alt')?.[0]).toMatch(/^Graphique en barres/);
    expect(meta.get('article:modified_time')).toEqual(['2026-11-27T16:20+01:00']);
    expect(meta.get('article:author')).toEqual(['https://kiosque.example/auteurs/claire-dumas/']);
  });

  test('an agency wire names no author profile', () => {
    const meta = metaOf(ARTICLE.slice(1, -1));
    expect(meta.get('article:author')).toBeUndefined();
    expect(meta.get('article:modified_time')).toBeUndefined();
    expect(meta.get('og:image')?.[0]).toMatch(/\.jpe?g$/);
  });
});
