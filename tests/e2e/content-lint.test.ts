import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, root } from './site';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-lint-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds a copy of the sample content after `change` has edited it, as an editor might. */
function buildEdited(name: string, change: (content: string) => void) {
  const content = join(scratch, name, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  change(content);
  return buildSite(['--outDir', join(scratch, name, 'dist')], {
    KIOSQUE_CONTENT_DIR: content,
    KIOSQUE_CACHE_DIR: join(scratch, name, 'cache'),
  });
}

function edit(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('the editorial lint in the build', () => {
  test('an error stops the build, which names every one, with its file, line and field', () => {
    const result = buildEdited('errors', (content) => {
      edit(join(content, 'articles/velo-trajets-domicile-travail.md'), (text) =>
        text.replace(/^publishedAt:.*$/m, 'publishedAt: 2026-02-30T17:35:00+01:00'),
      );
      edit(join(content, 'articles/bnf-archives-sonores-en-ligne.md'), (text) =>
        text.replace('## Une ressource pour le public', '# Une ressource pour le public'),
      );
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/articles/velo-trajets-domicile-travail.md:7: publishedAt: ');
    expect(result.output).toMatch(/30 février 2026 n’existe pas .* \[impossible-date\]/);
    expect(result.output).toContain('content/articles/bnf-archives-sonores-en-ligne.md:17: body: ');
    expect(result.output).toContain('[heading-h1]');
    expect(result.output).not.toMatch(/\d+ page\(s\) built/);
  });

  test('a warning does not stop it, and is printed once, at the end', () => {
    const result = buildEdited('warnings', (content) => {
      edit(join(content, 'articles/bnf-archives-sonores-en-ligne.md'), (text) =>
        text.replace('## Une ressource pour le public comme pour les chercheurs', '#### Une ressource pour le public'),
      );
    });
    expect(result.status, result.output).toBe(0);
    const warning = 'content/articles/bnf-archives-sonores-en-ligne.md:17: body: ';
    expect(occurrences(result.output, warning)).toBe(1);
    expect(result.output.indexOf(warning)).toBeGreaterThan(result.output.lastIndexOf('[kiosque-search-index]'));
  });
});
