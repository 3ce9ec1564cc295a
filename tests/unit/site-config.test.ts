import { afterEach, describe, expect, test, vi } from 'vitest';

async function loadConfig() {
  vi.resetModules();
  return (await import('../../src/site.config')).siteConfig;
}

afterEach(() => vi.unstubAllEnvs());

describe('the service addresses a build is given', () => {
  test('default to the local comment service, and take a production URL as given', async () => {
    vi.stubEnv('KIOSQUE_COMMENTS_ENDPOINT', '');
    expect((await loadConfig()).commentsEndpoint).toBe('http://127.0.0.1:4323/commentaires/');
    vi.stubEnv('KIOSQUE_COMMENTS_ENDPOINT', 'https://commentaires.exemple.fr/commentaires/');
    expect((await loadConfig()).commentsEndpoint).toBe('https://commentaires.exemple.fr/commentaires/');
  });

  test('refuse what is not an http(s) URL, naming the variable', async () => {
    vi.stubEnv('KIOSQUE_NEWSLETTER_ENDPOINT', 'javascript:alert(1)');
    await expect(loadConfig()).rejects.toThrow(/^KIOSQUE_NEWSLETTER_ENDPOINT: expected an absolute http\(s\) URL/);
    vi.stubEnv('KIOSQUE_NEWSLETTER_ENDPOINT', 'lettre.exemple.fr');
    await expect(loadConfig()).rejects.toThrow(/got "lettre\.exemple\.fr"/);
  });
});
