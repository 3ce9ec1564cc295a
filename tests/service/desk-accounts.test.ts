import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { root } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kiosque-accounts-'));
const file = join(scratch, 'prive', 'moderateurs.json');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npm run moderate -- <args>` with the password on its standard input, as a script gives it. */
function moderate(input: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/moderate.ts'), ...args], {
    cwd: root,
    env: { ...process.env, KIOSQUE_MODERATORS_FILE: file },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

test('add-moderator stores a salted scrypt hash, never the password, in a file only its owner reads', () => {
  const password = 'cheval agrafe batterie correcte';
  const added = moderate(`${password}\n`, 'add-moderator', 'Claire Martin');
  expect(added).toEqual({ status: 0, out: `Compte « Claire Martin » créé dans ${file}.\n` });
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(password);
  const [account] = (JSON.parse(text) as { moderators: { name: string; password: Record<string, unknown> }[] })
    .moderators;
  expect(account?.name).toBe('Claire Martin');
  expect(account?.password).toMatchObject({ algorithm: 'scrypt', N: 16384, r: 8, p: 1 });
  expect(Buffer.from(String(account?.password['salt']), 'base64')).toHaveLength(16);
});

test('add-moderator refuses a short password and an existing name, unless --remplacer', () => {
  expect(moderate('court\n', 'add-moderator', 'Malik')).toEqual({
    status: 1,
    out: 'Erreur : mot de passe trop court : 12 caractères au moins\n',
  });
  const before = readFileSync(file, 'utf8');
  const again = moderate('un autre mot de passe long\n', 'add-moderator', 'claire martin');
  expect(again.status).toBe(1);
  expect(again.out).toContain('le compte « Claire Martin » existe déjà (--remplacer pour changer son mot de passe)');
  expect(readFileSync(file, 'utf8')).toBe(before);
  expect(moderate('un autre mot de passe long\n', 'add-moderator', 'Claire Martin', '--remplacer').status).toBe(0);
  expect(readFileSync(file, 'utf8')).not.toBe(before);
});

test('add-moderator refuses an existing name before any password is read, and with --remplacer reads one', () => {
  const taken = moderate('', 'add-moderator', 'CLAIRE MARTIN');
  expect(taken).toEqual({
    status: 1,
    out: 'Erreur : le compte « Claire Martin » existe déjà (--remplacer pour changer son mot de passe)\n',
  });
  expect(moderate('', 'add-moderator', 'Claire Martin', '--remplacer')).toEqual({
    status: 1,
    out: 'Erreur : aucun mot de passe lu sur l’entrée standard ; rien n’a changé\n',
  });
});

test('add-moderator says when no password was given, and refuses one made only of spaces', () => {
  const before = readFileSync(file, 'utf8');
  for (const input of ['', '\n']) {
    expect(moderate(input, 'add-moderator', 'Inès'), JSON.stringify(input)).toEqual({
      status: 1,
      out: 'Erreur : aucun mot de passe lu sur l’entrée standard ; rien n’a changé\n',
    });
  }
  for (const spaces of [' '.repeat(12), '\u00A0'.repeat(6) + '\t'.repeat(6)]) {
    expect(moderate(`${spaces}\n`, 'add-moderator', 'Inès')).toEqual({
      status: 1,
      out: 'Erreur : mot de passe fait seulement d’espaces : choisissez-en un avec des lettres ou des chiffres\n',
    });
  }
  expect(readFileSync(file, 'utf8')).toBe(before);
});

test('remove-moderator deletes the account, and says so when there is none', () => {
  expect(moderate('', 'remove-moderator', 'Claire Martin').status).toBe(0);
  expect(readFileSync(file, 'utf8')).not.toContain('Claire Martin');
  const none = moderate('', 'remove-moderator', 'Claire Martin');
  expect(none.status).toBe(1);
  expect(none.out).toContain('pas de compte « Claire Martin »');
});
