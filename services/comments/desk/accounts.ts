import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeAtomically } from '../../moderation/write.ts';

/**
 * A password as stored: scrypt's parameters with the salt and the derived key, so that the
 * parameters can be raised later without locking out the accounts made before.
 */
export interface PasswordHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface Moderator {
  name: string;
  password: PasswordHash;
  createdAt: string;
}

/** A refusal to show the person at the terminal, in French. */
export class AccountError extends Error {}

/** About 50 ms and 16 MB per check on a server core: slow for a guesser, quick for a moderator. */
const COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return { algorithm: 'scrypt', ...COST, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Checked against when the account does not exist, so that the answer takes as long. */
let decoy: Promise<PasswordHash> | undefined;
export function decoyHash(): Promise<PasswordHash> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/** A name as it signs commits: letters, digits, spaces and . _ - ; 2 to 40 characters. */
function checkName(name: string): string {
  const clean = name.normalize('NFC').trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{1,39}$/u.test(clean)) {
    throw new AccountError(
      `nom « ${clean} » : de 2 à 40 caractères, lettres, chiffres, espaces, points, tirets ou soulignés`,
    );
  }
  return clean;
}

function checkPassword(password: string): void {
  if (password.trim() === '') {
    throw new AccountError('mot de passe fait seulement d’espaces : choisissez-en un avec des lettres ou des chiffres');
  }
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AccountError(`mot de passe trop court : ${MIN_PASSWORD_LENGTH} caractères au moins`);
  }
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');

/** The accounts in the file, and its text to check nobody changed it before writing; a missing file is no account. */
function readModerators(file: string): { moderators: Moderator[]; text: string | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { moderators: [], text: null };
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AccountError(`${file} : ce n'est pas du JSON valide ; corrigez-le ou recréez les comptes`);
  }
  const list = (parsed as { moderators?: unknown } | null)?.moderators;
  if (!Array.isArray(list)) throw new AccountError(`${file} : le champ moderators (une liste) manque`);
  return { moderators: list as Moderator[], text };
}

/** How many accounts the file holds; none when it does not exist. */
export function moderatorCount(file: string): number {
  return readModerators(file).moderators.length;
}

export function findModerator(file: string, name: string): Moderator | undefined {
  return readModerators(file).moderators.find((moderator) => sameName(moderator.name, name.normalize('NFC').trim()));
}

/**
 * What changes whenever the account's password is set, by a replacement or by the account's
 * removal and re-creation (a fresh salt each time): a session opened before is no longer its.
 */
export function accountVersion(moderator: Moderator): string {
  return createHash('sha256').update(`${moderator.password.salt}:${moderator.password.hash}`).digest('base64url');
}

/**
 * Writes the list readable by its owner only, never half-written, and only over the text read
 * (`null`: the file did not exist), so that two commands at once cannot lose an account.
 */
function writeModerators(file: string, moderators: readonly Moderator[], previous: string | null): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeAtomically(file, `${JSON.stringify({ moderators }, null, 2)}\n`, previous, 0o600);
}

const nameTaken = (name: string) =>
  new AccountError(`le compte « ${name} » existe déjà (--remplacer pour changer son mot de passe)`);

/**
 * Whether `name` may get an account: a valid name, free or to be replaced. `add-moderator`
 * asks it before the password, so that a refusal comes before the typing; `addModerator`
 * checks again when it writes, for a file changed meanwhile.
 */
export function checkNewAccount(file: string, input: { name: string; replace: boolean }): 'new' | 'existing' {
  const name = checkName(input.name);
  const existing = readModerators(file).moderators.find((moderator) => sameName(moderator.name, name));
  if (existing !== undefined && !input.replace) {
    throw nameTaken(existing.name);
  }
  return existing === undefined ? 'new' : 'existing';
}

/** Adds an account, or replaces its password when `replace` is set; refuses an existing name otherwise. */
export async function addModerator(
  file: string,
  input: { name: string; password: string; replace: boolean; now: Date },
): Promise<'added' | 'replaced'> {
  const name = checkName(input.name);
  checkPassword(input.password);
  const password = await hashPassword(input.password);
  const { moderators, text } = readModerators(file);
  const index = moderators.findIndex((moderator) => sameName(moderator.name, name));
  if (index >= 0 && !input.replace) {
    throw nameTaken(moderators[index]!.name);
  }
  const account = { name, password, createdAt: input.now.toISOString() };
  writeModerators(file, index >= 0 ? moderators.with(index, account) : [...moderators, account], text);
  return index >= 0 ? 'replaced' : 'added';
}

export function removeModerator(file: string, name: string): void {
  const { moderators, text } = readModerators(file);
  const kept = moderators.filter((moderator) => !sameName(moderator.name, name.trim()));
  if (kept.length === moderators.length) throw new AccountError(`pas de compte « ${name.trim()} » dans ${file}`);
  writeModerators(file, kept, text);
}

/** `KIOSQUE_MODERATORS_FILE`, or `.kiosque/moderateurs.json` in the working folder: outside the content and git. */
export function moderatorsFile(env: NodeJS.ProcessEnv): string {
  const file = env['KIOSQUE_MODERATORS_FILE'];
  return resolve(file === undefined || file === '' ? '.kiosque/moderateurs.json' : file);
}
