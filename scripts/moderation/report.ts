import { formatDateTime } from '../../src/lib/dates.ts';
import { STATUS_LABEL, type StoredComment, type TrailEntry } from '../../services/moderation/comments.ts';
import type { BarResult, Effect, Note } from '../../services/moderation/apply.ts';
import { oneLine, shownPath } from '../../services/moderation/text.ts';
import { relativeAge } from '../../src/lib/dates.ts';
import { excerpt, manyLines } from './terminal.ts';

/** An article's title for the terminal, or what to say when it cannot be found. */
function titleOf(slug: string, title: string | undefined): string {
  return title === undefined ? `(article introuvable : ${slug})` : `« ${oneLine(title)} »`;
}

/**
 * The pending comments as `npm run moderate` prints them, in the order given (oldest first):
 * id, pseudonym and age on the first line, the article's title, then the start of the text.
 */
export function formatPending(
  pending: readonly StoredComment[],
  title: (slug: string) => string | undefined,
  now: Date,
): string {
  if (pending.length === 0) return 'Aucun commentaire en attente.';
  const entries = pending.map((comment) =>
    [
      `${comment.id} · ${oneLine(comment.pseudonym)} · ${relativeAge(comment.publishedAt, now)}`,
      `  sur ${titleOf(comment.folder, title(comment.folder))}`,
      `  ${excerpt(comment.body) || '(texte vide)'}`,
    ].join('\n'),
  );
  const count = pending.length === 1 ? '1 commentaire en attente.' : `${pending.length} commentaires en attente.`;
  return `${entries.join('\n\n')}\n\n${count}`;
}

const DECISION_LABEL: Record<string, string> = {
  approve: 'publié',
  reject: 'rejeté',
  feature: 'mis dans la « Sélection de la rédaction »',
  unfeature: 'retiré de la « Sélection de la rédaction »',
};

/** One decision of the trail: « rejeté par Paul, le 29 novembre 2026 à 14 h 15 (motif : Spam) ». */
function trailLine(entry: TrailEntry): string {
  const what = DECISION_LABEL[entry.decision] ?? oneLine(entry.decision);
  const when = entry.at === undefined ? '' : `, le ${formatDateTime(entry.at)}`;
  const why = entry.reason === undefined ? '' : ` (motif : ${oneLine(entry.reason)})`;
  return `${what} par ${oneLine(entry.by)}${when}${why}`;
}

/** Lines indented under a heading. */
const indented = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');

/** What `show` prints: every field, the text as readers will read it, the raw text, the HTML. */
export function formatShow(input: {
  comment: StoredComment;
  articleTitle: string | undefined;
  parent: StoredComment | undefined;
  html: string;
  text: string;
  now: Date;
}): string {
  const { comment, articleTitle, parent, html, text, now } = input;
  const fields: [string, string][] = [
    ['Fichier', shownPath(comment.path)],
    ['Article', `${titleOf(comment.folder, articleTitle)} (${oneLine(comment.article)})`],
    ['Pseudonyme', oneLine(comment.pseudonym)],
    ['Envoyé le', `${formatDateTime(comment.publishedAt)} (${relativeAge(comment.publishedAt, now)})`],
    ['Statut', `${comment.status} (${STATUS_LABEL[comment.status]})`],
  ];
  if (comment.replyTo !== undefined) {
    const about = parent === undefined ? 'introuvable' : `${oneLine(parent.pseudonym)}, ${STATUS_LABEL[parent.status]}`;
    fields.push(['En réponse à', `${oneLine(comment.replyTo)} (${about})`]);
  }
  if (comment.reason !== undefined) fields.push(['Motif', oneLine(comment.reason)]);
  fields.push(['Sélection', comment.featured ? 'oui (« Sélection de la rédaction »)' : 'non']);
  for (const entry of comment.trail) fields.push(['Décision', trailLine(entry)]);
  const known = new Set([
    'article',
    'pseudonym',
    'publishedAt',
    'status',
    'replyTo',
    'reason',
    'featured',
    'moderation',
  ]);
  for (const [key, value] of Object.entries(comment.fields)) {
    if (!known.has(key)) fields.push([oneLine(key), oneLine(JSON.stringify(value) ?? String(value))]);
  }
  if (comment.article !== comment.folder) {
    fields.push([
      'Attention',
      `article « ${oneLine(comment.article)} » mais dossier ${comment.folder} : le site refusera ce fichier`,
    ]);
  }
  const width = Math.max(...fields.map(([label]) => label.length));
  return [
    comment.id,
    ...fields.map(([label, value]) => `  ${label.padEnd(width)} : ${value}`),
    '',
    'Texte tel que les lecteurs le liront :',
    indented(text === '' ? '(rien : le filtrage a retiré tout le texte)' : manyLines(text)),
    '',
    'Texte saisi (Markdown) :',
    indented(comment.body === '' ? '(vide)' : manyLines(comment.body)),
    '',
    'HTML filtré, tel que le site l’insère dans la page :',
    indented(html === '' ? '(vide)' : manyLines(html)),
  ].join('\n');
}

const SELECTION = '« Sélection de la rédaction »';
const quoted = (text: string) => `« ${text} »`;

const ALREADY: Record<Extract<Effect, { kind: 'unchanged' }>['already'], string> = {
  published: 'déjà publié',
  rejected: 'déjà rejeté pour ce motif',
  featured: `déjà dans la ${SELECTION}`,
  'not-featured': `pas dans la ${SELECTION}`,
};

/** What a decision did, on one line: « velo/c07 : pending → published ». */
export function formatEffect(id: string, effect: Effect): string {
  switch (effect.kind) {
    case 'published': {
      const dropped = effect.droppedReason === undefined ? '' : ` (motif retiré : ${quoted(effect.droppedReason)})`;
      return `${id} : ${effect.from} → published${dropped}`;
    }
    case 'rejected':
      return `${id} : ${effect.from} → rejected (motif : ${quoted(effect.reason)})${effect.unfeatured ? `, retiré de la ${SELECTION}` : ''}`;
    case 'reason-changed':
      return `${id} : motif ${quoted(effect.from)} → ${quoted(effect.to)}`;
    case 'featured':
      return `${id} : ajouté à la ${SELECTION} (featured: true)`;
    case 'unfeatured':
      return `${id} : retiré de la ${SELECTION}`;
    case 'unchanged':
      return `${id} : ${ALREADY[effect.already]}, rien à changer`;
  }
}

/** A consequence of a decision, as a warning. */
export function formatNote(note: Note): string {
  if (note.kind === 'reply-shown-alone') {
    const state = note.parentStatus ?? 'introuvable';
    return `attention : il répond à ${note.replyTo} (${state}), que les lecteurs ne voient pas ; il s'affichera comme un commentaire à part`;
  }
  const names = note.replies.join(', ');
  const what =
    note.replies.length === 1
      ? `sa réponse publiée (${names}) s'affichera comme un commentaire à part`
      : `ses ${note.replies.length} réponses publiées (${names}) s'afficheront comme des commentaires à part`;
  return `attention : ${what}`;
}

/** What barring a reader did to the list, on one line. */
export function formatBar(result: BarResult): string {
  const shown = shownPath(result.path);
  return result.changed
    ? `${shown} : « ${result.pseudonym} » exclu depuis le ${result.since} (motif : « ${result.reason} »)`
    : `« ${result.pseudonym} » est déjà dans ${shown}, rien à changer`;
}
