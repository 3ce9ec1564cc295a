import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LintReport } from '../../../src/integrations/content-lint-run';
import { plain } from './lint';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'kiosque-lint-'));
const content = join(scratch, 'content');
let lintContent: (root: string, only?: string[]) => Promise<LintReport>;

function write(path: string, lines: string[]) {
  mkdirSync(join(content, path, '..'), { recursive: true });
  writeFileSync(join(content, path), lines.join('\n'));
}

const articleLines = (title: string, tags: string, image: string[] = []) => [
  '---',
  `title: ${title}`,
  'standfirst: Une baisse de 4 % est proposée au 1er février.',
  'section: economie',
  'source: AFP',
  'publishedAt: 2026-11-28T17:05:00+01:00',
  `tags: ${tags}`,
  ...image,
  '---',
  '',
  'Un paragraphe.',
];
const picture = (file: string) => [
  'image:',
  `  src: ./images/${file}`,
  '  alt: Un compteur électrique dans une cave, éclairé par une lampe',
  '  credit: Kiosque',
];

const shown = (path: string) => relative(root, join(content, path)).split('\\').join('/');
const where = (report: LintReport) =>
  report.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.severity} ${p.rule}`);

beforeAll(async () => {
  write(
    'articles/tarif.md',
    articleLines('Le tarif baissera en février', '[énergie, consommation]', picture('etroite.png')),
  );
  write('articles/carburants.md', articleLines('Les carburants baissent', '[énergie]', picture('large.jpg')));
  write('articles/eolien.md', articleLines('L’éolien en mer accélère', '[Energie]'));
  write('pages/mentions-legales.md', [
    '---',
    'title: Mentions légales',
    'description: Qui publie Kiosque.',
    'updatedAt: 2026-11-01',
    '---',
    '',
    'Texte.',
  ]);
  write('comments/tarif/c01.md', [
    '---',
    'article: tarif',
    'pseudonym: Feuillant',
    'publishedAt: 2026-11-31T18:12:00+01:00',
    'status: published',
    '---',
    '',
    'Enfin.',
  ]);
  mkdirSync(join(content, 'articles/images'), { recursive: true });
  copyFileSync(join(root, 'tests/fixtures/content-lint/photo-800.png'), join(content, 'articles/images/etroite.png'));
  copyFileSync(join(root, 'content/articles/images/velo-ville.jpg'), join(content, 'articles/images/large.jpg'));
  vi.stubEnv('KIOSQUE_CONTENT_DIR', content);
  vi.stubEnv('KIOSQUE_CACHE_DIR', join(scratch, 'cache'));
  ({ lintContent } = await import('../../../src/integrations/content-lint-run'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

const EXPECTED = [
  `${shown('articles/eolien.md')}:7: tags: warning tag-variant`,
  `${shown('articles/tarif.md')}:9: image.src: warning picture-small`,
  `${shown('comments/tarif/c01.md')}:4: publishedAt: error impossible-date`,
];

describe('lintContent, on a content folder', () => {
  test('finds the problems of every file and across files, sorted by file and line', async () => {
    const report = await lintContent(root);
    expect(where(report)).toEqual(EXPECTED);
    expect(report.files).toBe(5);
    expect(report.read).toBe(5);
  });

  test('picture-small: the picture 1600 pixels wide passes, the one 800 pixels wide does not', async () => {
    const report = await lintContent(root);
    expect(report.problems.filter((p) => p.rule === 'picture-small').map((p) => p.file)).toEqual([
      shown('articles/tarif.md'),
    ]);
    expect(plain(report.problems.find((p) => p.rule === 'picture-small')?.message)).toMatch(
      /800 pixels de large ; .* 1200/,
    );
  });

  test('reads again only the files that changed', async () => {
    expect((await lintContent(root)).read).toBe(0);
    write('articles/eolien.md', articleLines('L’éolien en mer accélère', '[énergie]'));
    const report = await lintContent(root);
    expect(report.read).toBe(1);
    expect(where(report)).toEqual(EXPECTED.slice(1));
  });

  test('given files, lists only theirs, tags compared with every article', async () => {
    write('articles/eolien.md', articleLines('L’éolien en mer accélère', '[Energie]'));
    const report = await lintContent(root, [join(content, 'articles/eolien.md')]);
    expect(where(report)).toEqual(EXPECTED.slice(0, 1));
  });
});
