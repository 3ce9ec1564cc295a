import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root } from './helpers.ts';
import { Moderator, SITE_ORIGIN, startDesk, writePending, type TestDesk } from './desk-helpers.ts';

const hostile = readdirSync(join(root, 'tests/fixtures/hostile')).filter((name) => name.endsWith('.md'));

describe('the queue', () => {
  let desk: TestDesk;
  let claire: Moderator;
  beforeAll(async () => {
    desk = await startDesk();
    // 45 comments by one reader on the fixture article, then hostile ones by another, then one on another article.
    for (let n = 1; n <= 45; n++) {
      writePending(desk.dir, `p${String(n).padStart(2, '0')}`, {
        at: new Date(Date.UTC(2026, 10, 29, 8, n)).toISOString(),
        text: `Commentaire numéro ${n}.`,
      });
    }
    hostile.forEach((fixture, n) =>
      writePending(desk.dir, `h${n}`, {
        pseudonym: 'Testeur <b>hostile</b>',
        at: new Date(Date.UTC(2026, 10, 29, 10, n)).toISOString(),
        text: readFileSync(join(root, 'tests/fixtures/hostile', fixture), 'utf8').trim(),
      }),
    );
    writePending(desk.dir, 'a1', { pseudonym: 'Abeille du Nord', status: 'published' });
    writePending(desk.dir, 'a2', { pseudonym: 'abeille du nord ', status: 'rejected' });
    writePending(desk.dir, 'a3', { pseudonym: 'Abeille du Nord', status: 'rejected' });
    writePending(desk.dir, 'a4', { pseudonym: 'Abeille du Nord', at: '2026-11-29T11:30:00.000Z' });
    writePending(desk.dir, 'z1', { article: 'test-ferme', pseudonym: 'Tamaris', at: '2026-11-29T12:00:00.000Z' });
    claire = new Moderator(desk);
    await claire.signIn();
  });
  afterAll(() => desk.close());

  test('is sent with a strict security policy and never cached', async () => {
    const response = await claire.request('/moderation/');
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const rule of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(rule);
    }
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('names its own icon, which the desk serves, cached, and the policy lets the page load', async () => {
    for (const html of [
      await claire.page(),
      await new Moderator(desk).page('/moderation/connexion/'),
      await claire.request('/moderation/nulle-part').then((response) => response.text()),
    ]) {
      expect(html).toContain('<link rel="icon" href="/moderation/icone.svg" type="image/svg+xml">');
    }
    const icon = await fetch(`${desk.url}/moderation/icone.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=2592000');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const csp = (await claire.request('/moderation/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self'");
  });

  test('lists in its shortcut help every key the moderators’ guide lists', async () => {
    const guide = readFileSync(join(root, 'docs/guide-moderation.md'), 'utf8');
    const table = guide.slice(guide.indexOf('## Raccourcis clavier'));
    const keys = [...table.matchAll(/^\| (`.+?`(?: ou `.+?`)?) +\|/gm)].flatMap(([, cell]) =>
      [...cell!.matchAll(/`(.+?)`/g)].map(([, key]) => key!),
    );
    expect(keys).toEqual(['j', '↓', 'k', '↑', 'a', 'f', 'r', 'b', '?', 'Échap']);
    const help = /<details class="help" id="aide">[\s\S]*?<\/details>/.exec(await claire.page())?.[0] ?? '';
    for (const key of keys) expect(help, key).toContain(`<kbd>${key}</kbd>`);
  });

  test('counts what waits and shows the oldest 20 first, with the article, the reader and their history', async () => {
    const html = await claire.page();
    const waiting = readdirSync(join(desk.dir, 'comments'), { recursive: true })
      .map(String)
      .filter(
        (file) =>
          file.endsWith('.md') &&
          readFileSync(join(desk.dir, 'comments', file), 'utf8').includes('\nstatus: pending\n'),
      );
    expect(waiting.length).toBeGreaterThan(46 + hostile.length);
    expect(html).toContain(`<strong data-total>${waiting.length} commentaires en attente</strong>`);
    const ids = [...html.matchAll(/name="id" value="([^"]+)"><input type="hidden" name="version"/g)].map((m) => m[1]);
    const unique = [...new Set(ids)];
    expect(unique).toHaveLength(20);
    // The sample content's pending comments are older than every one written here.
    expect(unique.slice(-3)).toEqual(['test-ouvert/p16', 'test-ouvert/p17', 'test-ouvert/p18']);
    expect(unique).toContain('test-ouvert/c02');
    expect(html).toContain(`<a href="${SITE_ORIGIN}/economie/test-ouvert/">Un article pour les tests du service</a>`);
    expect(html).toContain('href="/moderation/?lecteur=Lectrice+du+11e"');
    expect(html).toContain('Plus récents →');
  });

  test('pages through the rest, oldest first, and filters by article and by reader', async () => {
    const last = await claire.page('/moderation/?page=3');
    expect(last).toContain('value="test-ferme/z1"');
    expect(last).toContain('← Plus anciens');
    const article = await claire.page('/moderation/?article=test-ferme');
    expect(article).toContain('1 correspond au filtre');
    expect(article).toContain('value="test-ferme/z1"');
    expect(article).not.toContain('value="test-ouvert/');
    const reader = await claire.page(`/moderation/?lecteur=${encodeURIComponent('  testeur <B>HOSTILE</b> ')}`);
    expect(reader).toContain(`${hostile.length} correspondent au filtre`);
    expect(reader).not.toContain('value="test-ouvert/p01"');
    const bee = await claire.page('/moderation/?lecteur=Abeille+du+Nord');
    expect(bee).toContain('1 correspond au filtre');
    expect(bee).toContain('1 publié, 2 rejetés auparavant');
  });

  test('shows a hostile comment escaped as typed, and rendered by the sanitizer without a live script or handler', async () => {
    const html = await claire.page(`/moderation/?lecteur=${encodeURIComponent('Testeur <b>hostile</b>')}`);
    expect(html).toContain('Testeur &lt;b&gt;hostile&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__kiosqueHacked = true&quot;&gt;');
    // The desk's own script is the only one; no event handler, no javascript: address, no frame, no inline style.
    expect([...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])).toEqual([
      '<script src="/moderation/bureau.js" defer>',
    ]);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<[^>]+(href|src|action)\s*=\s*["']?\s*(javascript|data):/i);
    expect(html).not.toMatch(/<(iframe|object|embed|svg|style|base|meta http-equiv)\b/i);
    expect(html).not.toMatch(/<[^>]+\sstyle\s*=/i);
  });

  test('shows control characters and direction overrides as visible codes', async () => {
    writePending(desk.dir, 'ctl', { pseudonym: 'Codes', text: 'avant\u0007\u001b[31m\u202Eaprès' });
    // Written by someone else: the desk sees it at its next look, a few seconds later.
    desk.clock.now = new Date(desk.clock.now.getTime() + 3000);
    const html = await claire.page('/moderation/?lecteur=Codes');
    expect(html).toContain('avant<span class="ctl" title="Caractère invisible U+0007">‹U+0007›</span>');
    expect(html).toContain('‹U+001B›</span>[31m');
    expect(html).toContain('‹U+202E›</span>après');
  });

  test('a page of the desk without a session redirects, and a decision without one is refused 403', async () => {
    const stranger = new Moderator(desk);
    expect((await stranger.request('/moderation/exclure?id=test-ouvert/p01')).status).toBe(303);
    const response = await stranger.post('/moderation/decision', { id: 'test-ouvert/p01', decision: 'approve' });
    expect(response.status).toBe(403);
    expect(readFileSync(join(desk.dir, 'comments/test-ouvert/p01.md'), 'utf8')).toContain('status: pending');
  });

  test('a decision posted from another site, or without the page’s token, is refused and changes nothing', async () => {
    const form = await claire.formOf('test-ouvert/p01');
    const forged = await claire.post(
      '/moderation/decision',
      { ...form, decision: 'approve' },
      { origin: 'https://pirate.example' },
    );
    expect(forged.status).toBe(403);
    const crossSite = await claire.post(
      '/moderation/decision',
      { ...form, decision: 'approve' },
      { origin: '', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    const noToken = await claire.post('/moderation/decision', { ...form, jeton: 'x'.repeat(43), decision: 'approve' });
    expect(noToken.status).toBe(403);
    expect(readFileSync(join(desk.dir, 'comments/test-ouvert/p01.md'), 'utf8')).toContain('status: pending');
  });
});
