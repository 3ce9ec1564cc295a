import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { testBuildEnv } from './global-setup';
import { testPort } from './ports';
import { startService } from './service';
import { buildSite, root, serveFolder } from './site';

const { browser } = useBrowser();
const SERVICE_PORT = testPort(4395);
const SITE_PORT = testPort(4396);
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const SLUG = 'assistants-vocaux-ecoutes-prestataires';
const ARTICLE = `/economie/${SLUG}/`;

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-path-'));
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function build() {
  const result = buildSite(['--outDir', dist], {
    ...testBuildEnv,
    KIOSQUE_CONTENT_DIR: content,
    KIOSQUE_CACHE_DIR: join(scratch, 'cache'),
    KIOSQUE_COMMENTS_ENDPOINT: `http://127.0.0.1:${SERVICE_PORT}/commentaires/`,
  });
  expect(result.status, result.output).toBe(0);
}

function moderate(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/moderate.ts'), ...args], {
    cwd: root,
    env: { ...process.env, KIOSQUE_CONTENT_DIR: content },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const pendingFiles = () =>
  readdirSync(join(content, 'comments', SLUG)).filter((name) => name.startsWith('r') && name.endsWith('.md'));

test(
  'a comment posted on the page, approved with npm run moderate and rebuilt is published; hostile ones never run',
  { timeout: 180_000 },
  async () => {
    cpSync(join(root, 'content'), content, { recursive: true });
    build();
    const service = await startService({
      port: SERVICE_PORT,
      contentDir: content,
      origins: [SITE],
    });
    const site = await serveFolder(dist, SITE_PORT).catch(async (error: unknown) => {
      await service.stop();
      throw error;
    });
    try {
      const page = await browser().newPage();
      await page.goto(SITE + ARTICLE);
      const before = await page.locator('[data-part="comment"]').count();
      const form = page.locator('[data-part="comment-form"]');
      await form.getByLabel('Pseudonyme').fill('Lectrice du 11e');
      await form.getByLabel('Votre commentaire').fill('Un avis *tout neuf*, publié après modération.');
      await form.getByRole('button', { name: 'Publier' }).click();
      await form
        .locator('[data-part="comment-status"]')
        .filter({ hasText: 'Votre commentaire sera publié après modération.' })
        .waitFor();

      const fixtures = readdirSync(join(root, 'tests/fixtures/hostile')).filter((name) => name.endsWith('.md'));
      for (const fixture of fixtures) {
        const response = await fetch(`http://127.0.0.1:${SERVICE_PORT}/commentaires/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: SITE },
          body: JSON.stringify({
            article: SLUG,
            pseudonym: 'Testeur hostile',
            text: readFileSync(join(root, 'tests/fixtures/hostile', fixture), 'utf8'),
          }),
        });
        expect(response.status, fixture).toBe(202);
      }
      const pending = pendingFiles();
      expect(pending).toHaveLength(fixtures.length + 1);
      expect(moderate('list')).toContain('Lectrice du 11e');
      for (const file of pending) moderate('approve', `${SLUG}/${file.replace(/\.md$/, '')}`);

      build();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(SITE + ARTICLE);
      await page.getByText(/^Voir les \d+ commentaires? suivants?$/).click();
      await expect(page.locator('[data-part="comment"]').count()).resolves.toBe(before + fixtures.length + 1);
      await expect(page.getByText('Un avis tout neuf, publié après modération.').isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-part="comment"] em', { hasText: 'tout neuf' }).count()).resolves.toBe(1);
      for (const element of await page.locator('[data-part="comment"] *').all()) {
        await element.hover({ force: true, trial: false }).catch(() => undefined);
      }
      await expect(page.evaluate(() => (window as { __kiosqueHacked?: boolean }).__kiosqueHacked)).resolves.toBe(
        undefined,
      );
      expect(dialogs).toEqual([]);
      await page.close();
    } finally {
      await site.stop();
      await service.stop();
    }
  },
);
