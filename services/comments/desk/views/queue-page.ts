import { escapeHtml } from '../../../../src/lib/html.ts';
import { formatNumber } from '../../../../src/lib/typography.ts';
import { text } from '../messages.ts';
import type { QueueFilter } from '../queue-index.ts';
import { layout, type LayoutInput } from './layout.ts';

export interface QueuePageInput {
  filter: QueueFilter;
  page: number;
  pages: number;
  total: number;
  matching: number;
  /** The items' HTML, oldest first. */
  items: string[];
  signedIn: NonNullable<LayoutInput['signedIn']>;
  flash: LayoutInput['flash'];
}

/** The address of a queue page with these filters. */
export function queueHref(filter: QueueFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter.article !== undefined) query.set('article', filter.article);
  if (filter.reader !== undefined) query.set('lecteur', filter.reader);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search === '' ? '/moderation/' : `/moderation/?${search}`;
}

function filters(filter: QueueFilter): string {
  const active: string[] = [];
  if (filter.article !== undefined) {
    active.push(
      `article «\u00A0${escapeHtml(filter.article)}\u00A0» <a href="${escapeHtml(queueHref({ ...filter, article: undefined }))}">retirer</a>`,
    );
  }
  if (filter.reader !== undefined) {
    active.push(
      `lecteur «\u00A0${escapeHtml(filter.reader)}\u00A0» <a href="${escapeHtml(queueHref({ ...filter, reader: undefined }))}">retirer</a>`,
    );
  }
  return `<form class="filters" method="get" action="/moderation/" role="search">
<label for="f-article">Article</label><input id="f-article" name="article" value="${escapeHtml(filter.article ?? '')}" placeholder="dossier de l’article">
<label for="f-lecteur">Lecteur</label><input id="f-lecteur" name="lecteur" value="${escapeHtml(filter.reader ?? '')}" placeholder="pseudonyme">
<button type="submit">Filtrer</button>
</form>${active.length === 0 ? '' : `<p class="active-filters">Filtre\u00A0: ${active.join(' · ')}</p>`}`;
}

function pagination(input: QueuePageInput): string {
  if (input.pages <= 1) return '';
  const link = (page: number, label: string, rel: string) =>
    `<a href="${escapeHtml(queueHref(input.filter, page))}" rel="${rel}">${label}</a>`;
  const previous = input.page > 1 ? link(input.page - 1, '← Plus anciens', 'prev') : '';
  const next = input.page < input.pages ? link(input.page + 1, 'Plus récents →', 'next') : '';
  return `<nav class="pages" aria-label="Pages de la file">${previous}<span>Page ${formatNumber(input.page)} sur ${formatNumber(input.pages)}</span>${next}</nav>`;
}

const HELP = `<details class="help" id="aide"><summary>Raccourcis clavier <kbd>?</kbd></summary>
<dl>
<dt><kbd>j</kbd> ou <kbd>↓</kbd></dt><dd>commentaire suivant</dd>
<dt><kbd>k</kbd> ou <kbd>↑</kbd></dt><dd>commentaire précédent</dd>
<dt><kbd>a</kbd></dt><dd>publier</dd>
<dt><kbd>f</kbd></dt><dd>publier et mettre en avant («\u00A0Sélection de la rédaction\u00A0»)</dd>
<dt><kbd>r</kbd></dt><dd>rejeter\u00A0: choisir le motif, puis <kbd>Entrée</kbd></dd>
<dt><kbd>b</kbd></dt><dd>exclure le lecteur (avec confirmation)</dd>
<dt><kbd>?</kbd></dt><dd>afficher ou masquer cette aide</dd>
<dt><kbd>Échap</kbd></dt><dd>quitter un champ pour retrouver les raccourcis</dd>
</dl>
<p>Les raccourcis ne s’appliquent pas pendant la saisie dans un champ.</p>
</details>`;

/** The queue: what is waiting, the filters, one page of comments, oldest first. */
export function queuePage(input: QueuePageInput): string {
  const filtered = input.filter.article !== undefined || input.filter.reader !== undefined;
  const counts = `<p class="counts" data-counts><strong data-total>${text.waiting(input.total)}</strong>${filtered ? ` · <span data-matching>${text.matching(input.matching)}</span>` : ''}</p>`;
  const list =
    input.items.length === 0
      ? `<p class="empty">${input.total === 0 ? text.emptyQueue : text.emptyFilter}</p>`
      : `<ol class="queue" data-queue>${input.items.join('\n')}</ol>`;
  return layout({
    title: 'Commentaires en attente',
    signedIn: input.signedIn,
    flash: input.flash,
    body: `<div class="queue-head"><h1>Commentaires en attente</h1>${counts}</div>
${filters(input.filter)}
${HELP}
${pagination(input)}
${list}
${pagination(input)}`,
  });
}
