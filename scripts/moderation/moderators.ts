/**
 * `npm run moderate -- add-moderator <nom>` and `remove-moderator <nom>`: the accounts of the
 * moderation desk (docs/moderation-desk.md), in `KIOSQUE_MODERATORS_FILE`.
 */
import { parseArgs } from 'node:util';
import {
  AccountError,
  addModerator,
  checkNewAccount,
  moderatorsFile,
  removeModerator,
} from '../../services/comments/desk/accounts.ts';

export const MODERATOR_COMMANDS = ['add-moderator', 'remove-moderator'];

export const MODERATOR_USAGE = `  add-moderator <nom> [--remplacer]    crée un compte du bureau de modération (mot de passe demandé deux fois ;
                                       sans terminal, lu sur une ligne de l'entrée standard)
  remove-moderator <nom>               supprime ce compte`;

/** Reads a line typed at the terminal without showing it. */
function askHidden(prompt: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          stdout.write('\n');
          return resolve(typed);
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          stdout.write('\n');
          return reject(new AccountError('annulé'));
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of the standard input, for scripts and tests. */
async function firstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function password(name: string, existing: boolean): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await firstLine();
    if (line === '') throw new AccountError('aucun mot de passe lu sur l’entrée standard ; rien n’a changé');
    return line;
  }
  const first = await askHidden(`${existing ? 'Nouveau mot de passe' : 'Mot de passe'} de « ${name} » : `);
  if (first === '') throw new AccountError('aucun mot de passe saisi ; rien n’a changé');
  const again = await askHidden('Le même, encore une fois : ');
  if (first !== again) throw new AccountError('les deux mots de passe diffèrent ; rien n’a changé');
  return first;
}

/** Runs one account command; returns what to print, or throws an `AccountError`. */
export async function runModeratorCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { remplacer: { type: 'boolean', default: false } },
  });
  const [command, name, ...extra] = positionals;
  if (name === undefined || extra.length > 0) {
    throw new AccountError(`${command} attend un nom, entre guillemets s'il a des espaces`);
  }
  const file = moderatorsFile(process.env);
  if (command === 'remove-moderator') {
    removeModerator(file, name);
    return `Compte « ${name.trim()} » supprimé de ${file} ; ses sessions ouvertes ne valent plus rien.`;
  }
  const existing = checkNewAccount(file, { name, replace: values.remplacer }) === 'existing';
  const outcome = await addModerator(file, {
    name,
    password: await password(name.trim(), existing),
    replace: values.remplacer,
    now: new Date(),
  });
  return outcome === 'added'
    ? `Compte « ${name.trim()} » créé dans ${file}.`
    : `Mot de passe de « ${name.trim()} » remplacé dans ${file}.`;
}
