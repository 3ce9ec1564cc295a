import { isAbsolute, relative, resolve } from 'node:path';
import { applyDecision, barReader, type Decision } from '../../services/moderation/apply.ts';
import { createArticleLookup } from '../../services/moderation/articles.ts';
import { answeredComment, pendingComments, readAllComments, readComment } from '../../services/moderation/comments.ts';
import { ModerationError } from '../../services/moderation/errors.ts';
import { renderComment } from '../../services/moderation/render.ts';
import { oneLine, shownPath } from '../../services/moderation/text.ts';
import { writeAtomically } from '../../services/moderation/write.ts';
import { htmlToText } from './html-text.ts';
import { previewPage } from './preview.ts';
import { formatBar, formatEffect, formatNote, formatPending, formatShow } from './report.ts';
import { shellQuote } from './terminal.ts';

/** Where the content is and what time it is: passed in, so that tests choose both. */
export interface Context {
  root: string;
  now: Date;
}

/** A context for a change, with the moderator's name (`--par`), recorded with it. */
export interface Signed extends Context {
  by: string;
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

/** An article's title by its slug, `undefined` when it cannot be found. */
function titleLookup(root: string): (slug: string) => string | undefined {
  const article = createArticleLookup(root);
  return (slug) => article(slug)?.title;
}

/** `list`: the pending comments, oldest first; files that cannot be read are named on the error output. */
export function listPending(context: Context): Report {
  const { comments, unreadable } = readAllComments(context.root);
  const stdout = formatPending(pendingComments(comments), titleLookup(context.root), context.now);
  const stderr = unreadable.map((file) => `illisible : ${file.message}`).join('\n');
  return { stdout, stderr, ok: unreadable.length === 0 };
}

/** `show`: one comment in full, rendered by the site's pipeline; with `htmlFile`, a preview page too. */
export async function showComment(context: Context, id: string, htmlFile?: string): Promise<Report> {
  const comment = readComment(context.root, id);
  const preview = htmlFile === undefined ? undefined : previewTarget(context.root, htmlFile);
  const parent = answeredComment(comment, readAllComments(context.root, comment.folder).comments);
  const articleTitle = titleLookup(context.root)(comment.folder);
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
export function decideOn(context: Signed, decision: Decision, id: string, reason?: string): Report {
  const result = applyDecision(context.root, { id, decision, reason, by: context.by, at: context.now });
  const summary = result.effects.map((effect) => formatEffect(result.id, effect)).join(' ; ');
  if (!result.changed) return done(summary);
  const notes = result.notes.map((note) => `  ${formatNote(note)}`);
  return done([summary, ...notes, commitHint(result.path, result.commitMessage)].join('\n'));
}

/** `bar`: adds a pseudonym to the barred list, dated today (Paris), and names its comments still pending. */
export function bar(context: Signed, pseudonym: string, reason: string | undefined): Report {
  const result = barReader(context.root, { pseudonym, reason: reason ?? '', by: context.by, at: context.now });
  if (!result.changed) throw new ModerationError(formatBar(result));
  const lines = [formatBar(result)];
  if (result.pending.length > 0) {
    lines.push(
      `  ses commentaires encore en attente : ${result.pending.join(', ')} (npm run moderate -- reject <id> --reason "…")`,
    );
  }
  lines.push(commitHint(result.path, result.commitMessage));
  return done(lines.join('\n'));
}
