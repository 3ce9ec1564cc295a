/**
 * `npm run new`: writes a new draft article under `KIOSQUE_CONTENT_DIR` (`./content` by
 * default), asking for what the flags do not give. The checks and the file's text are made in
 * `src/lib/new-article.ts`; this file asks and writes.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/content/root.ts';
import {
  canonicalTags,
  planArticle,
  readNewsroom,
  readTags,
  resolveChoice,
  type Choice,
  type NewArticleAnswers,
} from '../src/lib/new-article.ts';
import { french, frenchSpacing } from '../src/lib/typography.ts';

const USAGE = `Usage : npm run new -- [options]

Crée content/articles/<adresse>.md en brouillon (draft: true), daté de maintenant, heure de Paris.
Sans option, pose les questions ; chaque option répond à l'une d'elles :

  --titre "…"       le titre ; l'adresse en est tirée (accents et ponctuation retirés)
  --chapo "…"       une ou deux phrases sous le titre
  --rubrique id     un fichier de content/sections/, par exemple economie
  --auteur id       un fichier de content/authors/ ; répétez-la pour plusieurs auteurs
  --agence nom      une agence ou une source, par exemple AFP
  --tag mot         un sujet ; répétez-la pour plusieurs
  --slug adresse    l'adresse, si celle tirée du titre ne convient pas
  --oui             ne pose aucune question : échoue si une réponse obligatoire manque
  --aide            cette aide`;

class NewArticleError extends Error {}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        titre: { type: 'string' },
        chapo: { type: 'string' },
        rubrique: { type: 'string' },
        auteur: { type: 'string', multiple: true },
        agence: { type: 'string' },
        tag: { type: 'string', multiple: true },
        slug: { type: 'string' },
        oui: { type: 'boolean' },
        aide: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // `parseArgs` explains in English; the editor reads French.
    const option = /'(--?[\w-]+)/.exec(String(error))?.[1] ?? '';
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new NewArticleError(french`option inconnue ${option} (voir --aide)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new NewArticleError(french`${option} attend une valeur (voir --aide)`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new NewArticleError('mettez le titre entre guillemets après --titre (voir --aide)');
    throw error;
  }
}

/**
 * Asks on the terminal, or reads the answers piped in, one a line. The lines are read as a
 * stream rather than through `question()`, which loses the lines a pipe delivers before it asks.
 */
function questions() {
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = terminal[Symbol.asyncIterator]();
  return {
    ask: async (prompt: string): Promise<string> => {
      // Readline's own prompt, so that editing the answer on a terminal redraws it with the line.
      terminal.setPrompt(`${frenchSpacing(prompt)} `);
      terminal.prompt();
      const line = await lines.next();
      if (line.done === true) throw new NewArticleError('les réponses se sont arrêtées avant la fin des questions');
      return line.value.trim();
    },
    close: () => terminal.close(),
  };
}

const menu = (choices: readonly Choice[]) =>
  choices.map((choice, index) => `  ${index + 1}. ${choice.id} (${choice.name})`).join('\n');

const splitList = (answer: string) =>
  answer
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');

/** Now, or `KIOSQUE_NOW` (an ISO date), the fixed clock the site's tests build with. */
function now(): Date {
  const fixed = process.env['KIOSQUE_NOW'];
  if (fixed === undefined || fixed === '') return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime()))
    throw new NewArticleError(
      french`KIOSQUE_NOW : une date ISO est attendue, par exemple 2026-12-07T09:30:00+01:00, pas « ${fixed} »`,
    );
  return date;
}

async function main(args: string[]): Promise<void> {
  const flags = options(args);
  if (flags.aide === true) {
    // Spaced the French way; quotes stay straight, as the shell wants them.
    console.log(frenchSpacing(USAGE));
    return;
  }
  const newsroom = readNewsroom(contentRoot);
  const answers: NewArticleAnswers = {
    title: flags.titre ?? '',
    standfirst: flags.chapo ?? '',
    section: flags.rubrique ?? '',
    authors: flags.auteur ?? [],
    source: flags.agence,
    tags: flags.tag ?? [],
    slug: flags.slug,
  };
  let existingTags: string[] = [];
  if (flags.oui !== true) {
    const { ask, close } = questions();
    try {
      if (flags.titre === undefined) answers.title = await ask('Titre ?');
      if (flags.chapo === undefined) answers.standfirst = await ask('Chapô (une ou deux phrases sous le titre) ?');
      if (flags.rubrique === undefined) {
        console.log(french`Rubriques :\n${menu(newsroom.sections)}`);
        const answer = await ask('Rubrique (numéro ou nom) ?');
        answers.section = resolveChoice(answer, newsroom.sections) ?? answer;
      }
      if (flags.auteur === undefined && flags.agence === undefined) {
        console.log(french`Auteurs :\n${menu(newsroom.authors)}`);
        const answer = await ask('Auteurs (numéros ou noms, séparés par des virgules ; vide pour une dépêche) ?');
        answers.authors = splitList(answer).map((name) => resolveChoice(name, newsroom.authors) ?? name);
        if (answers.authors.length === 0) answers.source = await ask('Agence (par exemple AFP) ?');
      }
      if (flags.tag === undefined) {
        existingTags = readTags(contentRoot);
        if (existingTags.length > 0)
          console.log(french`Sujets les plus employés : ${existingTags.slice(0, 15).join(', ')}`);
        answers.tags = splitList(await ask('Sujets (séparés par des virgules ; un nouveau sujet est accepté) ?'));
      }
    } finally {
      close();
    }
  }
  if (answers.tags.length > 0)
    answers.tags = canonicalTags(answers.tags, existingTags.length > 0 ? existingTags : readTags(contentRoot));

  const plan = planArticle(answers, newsroom, now());
  if (!plan.ok) {
    throw new NewArticleError(
      plan.problems.length === 1
        ? `${plan.problems[0]}`
        : french`l'article n'est pas créé :\n${plan.problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  const file = join(contentRoot, plan.file);
  // Checked again at the last moment: another editor may have taken the address meanwhile.
  if (existsSync(file))
    throw new NewArticleError(
      french`${relative(process.cwd(), file)} existe déjà : choisissez une autre adresse avec --slug`,
    );
  mkdirSync(join(contentRoot, 'articles'), { recursive: true });
  writeFileSync(file, plan.text, { flag: 'wx' });
  console.log(french`Brouillon créé : ${relative(process.cwd(), file)}`);
  console.log(french`Avec npm run dev, il est à l'adresse ${plan.url}`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof NewArticleError)) throw error;
  console.error(french`Erreur : ${error.message}`);
  process.exitCode = 1;
}
