import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signSession } from '../../src/lib/session-token';
import { useBrowser } from './browser-context';
import { SERVICE_PORT } from './global-setup';
import { startService } from './service';
import { root } from './site';

const { baseUrl, browser } = useBrowser();
const ARTICLE = '/economie/assistants-vocaux-ecoutes-prestataires/';
const SUBSCRIBERS = '/sciences/cnil-sanction-courtier-donnees/';
const SECRET = 'secret partagé des tests de bout en bout';
const NNBSP = '\u202F';
const NBSP = '\u00A0';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-forms-'));
const content = join(scratch, 'content');
let service: Awaited<ReturnType<typeof startService>> | undefined;

beforeAll(async () => {
  cpSync(join(root, 'content'), content, { recursive: true });
  writeFileSync(join(content, 'barred.yaml'), '- pseudonym: Troll75\n  since: 2026-11-20\n  reason: insultes\n');
  service = await startService({ port: SERVICE_PORT, contentDir: content, origins: [baseUrl], sessionSecret: SECRET });
});
afterAll(async () => {
  await service?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Signs up with `email` and gives the message shown once it changes from `previous`. */
async function newsletterMessage(page: Page, email: string, previous = '') {
  const box = page.locator('[data-part="newsletter"]').first();
  await box.getByLabel('Votre adresse e-mail').fill(email);
  await box.getByRole('button', { name: 'Je m’inscris' }).click();
  const message = box.locator('[data-part="newsletter-message"]');
  await expect.poll(() => message.innerText()).not.toBe(previous);
  return message.innerText();
}

describe('the newsletter box', () => {
  test('says what is wrong in the reference page’s words, and confirms the address', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    const email = page.locator('[data-part="newsletter"] input[type="email"]').first();

    await expect(newsletterMessage(page, '')).resolves.toBe('Veuillez renseigner votre adresse email');
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(email.getAttribute('aria-describedby')).resolves.toMatch(/-message$/);
    await expect(newsletterMessage(page, 'lectrice@', 'Veuillez renseigner votre adresse email')).resolves.toBe(
      'Votre adresse email n’est pas valide',
    );
    await expect(newsletterMessage(page, 'lectrice@exemple.fr', 'Votre adresse email n’est pas valide')).resolves.toBe(
      `Merci${NNBSP}! Votre inscription a bien été prise en compte avec l’adresse email${NBSP}: lectrice@exemple.fr`,
    );
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
    await page.close();
  });

  test('says so when the sign-up service fails', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    await expect(newsletterMessage(page, 'lecteur@panne.invalid')).resolves.toBe(
      'L’inscription n’a pas pu aboutir. Réessayez dans un instant.',
    );
    await page.close();
  });
});

describe('the comment form', () => {
  test('counts what the reader sees, stops at 2,000 and says so; empty, it cannot be sent', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    const form = page.locator('[data-part="comment-form"]');
    const text = form.getByLabel('Votre commentaire');
    const counter = form.locator('[data-part="counter"]');
    await expect(form.getByRole('button', { name: 'Publier' }).isDisabled()).resolves.toBe(true);

    await text.fill('Un avis 👍🏽');
    await expect(counter.innerText()).resolves.toBe(`9 / 2${NNBSP}000`);
    await text.fill('é'.repeat(1999));
    await text.pressSequentially('🇫🇷🇫🇷');
    await expect(counter.innerText()).resolves.toBe(`2${NNBSP}000 / 2${NNBSP}000`);
    await expect(text.inputValue()).resolves.toBe(`${'é'.repeat(1999)}🇫🇷`);
    await expect(form.locator('[data-part="comment-status"]').innerText()).resolves.toBe(
      `Vous avez atteint la limite de 2${NNBSP}000 caractères.`,
    );
    await expect(form.getByRole('button', { name: 'Publier' }).isEnabled()).resolves.toBe(true);
    await page.close();
  });

  test('sends the comment and says it awaits moderation; a refusal keeps the text', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    const form = page.locator('[data-part="comment-form"]');
    // The browser checks the length itself; an e-mail address only the service refuses.
    await form.getByLabel('Pseudonyme').fill('lectrice@exemple.fr');
    await form.getByLabel('Votre commentaire').fill('Mon adresse comme pseudonyme.');
    await form.getByRole('button', { name: 'Publier' }).click();
    const status = form.locator('[data-part="comment-status"]');
    await status.filter({ hasText: 'ne peut pas être une adresse e-mail' }).waitFor();
    await expect(form.getByLabel('Votre commentaire').inputValue()).resolves.toBe('Mon adresse comme pseudonyme.');

    await form.getByLabel('Pseudonyme').fill('Lectrice attentive');
    await form.getByRole('button', { name: 'Publier' }).click();
    await status.filter({ hasText: 'Votre commentaire sera publié après modération.' }).waitFor();
    await expect(form.getByLabel('Votre commentaire').inputValue()).resolves.toBe('');
    await page.close();
  });

  test('tells a barred reader why, with the moderation charter', async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl + ARTICLE);
    const form = page.locator('[data-part="comment-form"]');
    await form.getByLabel('Pseudonyme').fill(' troll75 ');
    await form.getByLabel('Votre commentaire').fill('Encore moi.');
    await form.getByRole('button', { name: 'Publier' }).click();
    const status = form.locator('[data-part="comment-status"]');
    await status.filter({ hasText: 'charte' }).waitFor();
    await expect(status.innerText()).resolves.toBe(
      `Vous ne pouvez plus commenter${NBSP}: vos contributions ont enfreint la charte de modération. Lire la charte de modération`,
    );
    await expect(status.getByRole('link').getAttribute('href')).resolves.toBe('/infos/charte-de-moderation/');
    await expect(form.getByLabel('Votre commentaire').inputValue()).resolves.toBe('Encore moi.');
    await page.close();
  });

  test('subscribers only: a reader not signed in is sent to sign in; a readable session hides the notice', async () => {
    const anonymous = await browser().newPage();
    await anonymous.goto(baseUrl + SUBSCRIBERS);
    await expect(anonymous.locator('[data-part="subscribers-only"]').innerText()).resolves.toBe(
      'Ce service est réservé aux abonnés. S’identifier',
    );
    const refused = anonymous.locator('[data-part="comment-form"]');
    await refused.getByLabel('Pseudonyme').fill('Curieuse');
    await refused.getByLabel('Votre commentaire').fill('Puis-je réagir ?');
    await refused.getByRole('button', { name: 'Publier' }).click();
    const status = refused.locator('[data-part="comment-status"]');
    await status.filter({ hasText: 'réservés aux abonnés' }).waitFor();
    await expect(status.getByRole('link', { name: 'S’identifier' }).getAttribute('href')).resolves.toBe(
      '/infos/abonnement/',
    );
    await expect(refused.getByLabel('Votre commentaire').inputValue()).resolves.toBe('Puis-je réagir ?');
    await anonymous.close();

    const context = await browser().newContext();
    const token = signSession({ subscriber: 'abonne-7', expiresAt: new Date(Date.now() + 3_600_000) }, SECRET);
    await context.addCookies([{ name: 'kiosque_session', value: token, url: baseUrl }]);
    const subscriber = await context.newPage();
    await subscriber.goto(baseUrl + SUBSCRIBERS);
    await expect(subscriber.locator('[data-part="subscribers-only"]').isVisible()).resolves.toBe(false);
    await postAndExpectSent(subscriber);
    await context.close();
  });

  test('subscribers only: an HttpOnly session the page cannot read is sent by the browser itself', async () => {
    const context = await browser().newContext();
    const token = signSession({ subscriber: 'abonne-8', expiresAt: new Date(Date.now() + 3_600_000) }, SECRET);
    // The service runs on the site's host, another port: the browser sends it the site's cookie.
    const host = new URL(baseUrl).hostname;
    await context.addCookies([
      { name: 'kiosque_session', value: token, domain: host, path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
    const page = await context.newPage();
    await page.goto(baseUrl + SUBSCRIBERS);
    await expect(page.evaluate(() => document.cookie)).resolves.not.toContain('kiosque_session');
    // Nothing tells the page that this reader is signed in: the notice stays above the form.
    await expect(page.locator('[data-part="subscribers-only"]').isVisible()).resolves.toBe(true);
    await postAndExpectSent(page);

    // The sign-in service's display cookie beside the session: the notice goes.
    await context.addCookies([{ name: 'kiosque_abonne', value: '1', domain: host, path: '/', sameSite: 'Lax' }]);
    await page.reload();
    await page.locator('[data-part="comment-form"]').waitFor();
    await expect(page.locator('[data-part="subscribers-only"]').isVisible()).resolves.toBe(false);
    await context.close();
  });
});

async function postAndExpectSent(page: Page) {
  const form = page.locator('[data-part="comment-form"]');
  await form.getByLabel('Pseudonyme').fill('Abonnée');
  await form.getByLabel('Votre commentaire').fill('Merci pour cette enquête.');
  await form.getByRole('button', { name: 'Publier' }).click();
  await form
    .locator('[data-part="comment-status"]')
    .filter({ hasText: 'Votre commentaire sera publié après modération.' })
    .waitFor();
}

describe('sorting the comments', () => {
  test('newest first on request, showing every thread; oldest first is the page’s own order', async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/sciences/ia-generative-colleges-devoirs/`);
    const firstDates = () =>
      page
        .locator('[data-part="thread"] > li > article time')
        .evaluateAll((nodes) => nodes.map((node) => Date.parse((node as HTMLTimeElement).dateTime)));
    const original = await firstDates();
    expect(original).toEqual([...original].sort((a, b) => a - b));

    await page
      .getByRole('group', { name: 'Trier les commentaires' })
      .getByRole('button', { name: 'Plus récents' })
      .click();
    const newest = await firstDates();
    expect(newest).toEqual([...original].sort((a, b) => b - a));
    const visible = await page
      .locator('[data-part="thread"] > li')
      .evaluateAll((nodes) => nodes.filter((node) => (node as HTMLElement).checkVisibility()).length);
    expect(visible).toBe(original.length);
    await expect(page.getByRole('button', { name: 'Plus récents' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.close();
  });
});
