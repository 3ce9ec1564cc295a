import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NBSP, NNBSP } from '../../src/lib/typography.ts';
import {
  ARTICLE,
  SITE,
  commentFields,
  commentTree,
  postForm,
  postJson,
  startService,
  type TestService,
} from './helpers.ts';

let service: TestService;
beforeAll(async () => {
  service = await startService();
});
afterAll(() => service.close());

/** What every answer carries, whatever it says. */
function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline';/);
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cache-control')).toBe('no-store');
}

describe('a browser without JavaScript', () => {
  test('gets a French page saying the comment awaits moderation, with a link back to the article', async () => {
    const response = await postForm(service, commentFields());
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<h1>Commentaire envoyé</h1>');
    expect(html).toContain('<p>Votre commentaire sera publié après modération.</p>');
    expect(html).toContain(`<a href="${SITE}/economie/${ARTICLE}/#commentaires">Revenir à l’article</a>`);
    expect(html).not.toContain('<textarea');
    expect(html).not.toContain('<script');
  });

  test('gets its text back, escaped, in a labelled text box when the comment is refused', async () => {
    const text = '\n<script>alert("x")</script> & co';
    const response = await postForm(service, commentFields({ pseudonym: 'A', text }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<p>Votre pseudonyme doit compter de 2 à 30 caractères.</p>');
    expect(html).toContain('<label for="texte">');
    expect(html).toContain(
      '<textarea id="texte" rows="10">\n\n&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</textarea>',
    );
    expect(html).not.toContain('<script>');
  });

  test('is linked back to the site it posted from, known by its Referer, or else by a relative link', async () => {
    const unknown = commentFields({ text: '' });
    const byReferer = await postForm(service, unknown, { origin: undefined, referer: `${SITE}/economie/${ARTICLE}/` });
    expect(await byReferer.text()).toContain(`href="${SITE}/economie/${ARTICLE}/#commentaires"`);
    const elsewhere = await postForm(service, unknown, { origin: undefined, referer: 'https://ailleurs.example/' });
    expect(await elsewhere.text()).toContain(`href="/economie/${ARTICLE}/#commentaires"`);
    const noArticle = await postForm(service, commentFields({ article: 'nexiste-pas' }));
    expect(noArticle.status).toBe(404);
    expect(await noArticle.text()).toContain(`<a href="${SITE}/">Revenir au site</a>`);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${service.url}/commentaires/`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  test('answers the preflight of an allowed site, letting its script post JSON', async () => {
    const response = await preflight(SITE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('Content-Type');
    expect(response.headers.get('vary')).toBe('Origin');
    expectSecurityHeaders(response);
  });

  test("refuses another site's preflight, without CORS headers", async () => {
    const response = await preflight('https://ailleurs.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('logs the refused origin and the setting to add it to, for a preflight and a POST', async () => {
    const refused = () =>
      service.logs.filter((line) => line.includes('"origin_refused"')).map((line) => JSON.parse(line));
    const before = refused().length;
    expect((await preflight('https://www.journal.example')).status).toBe(403);
    expect((await postJson(service, commentFields(), { origin: 'https://journal.example:8443' })).status).toBe(403);
    expect(refused().slice(before)).toEqual([
      expect.objectContaining({
        origin: 'https://www.journal.example',
        message: expect.stringContaining('KIOSQUE_COMMENTS_ORIGINS (http://localhost:4321)'),
      }),
      expect.objectContaining({
        origin: 'https://journal.example:8443',
        message: expect.stringContaining('KIOSQUE_COMMENTS_ORIGINS'),
      }),
    ]);
  });

  test("lets the allowed site's script read the answer, refusals included", async () => {
    const accepted = await postJson(service, commentFields());
    expect(accepted.headers.get('access-control-allow-origin')).toBe(SITE);
    expectSecurityHeaders(accepted);
    const refused = await postJson(service, commentFields({ text: '' }));
    expect(refused.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  test('accepts a post without Origin (a program, not a browser), without CORS headers', async () => {
    const before = commentTree(service.dir).length;
    const response = await postJson(service, commentFields(), { origin: undefined });
    expect(response.status).toBe(202);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(commentTree(service.dir)).toHaveLength(before + 1);
  });
});

describe('the other addresses', () => {
  test('GET /sante/ says the service is up, and whether git has everything (files only here)', async () => {
    const response = await fetch(`${service.url}/sante/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, git: false, unpushed: 0 });
    expectSecurityHeaders(response);
  });

  test('an unknown address is 404 and a wrong method 405, in JSON', async () => {
    for (const path of ['/commentaires', '//']) {
      const missing = await fetch(`${service.url}${path}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    const wrongMethod = await fetch(`${service.url}/commentaires/`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('OPTIONS, POST');
    expectSecurityHeaders(wrongMethod);
  });
});

describe('the newsletter stub', () => {
  const subscribe = (email: string | undefined) =>
    postJson(service, email === undefined ? { liste: 'economie' } : { email, liste: 'economie' }, {}, '/newsletter/');

  test('signs up a valid address, saying so in French', async () => {
    const response = await subscribe(' lectrice@exemple.fr ');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      message: `Merci${NNBSP}! Votre inscription a bien été prise en compte avec l’adresse email${NBSP}: lectrice@exemple.fr`,
    });
  });

  test('refuses a missing or invalid address with a stable code', async () => {
    for (const [email, code] of [
      [undefined, 'email_missing'],
      ['  ', 'email_missing'],
      ['lectrice@exemple', 'email_invalid'],
      ['lectrice exemple.fr', 'email_invalid'],
    ] as const) {
      const response = await subscribe(email);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code } });
    }
  });

  test('fails with 503 for an address at panne.invalid, to try the page’s failure message', async () => {
    const response = await subscribe('test@PANNE.invalid');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'service_unavailable' } });
  });

  test('answers a form with a page linking back to the site', async () => {
    const response = await postForm(service, { email: 'lectrice@exemple.fr', liste: 'economie' }, {}, '/newsletter/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('lectrice@exemple.fr');
    expect(html).toContain(`<a href="${SITE}/">Revenir au site</a>`);
  });

  test('refuses a post from another site', async () => {
    const response = await postJson(
      service,
      { email: 'a@b.fr' },
      { origin: 'https://ailleurs.example' },
      '/newsletter/',
    );
    expect(response.status).toBe(403);
  });
});
