import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { root } from './site';

const RUNNING = '/societe/tempete-berenice-vents-violents-ouest/';
const ENDED = '/sciences/sonde-heliade-lancement-kourou/';
const { baseUrl, browser } = useBrowser();

/** The message files of a live, straight from `content/live/`. */
const messageFiles = (path: string) =>
  readdirSync(join(root, 'content/live', path.split('/')[2] ?? '')).filter((name) => name.endsWith('.md'));

const badge = '[data-part="live-badge"]';
const entries = '[data-part="live-entry"]';

async function entryTimes(page: Page): Promise<number[]> {
  return page
    .locator(`${entries} time`)
    .evaluateAll((nodes) => nodes.map((node) => Date.parse((node as HTMLTimeElement).dateTime)));
}

describe('a running live', () => {
  test('shows « En direct » on its card and its page, « L’essentiel », then every message newest first', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/societe/`);
    const card = page.locator('[data-part="card"]', { hasText: 'Tempête Bérénice' });
    await expect(card.locator(badge).innerText()).resolves.toMatch(/^● EN DIRECT$/i);
    await page.goto(baseUrl + RUNNING);
    await expect(page.locator(`header ${badge}`).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'L’essentiel' }).isVisible()).resolves.toBe(true);
    // The section's newsletter box comes after the messages, not inside the pinned summary.
    await expect(page.locator('[data-part="newsletter"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-part="live-essentials"] [data-part="newsletter"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-part="live-ended"]').count()).resolves.toBe(0);
    const times = await entryTimes(page);
    expect(times).toHaveLength(messageFiles(RUNNING).length);
    expect(times).toEqual(times.toSorted((a, b) => b - a));
    await expect(page.locator(entries).first().locator('time').innerText()).resolves.toBe('11\u00A0h\u00A040');
    await page.close();
  });

  test('reads complete without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(baseUrl + RUNNING);
    await expect(page.locator('[data-part="live-essentials"]').innerText()).resolves.toContain('vigilance rouge');
    await expect(page.locator(entries).count()).resolves.toBe(messageFiles(RUNNING).length);
    await expect(page.locator(`${entries} >> nth=-1`).innerText()).resolves.toContain('Météo-France a relevé');
    await context.close();
  });

  test('offers « 1 nouveau message » when a build publishes one, and inserts it at the top on demand', async () => {
    const page = await browser().newPage();
    await page.clock.install();
    await page.goto(baseUrl + RUNNING);
    const shown = await page.locator(entries).evaluateAll((nodes) => nodes.map((node) => node.id));
    // What the next build would write: one message more in the JSON and in the page.
    await page.route(`${baseUrl}${RUNNING}direct.json`, (route) =>
      route.fulfill({ json: { running: true, entries: ['message-1205-nouveau', ...shown] } }),
    );
    await page.route(baseUrl + RUNNING, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<ol[^>]*data-part="live-entries"[^>]*>/,
        '$&<li><article id="message-1205-nouveau" data-part="live-entry"><p>Le vent faiblit sur Brest.</p></article></li>',
      );
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    await expect(page.locator('[data-part="live-new"]').count()).resolves.toBe(0);
    await page.clock.fastForward(60_000);
    const button = page.getByRole('button', { name: '1 nouveau message' });
    await button.waitFor();
    await expect(button.evaluate((node) => node.parentElement?.getAttribute('aria-live'))).resolves.toBe('polite');
    await button.click();
    await page.locator('#message-1205-nouveau').waitFor();
    await expect(page.locator(entries).first().innerText()).resolves.toBe('Le vent faiblit sur Brest.');
    // The pressed button is gone: the focus is on the message it brought.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('message-1205-nouveau');
    await expect(page.locator(entries).count()).resolves.toBe(shown.length + 1);
    await expect(page.locator('[data-part="live-new"]').count()).resolves.toBe(0);
    await page.close();
  });

  test('stops asking once the live has ended', async () => {
    const page = await browser().newPage();
    await page.clock.install();
    let asked = 0;
    await page.route(`${baseUrl}${RUNNING}direct.json`, (route) => {
      asked++;
      return route.fulfill({ json: { running: false, entries: [] } });
    });
    await page.goto(baseUrl + RUNNING);
    await page.clock.fastForward(60_000);
    await expect.poll(() => asked).toBe(1);
    // Real time for the page to read the answer; the page's own timers are the fake clock's.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await page.clock.fastForward(180_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(1);
    await page.close();
  });

  test('is a LiveBlogPosting with its latest messages, and its state is in direct.json', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + RUNNING);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
      '@graph': Record<string, unknown>[];
    };
    const story = data['@graph'].find((thing) => thing['@type'] === 'LiveBlogPosting');
    expect(story).toMatchObject({ coverageStartTime: '2026-11-29T06:30+01:00' });
    expect(story).not.toHaveProperty('coverageEndTime');
    const updates = story?.['liveBlogUpdate'] as { '@type': string; datePublished: string }[];
    expect(updates.map((update) => update['@type'])).toEqual(messageFiles(RUNNING).map(() => 'BlogPosting'));
    expect(updates[0]?.datePublished).toBe('2026-11-29T11:40+01:00');
    const anchors = await page.locator(entries).evaluateAll((nodes) => nodes.map((node) => node.id));
    const status = (await (await fetch(`${baseUrl}${RUNNING}direct.json`)).json()) as unknown;
    expect(status).toEqual({ running: true, entries: anchors });
    await page.close();
  });
});

describe('an ended live', () => {
  test('says « Ce direct est terminé », shows no « En direct », and keeps its messages', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ENDED);
    await expect(page.locator('[data-part="live-ended"]').innerText()).resolves.toBe('Ce direct est terminé.');
    await expect(page.locator(badge).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { name: 'L’essentiel' }).count()).resolves.toBe(0);
    await expect(page.locator(entries).count()).resolves.toBe(messageFiles(ENDED).length);
    // Messages from before the day it ended carry their date.
    await expect(page.locator(`${entries} >> nth=-1`).locator('time').innerText()).resolves.toBe(
      '26 nov. à\u00A021\u00A0h\u00A005',
    );
    const data = await page.locator('script[type="application/ld+json"]').textContent();
    expect(data).toContain('"coverageEndTime":"2026-11-27T00:20+01:00"');
    await page.goto(`${baseUrl}/sciences/`);
    const card = page.locator('[data-part="card"]', { hasText: 'Sonde Héliade' });
    await expect(card.count()).resolves.toBe(1);
    await expect(card.locator(badge).count()).resolves.toBe(0);
    await page.close();
  });
});
