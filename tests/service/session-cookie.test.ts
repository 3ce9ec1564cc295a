import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signSession } from '../../src/lib/session-token.ts';
import {
  NOW,
  SITE,
  commentFields,
  commentTree,
  postForm,
  postJson,
  startService,
  type TestService,
} from './helpers.ts';

const secret = 'secret partagé avec le service de connexion';
const valid = signSession({ subscriber: 'abonne-42', expiresAt: new Date(NOW.getTime() + 3_600_000) }, secret);
const expired = signSession({ subscriber: 'abonne-42', expiresAt: new Date(NOW.getTime() - 1000) }, secret);
const onSubscriberArticle = commentFields({ article: 'test-abonnes' });

let service: TestService;
beforeAll(async () => {
  service = await startService({ sessionSecret: secret });
});
afterAll(() => service.close());

describe('a subscriber whose browser sends the HttpOnly cookie itself', () => {
  test('posts from the page’s script with no session field', async () => {
    const response = await postJson(service, onSubscriberArticle, { cookie: `theme=sombre; kiosque_session=${valid}` });
    expect(response.status).toBe(202);
  });

  test('posts the plain form, without JavaScript', async () => {
    const response = await postForm(service, onSubscriberArticle, { cookie: `kiosque_session="${valid}"` });
    expect(response.status).toBe(202);
    expect(await response.text()).toContain('<h1>Commentaire envoyé</h1>');
  });

  test('is refused with an expired or forged cookie, and the page links to the sign-in', async () => {
    const before = commentTree(service.dir);
    for (const cookie of [
      `kiosque_session=${expired}`,
      `kiosque_session=${valid}x`,
      'kiosque_session=',
      `session=${valid}`,
    ]) {
      const response = await postJson(service, onSubscriberArticle, { cookie });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'subscription_required' } });
    }
    const page = await postForm(service, onSubscriberArticle, { cookie: `kiosque_session=${expired}` });
    const html = await page.text();
    expect(html).toContain(`<p><a href="${SITE}/infos/abonnement/">S’identifier</a></p>`);
    expect(html).toContain('Merci pour cet article.');
    expect(commentTree(service.dir)).toEqual(before);
  });

  test('the session field the development page sends still counts, before the cookie', async () => {
    expect((await postJson(service, { ...onSubscriberArticle, session: valid })).status).toBe(202);
    const fieldWins = await postJson(
      service,
      { ...onSubscriberArticle, session: expired },
      { cookie: `kiosque_session=${valid}` },
    );
    expect(fieldWins.status).toBe(403);
  });
});

describe('CORS with credentials', () => {
  test('the allowed site may send cookies; another gets no CORS header at all', async () => {
    const preflight = await fetch(`${service.url}/commentaires/`, {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    const answer = await postJson(service, onSubscriberArticle, { cookie: `kiosque_session=${valid}` });
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await postJson(service, onSubscriberArticle, {
      origin: 'https://ailleurs.example',
      cookie: `kiosque_session=${valid}`,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
