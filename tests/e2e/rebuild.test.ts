import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { useBrowser } from './browser-context';
import { testPort } from './ports';
import { indexManifest, indexedPages } from './search-index';
import { buildSite, root, serveFolder } from './site';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-rebuild-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const { browser } = useBrowser();
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
const cache = join(scratch, 'cache');
const cardStore = join(cache, 'kiosque-cards');
const NBSP = '\u00A0';

/** Builds the copy; its search index in shards of a few pages, as an archive's, beside the overlay. */
function build(env: Record<string, string> = {}) {
  const result = buildSite(['--outDir', dist], {
    KIOSQUE_CONTENT_DIR: content,
    KIOSQUE_CACHE_DIR: cache,
    KIOSQUE_SEARCH_SHARD_PAGES: '6',
    ...env,
  });
  expect(result.status, result.output).toBe(0);
  return result.output;
}

function edit(file: string, change: (text: string) => string) {
  writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
}

/** Every built page that links to `url`, by its address. */
function pagesLinkingTo(url: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    if (html.includes(`href="${url}"`)) pages.set(`/${relative(dist, entry.parentPath)}/`.replace('//', '/'), html);
  }
  return pages;
}

/** The file name of the card a built page shows when shared, if it shows one. */
function cardOf(page: string): string | undefined {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  return html.match(/<meta property="og:image" content="https:\/\/kiosque\.example\/cartes\/([^"]+)"/)?.[1];
}

/** When each card in the store was drawn, by file name. */
const drawnAt = () => new Map(readdirSync(cardStore).map((name) => [name, statSync(join(cardStore, name)).mtimeMs]));

/** What the build said of cards: how many it lists, how many it drew, how many it removed from the store. */
function cardsLogged(output: string) {
  const m = output.match(/\[kiosque-social-cards\] (\d+) card\(s\), (\d+) drawn by this build; (\d+) no longer used/);
  expect(m, output).not.toBeNull();
  const [listed, drawn, removed] = (m ?? []).slice(1).map(Number);
  return { listed, drawn, removed };
}

/** What the search page lists for `query`, once it has answered. */
async function search(site: string, query: string): Promise<{ status: string; links: string[] }> {
  const page = await browser().newPage();
  await page.goto(`${site}/recherche/?q=${encodeURIComponent(query)}`);
  const status = page.getByRole('status');
  await expect.poll(() => status.innerText(), { timeout: 15_000 }).toContain(`«${NBSP}${query}${NBSP}»`);
  const found = {
    status: await status.innerText(),
    links: await page
      .locator('[data-part="search-list"] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')),
  };
  await page.close();
  return found;
}

const EDITED = '/societe/services-publics-demarches-en-ligne/';
const DELETED = '/culture/cinema-frequentation-salles-novembre/';

describe('a rebuild after an edit (production build, built site, Chromium)', { timeout: 240_000 }, () => {
  test('shows an edited title on every page that shows the article, search included', async () => {
    cpSync(join(root, 'content'), content, { recursive: true });
    build();
    const showing = pagesLinkingTo(EDITED);
    // The home page, its section, tags, author, agency and month, and the stories citing it.
    for (const page of ['/', '/societe/', '/sujets/inclusion/', '/auteurs/karim-benali/', '/depeches/afp/'])
      expect([...showing.keys()]).toContain(page);
    expect([...showing.keys()].some((page) => page.startsWith('/archives/'))).toBe(true);
    expect(showing.has('/sciences/fin-reseau-cuivre-communes-fibre/')).toBe(true);

    const oldCard = cardOf(EDITED) ?? '';
    const drawnBefore = drawnAt();
    edit('articles/services-publics-demarches-en-ligne.md', (text) =>
      text.replace(/^title: .*$/m, 'title: Les guichets numériques oublient encore des millions d usagers zéphyriens'),
    );
    const output = build();
    // Its card is drawn again under a new name, the old one goes, and no other card is drawn.
    const newCard = cardOf(EDITED) ?? '';
    expect(cardsLogged(output)).toEqual({ listed: drawnBefore.size, drawn: 1, removed: 1 });
    expect([existsSync(join(dist, 'cartes', oldCard)), existsSync(join(dist, 'cartes', newCard))]).toEqual([
      false,
      true,
    ]);
    const drawnAfter = drawnAt();
    drawnBefore.delete(oldCard);
    drawnAfter.delete(newCard);
    expect(drawnAfter).toEqual(drawnBefore);
    // The search index was brought up to date by its overlay (the article, and the one whose
    // « Lire aussi » box shows its title), not rebuilt.
    expect(output).toMatch(/Search index: 2 page\(s\) in the overlay of recent changes, 2 outdated in the base/);

    const after = pagesLinkingTo(EDITED);
    expect([...after.keys()].sort()).toEqual([...showing.keys()].sort());
    for (const [page, html] of after) {
      expect(html, page).toContain('oublient encore des millions d usagers zéphyriens');
      expect(html, page).not.toContain('toujours laissés de côté');
    }
    expect(indexedPages(dist).find((page) => page.url === EDITED)?.meta['title']).toBe(
      'Les guichets numériques oublient encore des millions d usagers zéphyriens',
    );
    // The citing article's record is the same in both indexes (boxes are not indexed): only the
    // edited article's base record is left out.
    expect(indexManifest(dist).hidden).toHaveLength(1);

    const site = await serveFolder(dist, testPort(4397));
    try {
      await expect(search(site.url, 'zéphyriens')).resolves.toEqual({
        status: `1 résultat pour «${NBSP}zéphyriens${NBSP}»`,
        links: [EDITED],
      });
      // The base's outdated record is not shown beside the new one.
      const byWord = await search(site.url, 'dématérialisation');
      expect(byWord.links.filter((link) => link === EDITED)).toHaveLength(1);
    } finally {
      await site.stop();
    }
  });

  test('takes a deleted article off its page, every listing and search', async () => {
    expect(existsSync(join(dist, DELETED, 'index.html'))).toBe(true);
    unlinkSync(join(content, 'articles/cinema-frequentation-salles-novembre.md'));
    edit('articles/bnf-archives-sonores-en-ligne.md', (text) =>
      text
        .replace('related: [cinema-frequentation-salles-novembre]', 'related: []')
        .replace(
          '::lire-aussi{article="cinema-frequentation-salles-novembre"}',
          'Une phrase ajoutée pour la relecture.',
        ),
    );
    build();

    expect(existsSync(join(dist, DELETED, 'index.html'))).toBe(false);
    expect([...pagesLinkingTo(DELETED).keys()]).toEqual([]);
    expect(readFileSync(join(dist, 'culture/bnf-archives-sonores-en-ligne/index.html'), 'utf8')).toContain(
      'Une phrase ajoutée pour la relecture.',
    );
    const indexed = indexedPages(dist);
    expect(indexed.map((page) => page.url)).not.toContain(DELETED);
    expect(indexed.find((page) => page.url === '/culture/bnf-archives-sonores-en-ligne/')?.content).toContain(
      'Une phrase ajoutée pour la relecture.',
    );

    const site = await serveFolder(dist, testPort(4397));
    try {
      // « exploitants » was in the deleted article only. Pagefind may still offer an article
      // holding a shorter word that begins it, as an index built without the word would.
      const found = await search(site.url, 'exploitants');
      expect(found.links).not.toContain(DELETED);
    } finally {
      await site.stop();
    }
  });

  test('rebuilds the whole index on request, with nothing left of the overlay', () => {
    const output = build({ KIOSQUE_SEARCH_REBUILD: '1' });
    expect(output).toContain('Search index rebuilt from');
    const pages = indexedPages(dist).map((page) => page.url);
    expect(indexManifest(dist)).toEqual({ hidden: [], recent: [], shards: Math.ceil(pages.length / 6) });
    expect(existsSync(join(dist, 'pagefind', 'recents'))).toBe(false);
    expect(pages).not.toContain(DELETED);
    expect(pages).toContain(EDITED);
  });

  test('deals the index anew when the size of its shards changes, leaving no shard of the old size behind', () => {
    const before = indexedPages(dist).map((page) => page.url);
    const output = build({ KIOSQUE_SEARCH_SHARD_PAGES: '1000' });
    expect(output).toContain(`Search index rebuilt from ${before.length} page(s) in 1 shard(s)`);
    expect(indexManifest(dist).shards).toBe(1);
    expect(existsSync(join(dist, 'pagefind', 'shards'))).toBe(false);
    expect(
      indexedPages(dist)
        .map((page) => page.url)
        .sort(),
    ).toEqual(before.sort());
  });

  test('finds every card again after dist/ and Astro’s caches are deleted, without drawing one', () => {
    const cards = readdirSync(join(dist, 'cartes')).sort();
    const env = { KIOSQUE_SEARCH_SHARD_PAGES: '1000' };
    // Pages restored by Astro's incremental build, into an empty output folder.
    rmSync(dist, { recursive: true });
    expect(cardsLogged(build(env)).drawn).toBe(0);
    expect(readdirSync(join(dist, 'cartes')).sort()).toEqual(cards);
    // Every page rendered again, with nothing left of the caches but the store of cards.
    rmSync(dist, { recursive: true });
    for (const entry of readdirSync(cache))
      if (entry !== 'kiosque-cards') rmSync(join(cache, entry), { recursive: true });
    expect(cardsLogged(build(env))).toEqual({ listed: cards.length, drawn: 0, removed: 0 });
    expect(readdirSync(join(dist, 'cartes')).sort()).toEqual(cards);
    expect(cards).toContain(cardOf(EDITED));
  });
});
