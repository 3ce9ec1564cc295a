import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { indexedPages } from './search-index';
import { buildSite, plainEnv, root, text } from './site';

const dist = join(root, 'dist');
const NBSP = '\u00A0';
const DRAFT = { slug: 'bus-gratuits-villes-moyennes', words: 'gratuité des bus le samedi' };
const SCHEDULED = {
  slug: 'senat-budget-culture-vote',
  url: '/culture/senat-budget-culture-vote/',
  words: 'le Sénat vote une hausse des crédits du patrimoine',
};
const CORRECTED = '/sciences/glaciers-alpes-bilan-fonte-2026/';

/** Every text file a build wrote (pages, feeds, sitemaps, robots.txt, headers), by path. */
function textOutputs(dir: string): Map<string, string> {
  const outputs = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (/\.(html|xml|txt|json)$|(^|\/)_headers$/.test(file)) outputs.set(file, readFileSync(join(dir, file), 'utf8'));
  }
  return outputs;
}

function jsonLd(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.flatMap((block) => (JSON.parse(block[1] ?? '') as { '@graph': Record<string, unknown>[] })['@graph']);
}

describe('drafts and scheduled stories in a production build', () => {
  test('are in no output at all: no page, listing, feed, sitemap, search entry nor backlink', () => {
    const outputs = textOutputs(dist);
    expect(outputs.size).toBeGreaterThan(100);
    for (const story of [DRAFT, SCHEDULED]) {
      const found = [...outputs].filter(([, content]) => content.includes(story.slug) || content.includes(story.words));
      expect(
        found.map(([file]) => file),
        story.slug,
      ).toEqual([]);
      expect(indexedPages(dist).filter((page) => page.url.includes(story.slug))).toEqual([]);
    }
    // The list of previews is the development server's alone.
    expect(existsSync(join(dist, 'brouillons'))).toBe(false);
  });
});

describe('corrections and updates (built site)', () => {
  const page = readFileSync(join(dist, CORRECTED, 'index.html'), 'utf8');

  test('print a dated « Rectificatif » on the story, and « Modifié le » follows it', () => {
    expect(text(page)).toContain(
      `Rectificatif — 28 novembre 2026 à${NBSP}18${NBSP}h${NBSP}10 Une version précédente de cet article`,
    );
    expect(text(page)).toContain(`Modifié le 28 novembre 2026 à${NBSP}18${NBSP}h${NBSP}10`);
    expect(page).toContain('<meta property="article:modified_time" content="2026-11-28T18:10+01:00"');
    const story = jsonLd(page).find((thing) => thing['@type'] === 'NewsArticle');
    expect(story?.['dateModified']).toBe('2026-11-28T18:10+01:00');
    expect(story?.['correction']).toEqual([
      expect.objectContaining({ '@type': 'CorrectionComment', datePublished: '2026-11-28T18:10+01:00' }),
    ]);
    const updated = readFileSync(join(dist, 'international/cop31-financement-climat-impasse/index.html'), 'utf8');
    expect(text(updated)).toContain(`Mise à jour — 22 novembre 2026 à${NBSP}11${NBSP}h${NBSP}30 Les délégations`);
  });

  test('are listed on « Rectificatifs », linked from every page’s footer, and reach the feeds', () => {
    const list = readFileSync(join(dist, 'rectificatifs/index.html'), 'utf8');
    const entries = [...list.matchAll(/data-part="correction"[\s\S]*?<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(entries).toEqual([CORRECTED]);
    expect(text(list)).toContain('Une version précédente de cet article situait le début des mesures');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/rectificatifs/"');
    const item = parseFeed(readFileSync(join(dist, 'rss.xml'), 'utf8')).items.find((entry) =>
      entry.url?.endsWith(CORRECTED),
    );
    expect(item?.content).toContain('<strong>Rectificatif</strong>');
  });
});

describe('a scheduled story comes out with the first build past its time', { timeout: 240_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kiosque-schedule-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const content = join(scratch, 'content');
  const out = join(scratch, 'dist');
  const env = (now: string) => ({
    KIOSQUE_CONTENT_DIR: content,
    KIOSQUE_CACHE_DIR: join(scratch, 'cache'),
    KIOSQUE_NOW: now,
  });
  const build = (now: string) => {
    const result = buildSite(['--outDir', out], env(now));
    expect(result.status, result.output).toBe(0);
  };
  const schedule = (now: string, ...args: string[]) => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/schedule.ts'), ...args], {
      cwd: root,
      env: { ...plainEnv(), ...env(now) },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  const published = () => ({
    page: existsSync(join(out, SCHEDULED.url, 'index.html')),
    section: readFileSync(join(out, 'culture/index.html'), 'utf8').includes(`href="${SCHEDULED.url}"`),
    feed: readFileSync(join(out, 'rss.xml'), 'utf8').includes(SCHEDULED.url),
    sitemap: readFileSync(join(out, 'sitemap-1.xml'), 'utf8').includes(SCHEDULED.url),
    search: indexedPages(out).some((page) => page.url === SCHEDULED.url),
  });

  test('not a minute before, then everywhere, and `npm run schedule` says so', () => {
    cpSync(join(root, 'content'), content, { recursive: true });
    expect(schedule('2026-12-15T06:59:00+01:00')).toContain('Dernière publication inconnue');
    build('2026-12-15T06:59:00+01:00');
    expect(published()).toEqual({ page: false, section: false, feed: false, sitemap: false, search: false });
    expect(schedule('2026-12-15T06:59:30+01:00')).toContain(
      `Rien de nouveau à publier depuis le 15 décembre 2026 à${NBSP}6${NBSP}h${NBSP}59.\nProchain article programmé : « Budget de la culture : le Sénat vote une hausse des crédits du patrimoine » (`,
    );
    expect(schedule('2026-12-15T07:00:00+01:00', '--format', 'github')).toBe('publier=true\nprochaine=\n');

    build('2026-12-15T07:00:00+01:00');
    expect(published()).toEqual({ page: true, section: true, feed: true, sitemap: true, search: true });
    expect(schedule('2026-12-15T07:05:00+01:00')).toContain('Rien de nouveau à publier');
  });
});
