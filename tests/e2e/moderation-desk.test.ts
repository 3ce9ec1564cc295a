import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { addModerator } from '../../services/comments/desk/accounts.ts';
import { createDesk } from '../../services/comments/desk/desk.ts';
import { filesOnlyWriter } from '../../services/comments/writer.ts';
import { useBrowser } from './browser-context';
import { testBuildEnv } from './global-setup';
import { testPort } from './ports';
import { buildSite, root, serveFolder } from './site';

const { browser } = useBrowser();
const DESK_PORT = testPort(4399);
const SITE_PORT = testPort(4400);
const DESK_ALONE_PORT = testPort(4401);
const DESK = `http://127.0.0.1:${DESK_PORT}`;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const SLUG = 'assistants-vocaux-ecoutes-prestataires';
const PASSWORD = 'une phrase de passe pour le test';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-desk-e2e-'));
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function pending(name: string, text: string, at: string): string {
  const path = join(content, 'comments', SLUG, `${name}.md`);
  writeFileSync(
    path,
    `---\narticle: ${SLUG}\npseudonym: "Lectrice du Vercors"\npublishedAt: ${at}\nstatus: pending\n---\n\n${text}\n`,
  );
  return path;
}

test(
  'a moderator signs in, approves a comment with the keyboard, and the rebuilt article shows it',
  { timeout: 240_000 },
  async () => {
    cpSync(join(root, 'content'), content, { recursive: true });
    mkdirSync(join(content, 'comments', SLUG), { recursive: true });
    const first = pending('r-desk-1', 'Le premier avis, qui reste en attente.', '2026-11-29T08:00:00.000Z');
    const second = pending('r-desk-2', 'Un avis *approuvé au clavier* depuis le bureau.', '2026-11-29T08:05:00.000Z');
    const accountsFile = join(scratch, 'moderateurs.json');
    await addModerator(accountsFile, { name: 'Claire', password: PASSWORD, replace: false, now: new Date() });
    const desk = createDesk({
      contentDir: content,
      writer: filesOnlyWriter(),
      log: () => undefined,
      accountsFile,
      deskOrigin: DESK,
      siteOrigin: SITE,
      clientAddress: (req) => req.socket.remoteAddress ?? 'unknown',
    });
    const server = createServer((req, res) => void desk.handle(req, res));
    await new Promise<void>((resolve) => server.listen(DESK_PORT, '127.0.0.1', resolve));
    try {
      const page = await browser().newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
      });
      await page.goto(`${DESK}/moderation/?lecteur=Lectrice+du+Vercors`);
      await page.getByLabel('Nom').fill('Claire');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('heading', { name: 'Commentaires en attente', level: 1 }).waitFor();
      await expect(page.locator('[data-item]').count()).resolves.toBe(2);

      // A shortcut typed in a field is text, not a decision.
      await page.getByLabel('Article', { exact: true }).press('a');
      await expect(page.getByLabel('Article', { exact: true }).inputValue()).resolves.toBe('a');
      await page.getByLabel('Article', { exact: true }).press('Escape');
      expect(readFileSync(first, 'utf8')).toContain('status: pending');

      await page.keyboard.press('?');
      await expect(page.locator('#aide').getAttribute('open')).resolves.toBe('');
      await page.keyboard.press('?');
      await page.keyboard.press('j');
      // A key held down repeats: one decision, on the comment the moderator read, not on the next ones.
      await page.keyboard.down('a');
      for (let repeat = 0; repeat < 4; repeat++) {
        await page.waitForTimeout(150);
        await page.keyboard.down('a');
      }
      await page.keyboard.up('a');
      await page.locator('[data-live]').filter({ hasText: 'Commentaire de Lectrice du Vercors publié.' }).waitFor();
      await expect(page.locator('[data-item]').count()).resolves.toBe(1);
      await expect(page.locator('[data-matching]').textContent()).resolves.toBe('1 correspond au filtre');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`c-${SLUG}--r-desk-1`);
      expect(readFileSync(second, 'utf8')).toContain('status: published');
      expect(readFileSync(first, 'utf8')).toContain('status: pending');
      expect(errors, errors.join('\n')).toEqual([]);
      await page.close();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }

    const build = buildSite(['--outDir', dist], {
      ...testBuildEnv,
      KIOSQUE_CONTENT_DIR: content,
      KIOSQUE_CACHE_DIR: join(scratch, 'cache'),
    });
    expect(build.status, build.output).toBe(0);
    const site = await serveFolder(dist, SITE_PORT);
    try {
      const page = await browser().newPage();
      await page.goto(`${SITE}/economie/${SLUG}/`);
      const more = page.getByText(/^Voir les? \d* ?commentaires? suivants?$/);
      if ((await more.count()) > 0) await more.click();
      await page.locator('[data-part="comment"] em', { hasText: 'approuvé au clavier' }).waitFor();
      await expect(page.getByText('Le premier avis, qui reste en attente.').count()).resolves.toBe(0);
      await page.close();
    } finally {
      await site.stop();
    }
  },
);

test('opened at another address, the desk says where to open it; barring without a reason stays on the confirmation page', async () => {
  const dir = join(scratch, 'alone');
  cpSync(join(root, 'content'), dir, { recursive: true });
  mkdirSync(join(dir, 'comments', SLUG), { recursive: true });
  writeFileSync(
    join(dir, 'comments', SLUG, 'r-alone.md'),
    `---\narticle: ${SLUG}\npseudonym: "Grincheux du Jura"\npublishedAt: 2026-11-29T09:00:00.000Z\nstatus: pending\n---\n\nUn avis sans nuance.\n`,
  );
  const accountsFile = join(scratch, 'seule.json');
  await addModerator(accountsFile, { name: 'Claire', password: PASSWORD, replace: false, now: new Date() });
  const origin = `http://127.0.0.1:${DESK_ALONE_PORT}`;
  const desk = createDesk({
    contentDir: dir,
    writer: filesOnlyWriter(),
    log: () => undefined,
    accountsFile,
    deskOrigin: origin,
    siteOrigin: SITE,
    clientAddress: (req) => req.socket.remoteAddress ?? 'unknown',
  });
  const server = createServer((req, res) => void desk.handle(req, res));
  await new Promise<void>((resolve) => server.listen(DESK_ALONE_PORT, '127.0.0.1', resolve));
  try {
    const page = await browser().newPage();
    page.setDefaultTimeout(5000);
    const elsewhere = `http://localhost:${DESK_ALONE_PORT}/moderation/connexion/`;
    await page.goto(elsewhere);
    const notice = page.getByRole('alert').filter({ hasText: `s’ouvre à l’adresse ${origin}/moderation/` });
    await notice.waitFor();
    expect(await notice.getByRole('link').getAttribute('href')).toBe(`${origin}/moderation/`);
    await page.getByLabel('Nom').fill('Claire');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText(`Ouvrez le bureau à l’adresse ${origin}/moderation/ et recommencez.`).waitFor();

    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The confirmation asked again without a reason is answered 400, which Chromium logs.
      if (message.type() === 'error' && !message.location().url.endsWith('/moderation/exclure')) {
        errors.push(`${message.text()} ${message.location().url}`);
      }
    });
    await page.goto(`${origin}/moderation/connexion/`);
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.getByLabel('Nom').fill('Claire');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Commentaires en attente', level: 1 }).waitFor();
    await page.goto(`${origin}/moderation/?lecteur=Grincheux+du+Jura`);
    await page.keyboard.press('b');
    await page.getByRole('heading', { name: /^Exclure .*Grincheux du Jura/, level: 1 }).waitFor();
    await page.getByLabel('Ou un autre motif').fill('  ');
    await page.getByRole('button', { name: 'Confirmer l’exclusion' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choisissez ou écrivez un motif d’exclusion.' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Grincheux du Jura');
    await page.getByLabel('Motif', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Confirmer l’exclusion' }).click();
    await page.getByText('«\u00A0Grincheux du Jura\u00A0» ne peut plus commenter').waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
    await page.close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
