import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { indexLanguages, indexedPages } from './search-index';
import { buildSite, root } from './site';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-rebuild-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
const build = () =>
  buildSite(['--outDir', dist], { KIOSQUE_CONTENT_DIR: content, KIOSQUE_CACHE_DIR: join(scratch, 'cache') });
const page = (path: string) => join(dist, path, 'index.html');

function edit(file: string, change: (text: string) => string) {
  writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
}

test('a rebuild shows an edited article, and takes a deleted article offline', { timeout: 120_000 }, () => {
  cpSync(join(root, 'content'), content, { recursive: true });
  expect(build().status).toBe(0);
  expect(existsSync(page('culture/cinema-frequentation-salles-novembre'))).toBe(true);
  expect(indexedPages(dist).map((indexed) => indexed.url)).toContain('/culture/cinema-frequentation-salles-novembre/');

  unlinkSync(join(content, 'articles/cinema-frequentation-salles-novembre.md'));
  edit('articles/bnf-archives-sonores-en-ligne.md', (text) =>
    text
      .replace('related: [cinema-frequentation-salles-novembre]', 'related: []')
      .replace('::lire-aussi{article="cinema-frequentation-salles-novembre"}', 'Une phrase ajoutée pour la relecture.'),
  );
  const result = build();
  expect(result.status, result.output).toBe(0);

  expect(existsSync(page('culture/cinema-frequentation-salles-novembre'))).toBe(false);
  expect(readFileSync(page('culture/bnf-archives-sonores-en-ligne'), 'utf8')).toContain(
    'Une phrase ajoutée pour la relecture.',
  );
  expect(readFileSync(page('culture'), 'utf8')).not.toContain('cinema-frequentation-salles-novembre');
  expect(readFileSync(page(''), 'utf8')).not.toContain('cinema-frequentation-salles-novembre');

  // The search index is made anew: the deleted article is not found, the edit is, and no
  // fragment of the last build is left beside it.
  const indexed = indexedPages(dist);
  expect(indexed.map((entry) => entry.url)).not.toContain('/culture/cinema-frequentation-salles-novembre/');
  expect(indexed.find((entry) => entry.url === '/culture/bnf-archives-sonores-en-ligne/')?.content).toContain(
    'Une phrase ajoutée pour la relecture.',
  );
  expect(indexLanguages(dist)['fr']?.page_count).toBe(indexed.length);
  expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
});
