import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CARD_FOLDER } from '../data/social-card.ts';
import { ADMIN_FOLDER } from '../lib/cms-admin.ts';

/**
 * What a page's `<meta>` Content-Security-Policy cannot say (`frame-ancestors` only works as
 * a header) and the other headers a static host should send, as rules for every page.
 */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
};

/** The `_headers` file (Netlify, Cloudflare Pages and others read it; docs/deployment.md). */
function headersFile(): string {
  const lines = ['/*', ...Object.entries(securityHeaders).map(([name, value]) => `  ${name}: ${value}`)];
  // Bundled assets and social cards carry a hash of their content in their name, so they
  // never change under one URL.
  for (const folder of ['_astro', CARD_FOLDER])
    lines.push(`/${folder}/*`, '  Cache-Control: public, max-age=31536000, immutable');
  // The administration interface (its page carries its own policy, src/lib/cms-admin.ts): out
  // of search engines, and Sveltia CMS's build, whose name carries no hash, checked anew.
  lines.push(`/${ADMIN_FOLDER}/*`, '  X-Robots-Tag: noindex', '  Cache-Control: no-cache');
  return `${lines.join('\n')}\n`;
}

export function writeSecurityHeaders(): AstroIntegration {
  return {
    name: 'kiosque-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile());
      },
    },
  };
}
