import { formatDateTime, isoParis } from '../../src/lib/dates.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { STATUS_LABEL, type StoredComment } from '../../services/moderation/comments.ts';

/**
 * A page a moderator opens in a browser to see the comment as a reader would: the sanitized
 * HTML as the site has it, the facts around it escaped. The page forbids scripts, frames,
 * images and any request through its Content-Security-Policy, so that even a flaw in the
 * sanitizer could not act from the moderator's browser.
 */
export function previewPage(comment: StoredComment, html: string, articleTitle: string | undefined): string {
  const facts: [string, string][] = [
    ['Identifiant', comment.id],
    [
      'Article',
      articleTitle === undefined ? `${comment.folder} (article introuvable)` : `${articleTitle} (${comment.folder})`,
    ],
    ['Statut', `${comment.status} (${STATUS_LABEL[comment.status]})`],
  ];
  if (comment.replyTo !== undefined) facts.push(['En réponse à', comment.replyTo]);
  if (comment.reason !== undefined) facts.push(['Motif', comment.reason]);
  facts.push(['Sélection de la rédaction', comment.featured ? 'oui' : 'non']);
  const list = facts
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n      ');
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Aperçu du commentaire ${escapeHtml(comment.id)}</title>
    <style>
      body { font: 1rem/1.6 Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
      h1 { font: 600 1.1rem system-ui, sans-serif; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font: 0.9rem system-ui, sans-serif; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      article { border-top: 1px solid #ccc; margin-top: 1.5rem; padding-top: 1rem; }
      .meta { font: 0.9rem system-ui, sans-serif; color: #555; }
      blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; color: #444; }
    </style>
  </head>
  <body>
    <main>
    <h1>Aperçu avant modération</h1>
    <dl>
      ${list}
    </dl>
    <article>
      <p class="meta"><strong>${escapeHtml(comment.pseudonym)}</strong>, <time datetime="${escapeHtml(isoParis(comment.publishedAt))}">${escapeHtml(formatDateTime(comment.publishedAt))}</time></p>
      <div class="comment">
${html}
      </div>
    </article>
    </main>
  </body>
</html>
`;
}
