import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { themeBootScript } from '../../src/scripts/theme-boot';
import { root } from './site';

const dist = join(root, 'dist');
const REFERENCE = 'economie/assistants-vocaux-ecoutes-prestataires/index.html';
const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
const html = (page: string) => readFileSync(join(dist, page), 'utf8');
const linked = (page: string, pattern: RegExp) =>
  [...html(page).matchAll(pattern)].map((m) => readFileSync(join(dist, m[1] ?? ''), 'utf8'));

describe('page weight of a typical article with six comments (built site)', () => {
  test('HTML and CSS together stay under 14 KB gzipped', () => {
    const css = linked(REFERENCE, /<link rel="stylesheet" href="\/([^"]+)"/g);
    expect(css.length).toBeGreaterThan(0);
    const total = gzipped(html(REFERENCE)) + css.reduce((sum, sheet) => sum + gzipped(sheet), 0);
    expect(total).toBeLessThanOrEqual(14 * 1024);
  });

  test('JavaScript stays under 8 KB gzipped, and only the tiny theme script blocks rendering', () => {
    const page = html(REFERENCE);
    const scripts = linked(REFERENCE, /<script[^>]*src="\/([^"]+)"/g);
    // Structured data is a data block, which the browser neither runs nor waits for.
    const inline = [
      ...page.matchAll(/<script(?![^>]*(?:src=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g),
    ].map((m) => m[1] ?? '');
    expect([...scripts, ...inline].reduce((sum, code) => sum + gzipped(code), 0)).toBeLessThanOrEqual(8 * 1024);
    const head = page.slice(0, page.indexOf('</head>'));
    const blocking = [...head.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attributes]) => !/type="(?:module|application\/ld\+json)"|\sdefer|\sasync/.test(attributes ?? ''),
    );
    // The one exception: a module runs after the first paint, too late to set the reader's
    // theme without showing the other one first. It is inline (no request to wait for) and
    // must stay small, since every page waits for it.
    expect(blocking.map(([, , code]) => code)).toEqual([themeBootScript]);
    expect(themeBootScript.length).toBeLessThanOrEqual(160);
  });

  test('uses system fonts: no web font is downloaded from anywhere', () => {
    const css = linked(REFERENCE, /<link rel="stylesheet" href="\/([^"]+)"/g).join('\n');
    expect(css).not.toMatch(/@font-face/);
    expect(html(REFERENCE)).not.toMatch(/fonts\.(googleapis|gstatic)|<link[^>]+rel="preload"[^>]+as="font"/);
  });

  test('every image declares its size, so the page does not jump while loading', () => {
    const images = html(REFERENCE).match(/<img\b[^>]*>/g) ?? [];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images)
      expect(image).toMatch(/\swidth="\d+"[^>]*\sheight="\d+"|\sheight="\d+"[^>]*\swidth="\d+"/);
  });
});
