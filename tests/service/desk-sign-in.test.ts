import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addModerator, removeModerator } from '../../services/comments/desk/accounts.ts';
import { Moderator, PASSWORD, startDesk, type TestDesk } from './desk-helpers.ts';
import { NOW } from './helpers.ts';

describe('signing in to the desk', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startDesk({ moderators: ['Claire', 'Malik'] });
  });
  afterAll(() => desk.close());

  test('the queue without a session sends the browser to the sign-in form, which comes back to it', async () => {
    const response = await new Moderator(desk).request('/moderation/?article=test-ouvert');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      '/moderation/connexion/?suite=%2Fmoderation%2F%3Farticle%3Dtest-ouvert',
    );
    const form = await new Moderator(desk).page('/moderation/connexion/');
    expect(form).toContain('<label for="nom">Nom</label>');
    expect(form).toContain('<label for="mot-de-passe">Mot de passe</label>');
    expect(form).toContain('type="password" autocomplete="current-password"');
  });

  test('the right password opens a session whose cookie scripts cannot read nor other sites send', async () => {
    const claire = new Moderator(desk);
    const response = await claire.signIn();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/moderation/');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kiosque_bureau=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/moderation/');
    expect(cookie).not.toContain('Secure');
    const queue = await claire.page();
    expect(queue).toContain('<h1>Commentaires en attente</h1>');
    expect(queue).toContain('Claire');
  });

  test('a wrong password or an unknown name gets the same answer, and no cookie', async () => {
    for (const [name, password] of [
      ['Claire', 'pas le bon mot de passe'],
      ['Personne', PASSWORD],
    ] as const) {
      const reader = new Moderator(desk);
      const response = await reader.signIn(name, password);
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('Nom ou mot de passe incorrect.');
      expect((await reader.request('/moderation/')).status).toBe(303);
    }
  });

  test('a page to come back to with control characters, or outside the desk, is made safe, not a server error', async () => {
    for (const [next, location] of [
      ['/moderation/\n', '/moderation/'],
      ['/moderation/?article=a\u0007b', '/moderation/?article=a%07b'],
      ['/moderation/\u001B[31m', '/moderation/%1B[31m'],
      ['/moderation/../connexion/', '/moderation/'],
      ['//pirate.example/moderation/', '/moderation/'],
      ['/moderation/\\\\pirate.example', '/moderation/'],
    ]) {
      const response = await new Moderator(desk).post('/moderation/connexion/', {
        nom: 'Claire',
        mot_de_passe: PASSWORD,
        suite: next!,
      });
      expect(response.status, next).toBe(303);
      expect(response.headers.get('location'), next).toBe(location);
    }
  });

  test('a sign-in posted from another site is refused', async () => {
    const response = await new Moderator(desk).post(
      '/moderation/connexion/',
      { nom: 'Claire', mot_de_passe: PASSWORD },
      { origin: 'https://pirate.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test('a sign-in posted with neither Origin nor Sec-Fetch-Site is refused, one whose Sec-Fetch-Site says same-origin is let in', async () => {
    const form = new URLSearchParams({ nom: 'Claire', mot_de_passe: PASSWORD, suite: '/moderation/' }).toString();
    const post = (headers: Record<string, string>) =>
      fetch(`${desk.url}/moderation/connexion/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: form,
        redirect: 'manual',
      });
    const bare = await post({});
    expect(bare.status).toBe(403);
    expect(bare.headers.get('set-cookie')).toBeNull();
    expect(await bare.text()).toContain('Requête refusée');
    const fetched = await post({ 'sec-fetch-site': 'same-origin' });
    expect(fetched.status).toBe(303);
  });

  test('a sign-in from the desk opened at another address names the address to open, and the log the origin refused', async () => {
    const opened = 'http://localhost:' + new URL(desk.url).port;
    const response = await new Moderator(desk).post(
      '/moderation/connexion/',
      { nom: 'Claire', mot_de_passe: PASSWORD },
      { origin: opened, 'sec-fetch-site': 'same-origin' },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(`Ouvrez le bureau à l’adresse ${desk.url}/moderation/ et recommencez.`);
    expect(desk.logs.at(-1)).toEqual({
      event: 'desk-refused',
      why: 'origin',
      origin: opened,
      secFetchSite: 'same-origin',
      KIOSQUE_DESK_ORIGIN: desk.url,
    });
  });

  test('signing out ends the session on the server: the old cookie opens nothing', async () => {
    const malik = new Moderator(desk);
    await malik.signIn('Malik');
    const cookie = malik.cookie;
    const page = await malik.page();
    const token = /name="jeton" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const out = await malik.post('/moderation/deconnexion', { jeton: token });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const replay = await fetch(`${desk.url}/moderation/`, { headers: { cookie }, redirect: 'manual' });
    expect(replay.status).toBe(303);
  });
});

describe('a session', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startDesk({ moderators: ['Claire', 'Malik'] });
  });
  afterAll(() => desk.close());

  const later = (minutes: number) => (desk.clock.now = new Date(desk.clock.now.getTime() + minutes * 60_000));

  test('ends after two idle hours, and after twelve hours however busy', async () => {
    const claire = new Moderator(desk);
    await claire.signIn();
    later(119);
    expect((await claire.request('/moderation/')).status).toBe(200);
    later(121);
    expect((await claire.request('/moderation/')).status).toBe(303);

    const busy = new Moderator(desk);
    await busy.signIn();
    for (let hour = 0; hour < 11; hour++) {
      later(60);
      expect((await busy.request('/moderation/')).status).toBe(200);
    }
    later(61);
    expect((await busy.request('/moderation/')).status).toBe(303);
  });

  test('ends when its account is removed', async () => {
    const malik = new Moderator(desk);
    await malik.signIn('Malik');
    expect((await malik.request('/moderation/')).status).toBe(200);
    removeModerator(desk.accountsFile, 'Malik');
    expect((await malik.request('/moderation/')).status).toBe(303);
  });

  test('ends when its password is replaced, or its account removed and made again under the same name', async () => {
    await addModerator(desk.accountsFile, { name: 'Inès', password: PASSWORD, replace: false, now: NOW });
    const ines = new Moderator(desk);
    await ines.signIn('Inès');
    expect((await ines.request('/moderation/')).status).toBe(200);
    await addModerator(desk.accountsFile, { name: 'Inès', password: PASSWORD, replace: true, now: NOW });
    expect((await ines.request('/moderation/')).status).toBe(303);

    const again = new Moderator(desk);
    await again.signIn('Inès');
    expect((await again.request('/moderation/')).status).toBe(200);
    removeModerator(desk.accountsFile, 'Inès');
    await addModerator(desk.accountsFile, { name: 'Inès', password: PASSWORD, replace: false, now: NOW });
    expect((await again.request('/moderation/')).status).toBe(303);
  });
});

describe('too many failed sign-ins', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startDesk({ moderators: ['Claire'] });
  });
  afterAll(() => desk.close());

  test('lock the account for 15 minutes, with the time to retry, even for the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await new Moderator(desk).signIn('Claire', `essai ${attempt} raté`)).status).toBe(401);
    }
    const locked = await new Moderator(desk).signIn('Claire', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // 14:00 UTC is 15 h 00 in Paris: retry at 15 h 15.
    expect(await locked.text()).toContain(
      'Trop de tentatives de connexion. Réessayez à 15\u00A0h\u00A015 (dans 15\u00A0min).',
    );

    desk.clock.now = new Date(desk.clock.now.getTime() + 15 * 60 * 1000 + 1000);
    expect((await new Moderator(desk).signIn('Claire', PASSWORD)).status).toBe(303);
  });

  test('lock an unknown name the same way, so that the lock says nothing about who exists', async () => {
    desk.clock.now = new Date(desk.clock.now.getTime() + 16 * 60 * 1000);
    for (let attempt = 0; attempt < 5; attempt++) await new Moderator(desk).signIn('Inconnu', `essai ${attempt}`);
    const locked = await new Moderator(desk).signIn('Inconnu', PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Trop de tentatives de connexion.');
  });

  test('sent all at once, forty wrong passwords get five checks at most, and the rest are refused unchecked', async () => {
    desk.clock.now = new Date(desk.clock.now.getTime() + 16 * 60 * 1000);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, attempt) => new Moderator(desk).signIn('Claire', `essai ${attempt} en rafale`)),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });
});

describe('the sign-in limit counted per name and client', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startDesk({ moderators: ['Claire', 'Malik'] });
  });
  afterAll(() => desk.close());

  const from = (address: string, name: string, password: string) =>
    new Moderator(desk).post(
      '/moderation/connexion/',
      { nom: name, mot_de_passe: password, suite: '/moderation/' },
      { 'x-test-client': address },
    );

  test('a stranger failing five times on a name does not lock its moderator out, elsewhere', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await from('203.0.113.9', 'Claire', `essai ${attempt}`)).status).toBe(401);
    }
    expect((await from('203.0.113.9', 'Claire', PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.20', 'Claire', PASSWORD)).status).toBe(303);
  });

  test('one IPv6 network trying many names is locked as one client, after 20 failures', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await from(`2001:db8:5:6::${attempt + 1}`, `Nom ${attempt}`, 'pas le bon')).status).toBe(401);
    }
    expect((await from('2001:db8:5:6:ffff::1', 'Malik', PASSWORD)).status).toBe(429);
    expect((await from('2001:db8:5:7::1', 'Malik', PASSWORD)).status).toBe(303);
  });

  test('a name guessed from twenty clients still opens to its right password from a new client, which one wrong password then locks out', async () => {
    await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        for (let attempt = 0; attempt < 5; attempt++) {
          expect((await from(`192.0.2.${client + 1}`, 'Malik', `essai ${attempt} raté`)).status).toBe(401);
        }
      }),
    );
    expect((await from('198.51.100.30', 'Malik', PASSWORD)).status).toBe(303);

    expect((await from('198.51.100.30', 'Malik', 'encore un essai')).status).toBe(401);
    const locked = await from('198.51.100.30', 'Malik', PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Trop de tentatives de connexion.');
  });
});
