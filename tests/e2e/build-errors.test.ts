import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, root } from './site';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-broken-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds a copy of the sample content after `breakIt` has damaged it, as an editor might. */
function buildBroken(name: string, breakIt: (content: string) => void) {
  const content = join(scratch, name, 'content');
  cpSync(join(root, 'content'), content, { recursive: true });
  breakIt(content);
  return buildSite(['--outDir', join(scratch, name, 'dist')], {
    KIOSQUE_CONTENT_DIR: content,
    KIOSQUE_CACHE_DIR: join(scratch, name, 'cache'),
  });
}

function edit(file: string, change: (text: string) => string) {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('a mistake in the content stops the build with a message naming the file and the field', () => {
  test('a missing title', () => {
    const result = buildBroken('no-title', (content) => {
      edit(join(content, 'articles/velo-trajets-domicile-travail.md'), (text) => text.replace(/^title:.*\n/m, ''));
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/articles → velo-trajets-domicile-travail data does not match collection schema/);
    expect(result.output).toMatch(/title: Required/);
    expect(result.output).toContain('content/articles/velo-trajets-domicile-travail.md');
  });

  test('an invalid date', () => {
    const result = buildBroken('bad-date', (content) => {
      edit(join(content, 'articles/velo-trajets-domicile-travail.md'), (text) =>
        text.replace(/^publishedAt:.*$/m, 'publishedAt: le 3 novembre'),
      );
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/publishedAt: expected a date like 2026-11-28T17:05:00\+01:00, got "le 3 novembre"/);
    expect(result.output).toContain('content/articles/velo-trajets-domicile-travail.md');
  });

  test('references to missing sections, authors, articles and comments', () => {
    const result = buildBroken('references', (content) => {
      edit(join(content, 'articles/velo-trajets-domicile-travail.md'), (text) =>
        text.replace(/^section:.*$/m, 'section: sport').replace(/^authors:.*$/m, 'authors: [jean-inconnu]'),
      );
      edit(
        join(content, 'articles/bnf-archives-sonores-en-ligne.md'),
        (text) => `${text}\n::lire-aussi{article="article-fantome"}\n`,
      );
      edit(join(content, 'articles/chili-secheresse-rationnement-eau.md'), (text) =>
        text.replace(/^related:.*$/m, 'related: [article-disparu]'),
      );
      edit(join(content, 'comments/assistants-vocaux-ecoutes-prestataires/c05.md'), (text) =>
        text.replace(/^replyTo:.*$/m, 'replyTo: cop31-financement-climat-impasse/c01'),
      );
      edit(join(content, 'comments/assistants-vocaux-ecoutes-prestataires/c06.md'), (text) =>
        text.replace(/^publishedAt:/m, 'replyTo: c42\npublishedAt:'),
      );
      edit(join(content, 'comments/cop31-financement-climat-impasse/c02.md'), (text) =>
        text.replace(/^article:.*$/m, 'article: article-inconnu'),
      );
    });
    expect(result.status).not.toBe(0);
    const lines = [
      /articles\/velo-trajets-domicile-travail\.md: section: unknown section "sport"/,
      /articles\/velo-trajets-domicile-travail\.md: authors: unknown author "jean-inconnu"/,
      /articles\/bnf-archives-sonores-en-ligne\.md: body: ::lire-aussi names no article "article-fantome"/,
      /articles\/chili-secheresse-rationnement-eau\.md: related: no article "article-disparu"/,
      /comments\/assistants-vocaux-ecoutes-prestataires\/c05\.md: replyTo: "cop31-financement-climat-impasse\/c01" is a comment on another article/,
      /comments\/assistants-vocaux-ecoutes-prestataires\/c06\.md: replyTo: no comment "c42"/,
      /comments\/cop31-financement-climat-impasse\/c02\.md: article: no article "article-inconnu"/,
    ];
    for (const line of lines) expect(result.output).toMatch(line);
  });

  test('a live message beside an article that is no live, or dated before its live began', () => {
    const result = buildBroken('live', (content) => {
      mkdirSync(join(content, 'live/velo-trajets-domicile-travail'));
      writeFileSync(
        join(content, 'live/velo-trajets-domicile-travail/0900.md'),
        '---\npublishedAt: 2026-11-29T09:00:00+01:00\nsource: AFP\n---\n\nUn message.\n',
      );
      edit(join(content, 'live/tempete-berenice-vents-violents-ouest/0645-vigilance-rouge.md'), (text) =>
        text.replace(/^publishedAt:.*$/m, 'publishedAt: 2026-11-28T06:45:00+01:00'),
      );
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /live\/velo-trajets-domicile-travail\/0900\.md: folder: "velo-trajets-domicile-travail" is not a live coverage: add `live: true` to \S*articles\/velo-trajets-domicile-travail\.md/,
    );
    expect(result.output).toMatch(
      /live\/tempete-berenice-vents-violents-ouest\/0645-vigilance-rouge\.md: publishedAt: 2026-11-28T06:45\+01:00 is earlier than the article's publication \(2026-11-29T06:30\+01:00\)/,
    );
  });

  test('a comment over 2,000 characters', () => {
    const result = buildBroken('long-comment', (content) => {
      appendFileSync(
        join(content, 'comments/assistants-vocaux-ecoutes-prestataires/c01.md'),
        `\n${'Trop long. '.repeat(200)}\n`,
      );
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /comments\/assistants-vocaux-ecoutes-prestataires\/c01\.md[\s\S]*body: the comment is \d+ characters long; the limit is 2000/,
    );
  });
});
