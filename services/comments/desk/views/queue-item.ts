import { formatDateTimeFrom, isoParis } from '../../../../src/lib/dates.ts';
import { escapeHtml } from '../../../../src/lib/html.ts';
import type { ArticleInfo } from '../../../moderation/articles.ts';
import { text } from '../messages.ts';
import type { History } from '../queue-index.ts';
import { relativeAge } from '../../../../src/lib/dates.ts';
import type { StoredComment } from '../../../moderation/comments.ts';
import { REJECTION_REASONS } from '../../../moderation/reasons.ts';

import { queueHref } from './queue-page.ts';
import { visibleText } from './visible.ts';

export interface QueueItemInput {
  /** Its `version` goes with each decision: one on a file that changed since is refused. */
  comment: StoredComment;
  article: ArticleInfo | undefined;
  history: History;
  html: string;
  token: string;
  /** The queue page to come back to after a decision. */
  back: string;
  siteOrigin: string;
  now: Date;
}

/** The hidden fields every decision form sends. */
function hidden(input: QueueItemInput): string {
  const fields = { jeton: input.token, id: input.comment.id, version: input.comment.version, retour: input.back };
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
}

function decisionForm(input: QueueItemInput, decision: string, label: string, className: string, key: string): string {
  return `<form method="post" action="/moderation/decision" data-decision="${decision}">${hidden(input)}<input type="hidden" name="decision" value="${decision}"><button type="submit" class="${className}" aria-keyshortcuts="${key}">${label}</button></form>`;
}

function rejectForm(input: QueueItemInput, slug: string): string {
  const options = REJECTION_REASONS.map((reason) => `<option>${escapeHtml(reason)}</option>`).join('');
  return `<form method="post" action="/moderation/decision" data-decision="reject" class="reject">${hidden(input)}<input type="hidden" name="decision" value="reject">
<label for="motif-${slug}">Motif</label>
<select id="motif-${slug}" name="motif"><option value="">Choisir un motif…</option>${options}</select>
<label for="autre-${slug}" class="visually-hidden">Autre motif</label>
<input id="autre-${slug}" name="autre" placeholder="ou un autre motif" maxlength="200">
<button type="submit" class="danger" aria-keyshortcuts="r">Rejeter</button></form>`;
}

/** One pending comment: where and by whom, as readers will see it, as typed, and the decisions. */
export function queueItem(input: QueueItemInput): string {
  const { comment, article, history, now } = input;
  const slug = comment.id.replace('/', '--');
  const title =
    article === undefined
      ? `<span class="missing">article introuvable (${escapeHtml(comment.folder)})</span>`
      : `<a href="${escapeHtml(`${input.siteOrigin}/${article.section}/${comment.folder}/`)}">${escapeHtml(article.title)}</a>`;
  const reply =
    comment.replyTo === undefined ? '' : `<span class="reply">en réponse à ${escapeHtml(comment.replyTo)}</span>`;
  return `<li class="item" id="c-${escapeHtml(slug)}" data-item tabindex="-1" aria-labelledby="t-${escapeHtml(slug)}">
<div class="meta">
<h2 class="title" id="t-${escapeHtml(slug)}">${title}</h2>
<p class="facts"><a class="who" href="${escapeHtml(queueHref({ reader: comment.pseudonym }))}" title="Ses commentaires en attente">${escapeHtml(comment.pseudonym)}</a>
<span class="history">${text.history(history.published, history.rejected)}</span>
<time datetime="${isoParis(comment.publishedAt)}">${escapeHtml(formatDateTimeFrom(comment.publishedAt, now))} (${escapeHtml(relativeAge(comment.publishedAt, now))})</time>
${reply}
<a class="filter" href="${escapeHtml(queueHref({ article: comment.folder }))}">cet article seulement</a></p>
</div>
<div class="texts">
<div class="rendered" role="group" aria-label="Tel que les lecteurs le verront">${input.html === '' ? '<p class="missing">(rien\u00A0: le filtrage a retiré tout le texte)</p>' : input.html}</div>
<pre class="raw" aria-label="Texte saisi">${comment.body === '' ? '(vide)' : visibleText(comment.body)}</pre>
</div>
<div class="actions">
${decisionForm(input, 'approve', 'Publier', 'primary', 'a')}
${decisionForm(input, 'approve-feature', 'Publier et mettre en avant', '', 'f')}
${rejectForm(input, slug)}
<a class="bar-link" href="${escapeHtml(`/moderation/exclure?${new URLSearchParams({ id: comment.id, retour: input.back }).toString()}`)}" aria-keyshortcuts="b">Exclure le lecteur…</a>
</div>
</li>`;
}
