import { isAbsolute, relative, resolve } from 'node:path';
import { isoParis } from '../../src/lib/dates.ts';
import { samePseudonym } from '../../src/lib/pseudonyms.ts';
import { appendBarred, barredFile, readBarred } from './barred.ts';
import {
  answeredComment,
  articleTitles,
  pendingComments,
  readAllComments,
  readComment,
  type StoredComment,
} from './comments.ts';
import { cleanReason, decide, type Decision } from './decisions.ts';
import { ModerationError } from './errors.ts';
import { previewPage } from './preview.ts';
import { htmlToText, renderComment } from './render.ts';
import { formatPending, formatShow } from './report.ts';
import { oneLine, shellQuote, shownPath } from './terminal.ts';
import { writeAtomically } from './write.ts';

/** Where the content is and what time it is: passed in, so that tests choose both. */
export interface Context {
  root: string;
  now: Date;
}

/** What a command has to say: for the standard output, for the error output, and whether all went well. */
export interface Report {
  stdout: string;
  stderr: string;
  ok: boolean;
}

const done = (stdout: string): Report => ({ stdout, stderr: '', ok: true });

/** The commit to make, as a command to paste. */
function commitHint(path: string, message: string): string {
  const file = shellQuote(shownPath(path));
  return `À enregistrer : git add ${file} && git commit -m ${shellQuote(oneLine(message))} -- ${file}`;
}

/** `list`: the pending comments, oldest first; files that cannot be read are named on the error output. */
export function listPending(context: Context): Report {
  const { comments, unreadable } = readAllComments(context.root);
  const stdout = formatPending(pendingComments(comments), articleTitles(context.root), context.now);
  const stderr = unreadable.map((file) => `illisible : ${file.message}`).join('\n');
  return { stdout, stderr, ok: unreadable.length === 0 };
}

/** `show`: one comment in full, rendered by the site's pipeline; with `htmlFile`, a preview page too. */
export async function showComment(context: Context, id: string, htmlFile?: string): Promise<Report> {
  const comment = readComment(context.root, id);
  const preview = htmlFile === undefined ? undefined : previewTarget(context.root, htmlFile);
  const parent = answeredComment(comment, readAllComments(context.root, comment.folder).comments);
  const articleTitle = articleTitles(context.root)(comment.folder);
  const html = await renderComment(comment);
  let stdout = formatShow({ comment, articleTitle, parent, html, text: htmlToText(html), now: context.now });
  if (preview !== undefined) {
    writeAtomically(preview, previewPage(comment, html, articleTitle));
    stdout += `\n\nAperçu écrit dans ${shownPath(preview)} : ouvrez-le dans un navigateur.`;
  }
  return done(stdout);
}

/** A preview goes to an `.html` file outside the content, so that it can never overwrite a comment. */
function previewTarget(root: string, file: string): string {
  const path = resolve(file);
  const inside = relative(resolve(root), path);
  if (!/\.html?$/i.test(path)) {
    throw new ModerationError(
      `--html ${file} : le fichier d'aperçu doit finir par .html, par exemple --html apercu.html`,
    );
  }
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new ModerationError(
      `--html ${file} : l'aperçu ne peut pas être écrit dans le dossier du contenu ; choisissez un autre dossier`,
    );
  }
  return path;
}

/** `approve`, `reject`, `feature`, `unfeature`: changes the comment's frontmatter and says what changed. */
export function decideOn(context: Context, decision: Decision, id: string, reason?: string): Report {
  const comment = readComment(context.root, id);
  const siblings: StoredComment[] = readAllComments(context.root, comment.folder).comments;
  const outcome = decide(comment, decision, reason, siblings);
  if (outcome.text === undefined) return done(outcome.summary);
  writeAtomically(comment.path, outcome.text, comment.source);
  const notes = outcome.notes.map((note) => `  ${note}`);
  return done([outcome.summary, ...notes, commitHint(comment.path, outcome.commitMessage)].join('\n'));
}

/** `bar`: adds a pseudonym to the barred list, dated today (Paris), and names its comments still pending. */
export function bar(context: Context, pseudonym: string, reason: string | undefined): Report {
  const name = oneLine(pseudonym);
  const motive = cleanReason(reason, `exclure « ${name} »`);
  const path = barredFile(context.root);
  const current = readBarred(context.root);
  const since = isoParis(context.now).slice(0, 'YYYY-MM-DD'.length);
  writeAtomically(path, appendBarred(current, shownPath(path), name, motive, since), current.text);
  const pending = pendingComments(readAllComments(context.root).comments).filter((comment) =>
    samePseudonym(comment.pseudonym, name),
  );
  const lines = [`${shownPath(path)} : « ${name} » exclu depuis le ${since} (motif : « ${motive} »)`];
  if (pending.length > 0) {
    lines.push(
      `  ses commentaires encore en attente : ${pending.map((comment) => comment.id).join(', ')} (npm run moderate -- reject <id> --reason "…")`,
    );
  }
  lines.push(commitHint(path, `Modération : exclut « ${name} » des commentaires`));
  return done(lines.join('\n'));
}
