/**
 * `npm run moderate`: the moderators' tool for reader comments (docs/comments.md,
 * « Moderation »). Reads and edits the comment files under `KIOSQUE_CONTENT_DIR`
 * (`./content` by default); never deletes one. The changes are made by the module the desk
 * shares, `services/moderation/`; `scripts/moderation/` prints them.
 */
import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/content/root.ts';
import { bar, decideOn, listPending, showComment, type Context, type Report } from './moderation/commands.ts';
import { ModerationError } from '../services/moderation/errors.ts';
import { oneLine } from '../services/moderation/text.ts';
import { MODERATOR_COMMANDS, MODERATOR_USAGE, runModeratorCommand } from './moderation/moderators.ts';
import { AccountError } from '../services/comments/desk/accounts.ts';

const USAGE = `Usage : npm run moderate -- <commande>

  list                                 les commentaires en attente, du plus ancien au plus récent (par défaut)
  show <article>/<id> [--html f.html]  un commentaire en entier, rendu comme les lecteurs le verront
                                       (--html : une page d'aperçu à ouvrir dans un navigateur)
  approve <article>/<id>               le publie (pending ou rejected → published)
  reject <article>/<id> --reason "…"   le rejette, avec le motif
  feature <article>/<id>               le met dans la « Sélection de la rédaction » (publié seulement)
  unfeature <article>/<id>             l'en retire
  bar "<pseudonyme>" --reason "…"      ajoute le pseudonyme à barred.yaml
${MODERATOR_USAGE}
  help                                 cette aide

  --par "<nom>"                        qui décide, inscrit avec la date dans le fichier (approve, reject,
                                       feature, unfeature, bar) ; par défaut le nom de git config user.name,
                                       sinon celui de la session

Un identifiant est <dossier de l'article>/<nom du fichier sans .md>, par exemple velo-trajets/c07.
Le contenu est lu dans KIOSQUE_CONTENT_DIR (./content par défaut). Chaque changement modifie un
fichier ; enregistrez-le avec git, la prochaine construction du site le publie.`;

/** Which options each command takes, and how many words after it. */
const COMMANDS: Record<string, { options: readonly string[]; argument?: string }> = {
  list: { options: [] },
  show: { options: ['html'], argument: '<article>/<id>' },
  approve: { options: ['par'], argument: '<article>/<id>' },
  reject: { options: ['reason', 'par'], argument: '<article>/<id>' },
  feature: { options: ['par'], argument: '<article>/<id>' },
  unfeature: { options: ['par'], argument: '<article>/<id>' },
  bar: { options: ['reason', 'par'], argument: '"<pseudonyme>"' },
};

function fail(message: string): never {
  throw new ModerationError(`${message} (aide : npm run moderate -- help)`);
}

/** `parseArgs` explains in English; the moderator reads French. */
function argumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
  switch ((error as { code?: unknown }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `option inconnue ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${option} attend une valeur, par exemple ${option} "…"`;
    default:
      return message;
  }
}

/** Who runs the tool when `--par` does not say: git's user name, else the system account's. */
function defaultModerator(): string {
  const git = spawnSync('git', ['config', 'user.name'], { encoding: 'utf8' });
  const name = git.status === 0 ? git.stdout.trim() : '';
  if (name !== '') return name;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

async function run(args: string[], context: Context): Promise<Report> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        reason: { type: 'string' },
        html: { type: 'string' },
        par: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return fail(argumentError(error));
  }
  const { values, positionals } = parsed;
  const [command = 'list', argument, ...extra] = positionals;
  if (values.help === true || command === 'help') return { stdout: USAGE, stderr: '', ok: true };
  const spec = COMMANDS[command];
  if (spec === undefined) fail(`commande inconnue « ${command} »`);
  for (const option of ['reason', 'html', 'par'] as const) {
    if (values[option] !== undefined && !spec.options.includes(option)) fail(`${command} ne prend pas --${option}`);
  }
  if (spec.argument === undefined && argument !== undefined)
    fail(`${command} ne prend pas d'argument (reçu « ${argument} »)`);
  if (spec.argument !== undefined && argument === undefined) fail(`${command} attend ${spec.argument}`);
  if (extra.length > 0)
    fail(`${command} ne prend qu'un argument (en trop : ${extra.join(' ')}) ; entourez un pseudonyme de guillemets`);

  const signed = () => ({ ...context, by: values.par ?? defaultModerator() });
  switch (command) {
    case 'show':
      return showComment(context, argument!, values.html);
    case 'approve':
    case 'reject':
    case 'feature':
    case 'unfeature':
      return decideOn(signed(), command, argument!, values.reason);
    case 'bar':
      return bar(signed(), argument!, values.reason);
    default:
      return listPending(context);
  }
}

try {
  const args = process.argv.slice(2);
  const report = MODERATOR_COMMANDS.includes(args[0] ?? '')
    ? { stdout: await runModeratorCommand(args), stderr: '', ok: true }
    : await run(args, { root: contentRoot, now: new Date() });
  if (report.stdout !== '') console.log(report.stdout);
  if (report.stderr !== '') console.error(report.stderr);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof ModerationError || error instanceof AccountError)) throw error;
  console.error(`Erreur : ${oneLine(error.message)}`);
  process.exitCode = 1;
}
