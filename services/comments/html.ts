import { escapeHtml } from '../../src/lib/html.ts';
import { siteConfig } from '../../src/site.config.ts';
import { page } from './messages.ts';

/** What the page a browser without JavaScript shows after posting a form says. */
export interface AnswerPage {
  heading: string;
  message: string;
  /** The reader's text, given back when it was refused so that it is not lost. */
  keptText?: string | undefined;
  /** Where a reader refused for want of a session signs in. */
  signIn?: { href: string; label: string } | undefined;
  back: { href: string; label: string };
}

const STYLE = `body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:2rem 1rem}
textarea{display:block;width:100%;box-sizing:border-box;font:inherit;margin-top:.25rem}
a{color:#a0001c}a:focus-visible,textarea:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}a{color:#ff8a8a}textarea{color:#eee;background:#222}}`;

/**
 * A small, self-contained French page: no script, no outside resource, one heading, a labelled
 * text box. The newline after `<textarea>` is the one HTML drops, so a text that starts with
 * an empty line keeps it.
 */
export function answerPage(answer: AnswerPage): string {
  const kept =
    answer.keptText === undefined || answer.keptText === ''
      ? ''
      : `<p><label for="texte">${escapeHtml(page.keptText)}</label>
<textarea id="texte" rows="10">\n${escapeHtml(answer.keptText)}</textarea></p>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${answer.heading} – ${siteConfig.name}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(answer.heading)}</h1>
<p>${escapeHtml(answer.message)}</p>
${kept}
${answer.signIn === undefined ? '' : `<p><a href="${escapeHtml(answer.signIn.href)}">${escapeHtml(answer.signIn.label)}</a></p>\n`}<p><a href="${escapeHtml(answer.back.href)}">${escapeHtml(answer.back.label)}</a></p>
</main>
</body>
</html>
`;
}
