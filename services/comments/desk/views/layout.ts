import { escapeHtml } from '../../../../src/lib/html.ts';
import { siteConfig } from '../../../../src/site.config.ts';
import { text } from '../messages.ts';

export interface LayoutInput {
  title: string;
  body: string;
  /**
   * The signed-in moderator, the session's form token, and whether decisions no longer reach
   * the site (`publishingStalled`); absent on the sign-in page.
   */
  signedIn?: { moderator: string; token: string; stalled: boolean } | undefined;
  /** A message shown once at the top, announced to screen readers. */
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}

/** A desk page: its own stylesheet and script only (the CSP allows nothing else), one `h1` in the body. */
export function layout(input: LayoutInput): string {
  const { signedIn, flash } = input;
  const account =
    signedIn === undefined
      ? ''
      : `<form class="account" method="post" action="/moderation/deconnexion">
<input type="hidden" name="jeton" value="${escapeHtml(signedIn.token)}">
<span>${escapeHtml(signedIn.moderator)}</span> <button type="submit" class="link">${text.signOut}</button>
</form>`;
  // Always there once signed in, hidden while publishing works: the page's script shows it when
  // a decision's answer says publishing stalled meanwhile.
  const stalled =
    signedIn === undefined
      ? ''
      : `<p class="flash flash-error stalled" role="status" data-stalled${signedIn.stalled ? '' : ' hidden'}>${text.publishingStalled}</p>`;
  const status =
    flash === undefined
      ? ''
      : `<p class="flash flash-${flash.kind}" role="${flash.kind === 'error' ? 'alert' : 'status'}">${escapeHtml(flash.text)}</p>`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(`${input.title} – ${siteConfig.name}`)}</title>
<link rel="icon" href="/moderation/icone.svg" type="image/svg+xml">
<link rel="stylesheet" href="/moderation/bureau.css">
<script src="/moderation/bureau.js" defer></script>
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="bar">
<p class="brand"><span class="site">${escapeHtml(siteConfig.name)}</span> ${text.deskName}</p>
${account}
</header>
<main id="contenu" tabindex="-1">
${stalled}
${status}
${input.body}
</main>
<p class="live visually-hidden" aria-live="polite" data-live></p>
</body>
</html>
`;
}
