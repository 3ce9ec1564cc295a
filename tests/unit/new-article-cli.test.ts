import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/content/schemas/article';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Each run starts Node: about a second, more on a busy machine. */
const SLOW = { timeout: 60_000 };
const NBSP = '\u00A0';
const NNBSP = '\u202F';

// The image() helper only exists inside Astro's loader; a string stands in for it here.
const article = articleSchema({ image: () => z.string() } as never);

let dir: string;
let root: string;

/** `npm run new -- …` as an editor runs it, on the temporary content, answers piped in. */
function newArticle(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['scripts/new-article.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, KIOSQUE_CONTENT_DIR: root, KIOSQUE_NOW: '2026-12-07T09:30:00+01:00' },
    input,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function frontmatter(slug: string): Record<string, unknown> {
  const text = readFileSync(join(root, 'articles', `${slug}.md`), 'utf8');
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '') as Record<string, unknown>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-new-article-'));
  root = join(dir, 'content');
  cpSync(new URL('../../content/', import.meta.url), root, { recursive: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  test('with every answer as a flag, writes the draft and says where to read it', SLOW, () => {
    const run = newArticle([
      '--oui',
      '--titre',
      'Logement : les loyers des petites surfaces montent encore',
      '--chapo',
      'Une hausse de 3 % en un an.',
      '--rubrique',
      'economie',
      '--auteur',
      'claire-dumas',
      '--auteur',
      'lea-morvan',
      '--tag',
      'logement',
      '--tag',
      'Energie',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const file = join(root, 'articles', 'logement-les-loyers-des-petites-surfaces-montent-encore.md');
    expect(run.stdout).toBe(
      `Brouillon créé${NBSP}: ${relative(REPO, file)}\n` +
        `Avec npm run dev, il est à l'adresse http://localhost:4321/economie/logement-les-loyers-des-petites-surfaces-montent-encore/\n`,
    );
    const data = frontmatter('logement-les-loyers-des-petites-surfaces-montent-encore');
    // « Energie » is the archive's « énergie »: one tag, spelt as readers already see it.
    expect(data).toEqual({
      title: 'Logement : les loyers des petites surfaces montent encore',
      standfirst: 'Une hausse de 3 % en un an.',
      section: 'economie',
      authors: ['claire-dumas', 'lea-morvan'],
      publishedAt: '2026-12-07T09:30:00+01:00',
      tags: ['logement', 'énergie'],
      draft: true,
    });
    expect(article.safeParse(data).success).toBe(true);
    expect(existsSync(file)).toBe(true);

    const again = newArticle(['--oui', '--titre', 'Logement : les loyers des petites surfaces montent encore']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(
      `content/articles/logement-les-loyers-des-petites-surfaces-montent-encore.md existe déjà${NBSP}: choisissez un autre titre, ou une autre adresse avec --slug`,
    );
  });

  test('without --oui, asks what the flags do not say, answers read one a line', SLOW, () => {
    // Title, standfirst, section by number, no author, the agency, tags.
    const run = newArticle(
      [],
      'Le prix du pain recule\nUne première depuis trois ans.\n2\n\nAFP\nconsommation, Boulangerie\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Titre${NNBSP}? `);
    expect(run.stdout).toContain('  2. economie (Économie)\n');
    expect(run.stdout).toContain(`Agence (par exemple AFP)${NNBSP}? `);
    expect(run.stdout).toContain('http://localhost:4321/economie/le-prix-du-pain-recule/');
    const data = frontmatter('le-prix-du-pain-recule');
    expect(data).toMatchObject({
      section: 'economie',
      source: 'AFP',
      tags: ['consommation', 'Boulangerie'],
      draft: true,
    });
    expect(data).not.toHaveProperty('authors');
    expect(article.safeParse(data).success).toBe(true);
  });

  test('with --oui and answers missing, fails in French, lists them all, and writes nothing', SLOW, () => {
    const run = newArticle(['--oui', '--titre', 'Un titre sans le reste']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        `Erreur${NBSP}: l'article n'est pas créé${NBSP}:`,
        `  - le chapô manque${NBSP}: une ou deux phrases sous le titre (--chapo)`,
        `  - la rubrique manque (--rubrique, parmi${NBSP}: culture, economie, international, sciences, societe)`,
        `  - il faut au moins un auteur (--auteur) ou une agence (--agence, par exemple AFP)`,
        '',
      ].join('\n'),
    );
    expect(existsSync(join(root, 'articles', 'un-titre-sans-le-reste.md'))).toBe(false);
  });
});
