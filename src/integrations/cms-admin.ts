import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from '../lib/files.ts';
import { ADMIN_FOLDER, CMS_SCRIPT, adminPage, adminPolicy, selfHostedCms, sveltiaPackage } from '../lib/cms-admin.ts';
import { cmsBackend } from '../lib/cms-config.ts';
import { siteConfig } from '../site.config.ts';

/** The configuration is an endpoint (src/pages/admin/config.yml.ts): Astro makes it. */
const MADE_BY_ASTRO = new Set(['config.yml']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Every file of `/admin/` but its configuration, by path under it: the page, Sveltia CMS's
 * build with its CDN addresses pointed here, and the fonts and French strings those addresses
 * now name, copied from its npm package. No bundling: one 2 MB file is read, rewritten and
 * copied as it is.
 */
function adminFiles(): Map<string, string | Buffer> {
  const { dir: packageDir, version } = sveltiaPackage();
  const { code, files } = selfHostedCms(readFileSync(join(packageDir, 'dist', CMS_SCRIPT), 'utf8'), version);
  const assets = readdirSync(join(packageDir, 'npm', 'assets'));
  const result = new Map<string, string | Buffer>([
    ['index.html', adminPage({ siteName: siteConfig.name, policy: adminPolicy(cmsBackend(process.env)) })],
    [CMS_SCRIPT, code],
  ]);
  for (const file of files) {
    if ('text' in file.source) {
      result.set(file.path, file.source.text);
      continue;
    }
    if ('file' in file.source) {
      result.set(file.path, readFileSync(join(packageDir, file.source.file)));
      continue;
    }
    const font = file.source.font;
    const asset = assets.find((name) => name.startsWith(`${font}-`) && name.endsWith('.woff2'));
    if (asset === undefined)
      throw new Error(`Sveltia CMS ${version} names a font its package does not ship: ${font} (npm/assets/)`);
    result.set(file.path, readFileSync(join(packageDir, 'npm', 'assets', asset)));
  }
  return result;
}

/**
 * Serves the administration interface (Sveltia CMS) at `/admin/`: from `astro dev`, and as
 * files in the build's output. Not an Astro page: Astro gives every page the site's policy,
 * which would refuse what the CMS needs (`adminPolicy`), and the CMS needs no bundling.
 */
export function serveCmsAdmin(): AstroIntegration {
  let cached: Map<string, string | Buffer> | undefined;
  const files = () => (cached ??= adminFiles());
  return {
    name: 'kiosque-cms-admin',
    hooks: {
      'astro:config:done': () => {
        // A mistyped variable stops the build at once, naming it, rather than after the pages.
        cmsBackend(process.env);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          if (!path.startsWith(`/${ADMIN_FOLDER}/`)) return next();
          const name = decodeURIComponent(path.slice(ADMIN_FOLDER.length + 2)) || 'index.html';
          const body = files().get(name);
          if (body === undefined) return next();
          response.writeHead(200, {
            'Content-Type': TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream',
          });
          response.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const folder = join(fileURLToPath(dir), ADMIN_FOLDER);
        const written = files();
        for (const [name, body] of written) {
          mkdirSync(dirname(join(folder, name)), { recursive: true });
          writeFileSync(join(folder, name), body);
        }
        // The folder is this step's own (`pruneStaleOutput`'s `owned`): it removes what an
        // earlier version of Sveltia CMS left there.
        for (const file of filesUnder(folder)) {
          const name = relative(folder, file).split(sep).join('/');
          if (!written.has(name) && !MADE_BY_ASTRO.has(name)) rmSync(file);
        }
        logger.info(`Wrote /${ADMIN_FOLDER}/ in ${((performance.now() - started) / 1000).toFixed(3)} s`);
        if (!process.env['KIOSQUE_CMS_REPO'])
          logger.info(
            'KIOSQUE_CMS_REPO is not set: /admin/ only works on a local folder, from `astro dev` (docs/deployment.md)',
          );
      },
    },
  };
}
