import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { testPort } from './ports';
import { root, startDev, text } from './site';

const NBSP = '\u00A0';
const DRAFT_URL = '/societe/bus-gratuits-villes-moyennes/';
const SCHEDULED_URL = '/culture/senat-budget-culture-vote/';
const CORRECTED_URL = '/sciences/glaciers-alpes-bilan-fonte-2026/';
const COMMENTED_URL = '/economie/assistants-vocaux-ecoutes-prestataires/';
const PENDING_FILE = 'comments/assistants-vocaux-ecoutes-prestataires/c07.md';
const LIVE_URL = '/sciences/sonde-heliade-lancement-kourou/';

/**
 * `astro dev` keeps its content store in the project's `.astro/`, whatever the content folder:
 * a session on a copy would leave the developer's next `npm run dev` reading paths that are gone.
 */
const forgetDevStore = () => rmSync(join(root, '.astro/data-store.json'), { force: true });

describe('`astro dev`, as an editor or a moderator previews', { timeout: 180_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kiosque-dev-'));
  const content = join(scratch, 'content');
  let dev: Awaited<ReturnType<typeof startDev>> | undefined;

  beforeAll(async () => {
    cpSync(join(root, 'content'), content, { recursive: true });
    forgetDevStore();
    dev = await startDev(testPort(4391), {
      KIOSQUE_CONTENT_DIR: content,
      KIOSQUE_CACHE_DIR: join(scratch, 'cache'),
      KIOSQUE_NOW: '2026-11-29T12:00:00+01:00',
    });
  }, 120_000);
  afterAll(() => {
    dev?.stop();
    forgetDevStore();
    rmSync(scratch, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(`${dev?.url}${path}`);
    return { status: response.status, text: text(await response.text()) };
  };
  const commentCount = async () => /Commentaires \((\d+)\)/.exec((await get(COMMENTED_URL)).text)?.[1];

  test('shows a draft with « Brouillon », a scheduled story with its time, and lists both on /brouillons/', async () => {
    const draft = await get(DRAFT_URL);
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('Brouillon Cet article n’est pas publié');
    const scheduled = await get(SCHEDULED_URL);
    expect(scheduled.status).toBe(200);
    expect(scheduled.text).toContain(`Programmé pour le 15 décembre à${NBSP}7${NBSP}h${NBSP}00`);
    const published = await get(CORRECTED_URL);
    expect(published.text).not.toContain('Brouillon');
    const list = await get('/brouillons/');
    expect(list.text).toMatch(/Brouillons \(1\) Transports.*Programmés \(1\) Budget de la culture/);
  });

  // Comments and live messages are kept outside Astro's content store (for speed at a
  // newsroom's size); a decision must still show on reload.
  test('shows a comment once approved, and no more once deleted', async () => {
    const file = join(content, PENDING_FILE);
    const pending = readFileSync(file, 'utf8');
    const pseudonym = /^pseudonym: (.+)$/m.exec(pending)?.[1] ?? '';
    expect(await commentCount()).toBe('6');
    expect((await get(COMMENTED_URL)).text).not.toContain(pseudonym);

    writeFileSync(file, pending.replace(/^status: pending$/m, 'status: published'));
    await vi.waitFor(async () => expect(await commentCount()).toBe('7'), { timeout: 20_000, interval: 300 });
    expect((await get(COMMENTED_URL)).text).toContain(pseudonym);

    unlinkSync(file);
    await vi.waitFor(async () => expect(await commentCount()).toBe('6'), { timeout: 20_000, interval: 300 });
    expect((await get(COMMENTED_URL)).text).not.toContain(pseudonym);
  });

  test('shows a live message once its file is added', async () => {
    const title = 'Les panneaux solaires de la sonde sont déployés';
    expect((await get(LIVE_URL)).text).not.toContain(title);
    writeFileSync(
      join(content, 'live/sonde-heliade-lancement-kourou/05-panneaux.md'),
      `---\npublishedAt: 2026-11-26T23:10:00+01:00\nauthors: [lea-morvan]\ntitle: ${title}\n---\n\nLe centre de contrôle confirme le déploiement des deux ailes solaires, une heure après la séparation.\n`,
    );
    await vi.waitFor(async () => expect((await get(LIVE_URL)).text).toContain(title), {
      timeout: 20_000,
      interval: 300,
    });
  });
});
