import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { adminPage, adminPolicy, selfHostedCms, sveltiaPackage } from '../../src/lib/cms-admin';
import { cmsBackend } from '../../src/lib/cms-config';

const { dir: packageDir, version } = sveltiaPackage();
const bundle = readFileSync(join(packageDir, 'dist/sveltia-cms.js'), 'utf8');

/** The policy's directives by name. */
const directives = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('Sveltia CMS served from our origin', () => {
  const { code, files } = selfHostedCms(bundle, version);

  test('loads no font and no French string from a CDN', () => {
    expect(bundle).toContain('https://cdn.jsdelivr.net/fontsource/');
    expect(code).not.toContain('https://cdn.jsdelivr.net/fontsource/');
    expect(code).not.toContain('https://unpkg.com/@sveltia/cms');
    expect(code).toContain('/admin/fonts/material-symbols-outlined-latin-wght-normal.woff2');
    expect(code).toContain('`/admin/sveltia`');
  });

  test('names fonts its package ships, the icons among them, and the French strings', () => {
    const assets = readdirSync(join(packageDir, 'npm/assets'));
    const fonts = files.flatMap((file) => ('font' in file.source ? [file.source.font] : []));
    expect(fonts).toContain('material-symbols-outlined-latin-wght-normal');
    for (const font of fonts)
      expect(
        assets.some((asset) => asset.startsWith(`${font}-`)),
        font,
      ).toBe(true);
    expect(files).toContainEqual({ path: `sveltia@${version}/locales/fr.json`, source: { file: 'locales/fr.json' } });
  });

  test('stops the build when an upgrade loads them from elsewhere', () => {
    expect(() => selfHostedCms('console.log("no CDN here")', '9.9.9')).toThrow(
      'Sveltia CMS 9.9.9 no longer loads its fonts and strings from the addresses',
    );
  });
});

describe('the administration page', () => {
  const policy = adminPolicy(cmsBackend({}));
  const page = adminPage({ siteName: 'Kiosque', policy });

  test('is French, out of search engines, and carries its own policy', () => {
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain(`<meta http-equiv="content-security-policy" content="${policy}">`);
    expect(page).toContain('<script src="/admin/sveltia-cms.js"></script>');
  });

  test('runs its one inline script by hash, and no code from a string', () => {
    const inline = /<script>(.*?)<\/script>/.exec(page)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(directives(policy).get('script-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(policy).not.toContain('unsafe-eval');
  });

  test('lets the CMS reach GitHub’s API, or the GitLab the build names, and nothing else outside', () => {
    expect(directives(policy).get('connect-src')).toEqual([
      "'self'",
      'blob:',
      'data:',
      'https://api.github.com',
      'https://www.githubstatus.com',
    ]);
    expect(directives(policy).get('font-src')).toEqual(["'self'"]);
    const gitlab = adminPolicy(
      cmsBackend({
        KIOSQUE_CMS_BACKEND: 'gitlab',
        KIOSQUE_CMS_REPO: 'journal/kiosque',
        KIOSQUE_CMS_API_ROOT: 'https://git.journal.example/api/v4',
      }),
    );
    expect(directives(gitlab).get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'https://git.journal.example']);
  });
});
