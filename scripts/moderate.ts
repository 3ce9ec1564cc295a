/**
 * `npm run moderate`: the moderators' tool for reader comments (docs/comments.md,
 * « Moderation »). Reads and edits the comment files under `KIOSQUE_CONTENT_DIR`
 * (`./content` by default); never deletes one. The work is done in `scripts/moderation/`.
 */
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/content/root.ts';
import { bar, decideOn, listPending, showComment, type Context, type Report } from './moderation/commands.ts';
import { ModerationError } from './moderation/errors.ts';
import { MODERATOR_COMMANDS, MODERATOR_USAGE, runModeratorCommand } from './moderation/moderators.ts';
import { oneLine } from './moderation/terminal.ts';
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

Un identifiant est <dossier de l'article>/<nom du fichier sans .md>, par exemple velo-trajets/c07.
Le contenu est lu dans KIOSQUE_CONTENT_DIR (./content par défaut). Chaque changement modifie un
fichier ; enregistrez-le avec git, la prochaine construction du site le publie.`;

/** Which options each command takes, and how many words after it. */
const COMMANDS: Record<string, { options: readonly string[]; argument?: string }> = {
  list: { options: [] },
  show: { options: ['html'], argument: '<article>/<id>' },
  approve: { options: [], argument: '<article>/<id>' },
  reject: { options: ['reason'], argument: '<article>/<id>' },
  feature: { options: [], argument: '<article>/<id>' },
  unfeature: { options: [], argument: '<article>/<id>' },
  bar: { options: ['reason'], argument: '"<pseudonyme>"' },
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

async function run(args: string[], context: Context): Promise<Report> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        reason: { type: 'string' },
        html: { type: 'string' },
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
  for (const option of ['reason', 'html'] as const) {
    if (values[option] !== undefined && !spec.options.includes(option)) fail(`${command} ne prend pas --${option}`);
  }
  if (spec.argument === undefined && argument !== undefined)
    fail(`${command} ne prend pas d'argument (reçu « ${argument} »)`);
  if (spec.argument !== undefined && argument === undefined) fail(`${command} attend ${spec.argument}`);
  if (extra.length > 0)
    fail(`${command} ne prend qu'un argument (en trop : ${extra.join(' ')}) ; entourez un pseudonyme de guillemets`);

  switch (command) {
    case 'show':
      return showComment(context, argument!, values.html);
    case 'approve':
    case 'reject':
    case 'feature':
    case 'unfeature':
      return decideOn(context, command, argument!, values.reason);
    case 'bar':
      return bar(context, argument!, values.reason);
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
