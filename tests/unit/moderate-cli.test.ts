import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PENDING = 'cop31-financement-climat-impasse/r20261129t101500-a1b2';
/** Each run starts Node and loads the Markdown pipeline: about a second, more on a busy machine. */
const SLOW = { timeout: 60_000 };

let dir: string;
let root: string;
const file = (id: string) => join(root, 'comments', `${id}.md`);

/** `npm run moderate -- …` as a moderator runs it, on the temporary content. */
function moderate(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/moderate.ts', ...args], {
    cwd: REPO,
    // git's user name, as a moderator's machine would have it, whatever this machine's config says.
    env: {
      ...process.env,
      KIOSQUE_CONTENT_DIR: root,
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'user.name',
      GIT_CONFIG_VALUE_0: 'Zoé Rédaction',
    },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosque-moderate-cli-'));
  root = join(dir, 'content');
  cpSync(new URL('../../content/', import.meta.url), root, { recursive: true });
  writeFileSync(
    file(PENDING),
    '---\narticle: cop31-financement-climat-impasse\npseudonym: Sirocco\npublishedAt: 2020-01-01T10:00:00Z\nstatus: pending\n---\n\nLe plus ancien.\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run moderate', () => {
  test('lists, approves, and refuses with a one-line error and exit code 1', SLOW, () => {
    const listed = moderate();
    expect(listed.code).toBe(0);
    expect(listed.stdout.indexOf(PENDING)).toBeLessThan(
      listed.stdout.indexOf('assistants-vocaux-ecoutes-prestataires/c07'),
    );
    expect(listed.stdout).toMatch(/Sirocco · il y a \d+ ans\n/);
    expect(listed.stdout.trimEnd().split('\n').at(-1)).toBe('2 commentaires en attente.');

    const before = readFileSync(file(PENDING), 'utf8');
    const refused = moderate('reject', PENDING);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toBe(
      `Erreur : rejeter ${PENDING} : --reason "…" est obligatoire (le motif est gardé dans le fichier)\n`,
    );
    expect(readFileSync(file(PENDING), 'utf8')).toBe(before);

    const unknown = moderate('approve', 'cop31-financement-climat-impasse/c99');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Erreur : commentaire inconnu « cop31-financement-climat-impasse\/c99 » .*\n$/);

    const approved = moderate('approve', PENDING, '--par', 'Claire Martin');
    expect(approved.code).toBe(0);
    expect(approved.stdout.split('\n')[0]).toBe(`${PENDING} : pending → published`);
    const [head, body] = readFileSync(file(PENDING), 'utf8').split('\n---\n');
    expect(`${head}\n---\n${body}`).toMatch(
      /\nstatus: published\nmoderation:\n {2}- decision: approve\n {4}by: Claire Martin\n {4}at: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00\n---\n/,
    );
    expect(body).toBe(before.split('\n---\n')[1]);
  });

  test('signs a decision with git’s user name when --par does not say', SLOW, () => {
    expect(moderate('reject', PENDING, '--reason', 'Hors sujet')).toMatchObject({ code: 0 });
    expect(readFileSync(file(PENDING), 'utf8')).toMatch(
      /\n {2}- decision: reject\n {4}by: Zoé Rédaction\n {4}at: [\dT:+-]+\n {4}reason: Hors sujet\n---\n/,
    );
  });

  test('explains itself, and refuses an unknown command or option', SLOW, () => {
    const help = moderate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('reject <article>/<id> --reason "…"');
    expect(help.stdout).toContain('--par "<nom>"');
    expect(moderate('list', '--par', 'Claire')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('list ne prend pas --par'),
    });
    expect(moderate('publish', PENDING)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('commande inconnue « publish »'),
    });
    expect(moderate('approve', PENDING, '--reason', 'x')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('approve ne prend pas --reason'),
    });
    expect(moderate('list', '--force')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('option inconnue --force'),
    });
  });
});
