import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/content/schemas/article';
import { useBrowser } from './browser-context';
import { root } from './site';

const { baseUrl, browser } = useBrowser();
const dist = join(root, 'dist');

// The image() helper only exists inside Astro's loader; a string stands in for it here.
const article = articleSchema({ image: () => z.string() } as never);

const ARTICLE = 'content/articles/velo-trajets-domicile-travail.md';

/** The content's Markdown and YAML files, by path from the repository's root. */
function contentFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' })) {
    if (/\.(md|yaml)$/.test(path) && !path.startsWith('comments/'))
      files[`content/${path}`] = readFileSync(join(root, 'content', path), 'utf8');
  }
  return files;
}

/**
 * Opens the CMS on a copy of the repository's content, as « Travailler avec un dépôt local »
 * does with the folder the editor picks; the browser's private file system stands in for the
 * folder, since a test cannot answer the system's folder picker.
 */
async function openOnLocalCopy(page: Page) {
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('repository', { create: true }),
    });
  });
  await page.goto(`${baseUrl}/admin/`);
  await page.evaluate(async (files) => {
    const repository = await (
      await navigator.storage.getDirectory()
    ).getDirectoryHandle('repository', { create: true });
    await repository.getDirectoryHandle('.git', { create: true });
    for (const [path, text] of Object.entries(files)) {
      const parts = path.split('/');
      let folder = repository;
      for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
      const writable = await (await folder.getFileHandle(parts.at(-1) ?? '', { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
  }, contentFiles());
  await page.getByRole('button', { name: 'Travailler avec un dépôt local' }).click();
}

/** A file of the local copy, as the CMS left it. */
const savedFile = (page: Page, path: string) =>
  page.evaluate(async (parts) => {
    let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('repository');
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
    return (await (await folder.getFileHandle(parts.at(-1) ?? '')).getFile()).text();
  }, path.split('/'));

const parts = (markdown: string) => {
  const [, frontmatter = '', ...body] = markdown.split(/^---$/m);
  return { frontmatter: parse(frontmatter) as Record<string, unknown>, body: body.join('---') };
};

interface Config {
  backend: { name: string; repo: string };
  collections: { name: string; folder?: string; fields?: { name: string; widget: string; hint?: string }[] }[];
}

describe('the administration interface, /admin/', () => {
  test('starts Sveltia CMS in French from our origin, with nothing refused by its policy', async () => {
    const page = await browser().newPage();
    const refused: string[] = [];
    const failed: string[] = [];
    const elsewhere = new Set<string>();
    page.on('console', (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) refused.push(message.text());
    });
    page.on('pageerror', (error) => failed.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== baseUrl) elsewhere.add(url.origin);
    });
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(`${response.status()} ${response.url()}`);
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    const response = await page.goto(`${baseUrl}/admin/`);
    expect(response?.status()).toBe(200);
    // The sign-in screen, in French: on 127.0.0.1 it offers to work on a local folder.
    await page.getByRole('button', { name: 'Travailler avec un dépôt local' }).waitFor({ timeout: 20_000 });
    expect(scripts).toEqual([`200 ${baseUrl}/admin/sveltia-cms.js`]);
    expect(refused).toEqual([]);
    expect(failed).toEqual([]);
    // Nothing from a CDN: outside the site, only the repository's service, which the page's
    // policy names (GitHub's status, to warn of an outage; unreachable from the test machine).
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    const connect = policy?.split('; ').find((directive) => directive.startsWith('connect-src ')) ?? '';
    for (const origin of elsewhere) expect(connect.split(' '), origin).toContain(origin);
    // The icons are drawn by their font, served here, not written out as their names.
    const icons = await page.evaluate(
      async () => (await document.fonts.load('24px "Material Symbols Outlined"')).length,
    );
    expect(icons).toBe(1);
    await page.close();
  });

  test('reads a configuration listing the articles with their fields, and the archive’s tags', async () => {
    const response = await fetch(`${baseUrl}/admin/config.yml`);
    expect(response.status).toBe(200);
    const config = parse(await response.text()) as Config;
    const articles = config.collections.find((collection) => collection.name === 'articles');
    expect(articles?.folder).toBe('content/articles');
    expect(articles?.fields?.map((field) => `${field.name}: ${field.widget}`)).toEqual([
      'title: string',
      'kicker: string',
      'standfirst: text',
      'section: relation',
      'authors: relation',
      'source: string',
      'publishedAt: datetime',
      'updatedAt: datetime',
      'tags: list',
      'related: relation',
      'comments: select',
      'commentsCloseAfterDays: number',
      'draft: boolean',
      'corrections: list',
      'updates: list',
      'live: boolean',
      'liveEndedAt: datetime',
      'image: object',
      'body: markdown',
    ]);
    expect(articles?.fields?.find((field) => field.name === 'tags')?.hint).toContain('consommation');
    expect(config.collections.map((collection) => collection.name)).not.toContain('comments');
  });

  test('stays out of search engines, the sitemaps and the search index', () => {
    const page = readFileSync(join(dist, 'admin/index.html'), 'utf8');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).not.toContain('data-pagefind-body');
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toContain('/admin/*\n  X-Robots-Tag: noindex\n');
    const sitemaps = readdirSync(dist).filter((name) => /^sitemap.*\.xml$/.test(name));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) expect(readFileSync(join(dist, sitemap), 'utf8')).not.toContain('/admin/');
  });

  test('saves an edited headline as a file the schema accepts, the body and the date as they were', async () => {
    const page = await browser().newPage();
    await openOnLocalCopy(page);
    await page.getByText('Le vélo a doublé sa part dans les trajets domicile-travail en cinq ans').first().click();
    const title = page.getByRole('textbox', { name: 'Titre', exact: true });
    await title.fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // A required field left empty is refused in the form, and the file is left alone.
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    const original = readFileSync(join(root, ARTICLE), 'utf8');
    expect(await savedFile(page, ARTICLE)).toBe(original);

    await title.fill('Vélo : sa part a doublé dans les trajets domicile-travail');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => savedFile(page, ARTICLE)).not.toBe(original);
    const saved = parts(await savedFile(page, ARTICLE));
    expect(saved.frontmatter['title']).toBe('Vélo : sa part a doublé dans les trajets domicile-travail');
    expect(String(saved.frontmatter['publishedAt'])).toBe('2026-11-10T17:35:00+01:00');
    expect(saved.body).toBe(parts(original).body);
    const parsed = article.safeParse(saved.frontmatter);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    await page.close();
  });
});
