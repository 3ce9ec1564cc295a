import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CmsBackend } from './cms-config.ts';

/** Where the administration interface is served: `/admin/`. */
export const ADMIN_FOLDER = 'admin';

/**
 * Where Sveltia CMS's npm package is, and its version. The package exports only its module
 * (`npm/index.js`), so its folder is found from there.
 */
export function sveltiaPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const dir = dirname(dirname(require.resolve('@sveltia/cms')));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { dir, version };
}

/** Sveltia CMS's single-file build, served from our origin. */
export const CMS_SCRIPT = 'sveltia-cms.js';

/**
 * Sveltia CMS has no setting for its language: it follows the browser, then the editor's
 * choice in its settings, kept in `localStorage`. This sets French as that choice on a first
 * visit, before the CMS starts; an editor may still pick another language there.
 */
const FRENCH_UI_SCRIPT =
  "try{const k='sveltia-cms.prefs',p=JSON.parse(localStorage.getItem(k)||'{}')||{};" +
  "if(!p.locale)localStorage.setItem(k,JSON.stringify({...p,locale:'fr'}))}catch{}";

const origin = (url: string) => new URL(url).origin;

/**
 * The administration page's Content-Security-Policy, looser than the site's on three counts
 * that Sveltia CMS needs, and on this page only:
 * - `style-src 'unsafe-inline'`: Svelte adds its components' styles as `<style>` elements and
 *   `style` attributes while the page runs, so they cannot be hashed at build time;
 * - `blob:` for images, media, frames, workers and fetches: files the editor adds are
 *   previewed (a document in a sandboxed frame), and images converted, from in-memory copies
 *   before they are saved; and `data:` for fetches, as the CMS reads its own logo, an inline
 *   picture, that way;
 * - the repository's API (`connect-src`) and its avatars (`img-src`): the CMS reads and
 *   commits through GitHub's or GitLab's API, from the editor's browser.
 * No `unsafe-eval`: the build evaluates no string as code. Scripts stay `'self'` plus the
 * one inline script's hash.
 */
export function adminPolicy(backend: CmsBackend): string {
  const api =
    backend.name === 'github'
      ? [backend.api_root ? origin(backend.api_root) : 'https://api.github.com', 'https://www.githubstatus.com']
      : [origin(backend.api_root ?? 'https://gitlab.com')];
  const auth = backend.base_url ? [origin(backend.base_url)] : [];
  const avatars =
    backend.name === 'github'
      ? ['https://avatars.githubusercontent.com']
      : [origin(backend.api_root ?? 'https://gitlab.com'), 'https://secure.gravatar.com'];
  const hash = createHash('sha256').update(FRENCH_UI_SCRIPT).digest('base64');
  return [
    "default-src 'self'",
    `script-src 'self' 'sha256-${hash}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${avatars.join(' ')}`,
    "font-src 'self'",
    `connect-src 'self' blob: data: ${[...new Set([...api, ...auth])].join(' ')}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The administration page: out of search engines, its own policy, then the CMS. */
export function adminPage(options: { siteName: string; policy: string }): string {
  return `<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <meta http-equiv="content-security-policy" content="${escapeAttribute(options.policy)}">
    <title>Administration · ${options.siteName}</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  </head>
  <body>
    <noscript><p>L’interface d’administration a besoin de JavaScript.</p></noscript>
    <script>${FRENCH_UI_SCRIPT}</script>
    <script src="/${ADMIN_FOLDER}/${CMS_SCRIPT}"></script>
  </body>
</html>
`;
}

/** A file Sveltia CMS fetches from a CDN, and where our origin serves it instead. */
interface Relocated {
  /** Path under `/admin/`. */
  path: string;
  /**
   * The font's file name in the package's `npm/assets/` (without its hash), a file's path in
   * the package, or the file's text.
   */
  source: { font: string } | { file: string } | { text: string };
}

const FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;
const LOCALES_CDN = 'https://unpkg.com/@sveltia/cms';

/**
 * Sveltia CMS's single-file build as our origin serves it. It loads its fonts (the icons among
 * them) from jsDelivr, and its French strings and latest version from unpkg; the first two are
 * in its npm package and the third is the installed one, so the addresses are pointed at
 * copies under `/admin/`: the page needs no CDN, works where the CDN
 * is out of reach, and the policy stays `'self'` for fonts. An upgrade that moves these
 * addresses stops the build here rather than leaving a page that the policy breaks.
 */
export function selfHostedCms(source: string, version: string): { code: string; files: Relocated[] } {
  const files = new Map<string, Relocated>();
  let code = source.replace(FONT_CDN, (_, family: string, variant: string) => {
    const name = `${family}-${variant}`;
    const path = `fonts/${name}.woff2`;
    files.set(path, { path, source: { font: name } });
    return `/${ADMIN_FOLDER}/${path}`;
  });
  if (files.size === 0 || !code.includes(LOCALES_CDN)) {
    throw new Error(
      `Sveltia CMS ${version} no longer loads its fonts and strings from the addresses src/lib/cms-admin.ts rewrites: check where it loads them from now`,
    );
  }
  code = code.replaceAll(LOCALES_CDN, `/${ADMIN_FOLDER}/sveltia`);
  const locale = `sveltia@${version}/locales/fr.json`;
  files.set(locale, { path: locale, source: { file: 'locales/fr.json' } });
  // Sveltia asks the same address for its latest version, to offer an update: the version
  // installed is the latest one here, as upgrades come through npm.
  files.set('sveltia/package.json', {
    path: 'sveltia/package.json',
    source: { text: JSON.stringify({ name: '@sveltia/cms', version }) },
  });
  return { code, files: [...files.values()] };
}
