import { escapeHtml } from '../../../../src/lib/html.ts';
import { text } from '../messages.ts';
import { layout } from './layout.ts';

/** The message, escaped, with the address in it made a link, so that one click opens the right desk. */
const linked = (message: string, address: string) =>
  escapeHtml(message).replace(escapeHtml(address), `<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`);

/**
 * The sign-in form; `error` says why the last attempt failed, `name` is kept so that only the
 * password is typed again. `deskAddress` is where the desk must be opened for its forms to be
 * accepted: the page's script shows it when the page was opened at another origin
 * (`localhost` for `127.0.0.1`), before the moderator types anything.
 */
export function signInPage(input: {
  deskAddress: string;
  error?: string | undefined;
  notice?: string | undefined;
  name?: string | undefined;
  next?: string | undefined;
}): string {
  const error =
    input.error === undefined
      ? ''
      : `<p class="flash flash-error" role="alert" id="erreur">${escapeHtml(input.error)}</p>`;
  const notice =
    input.notice === undefined ? '' : `<p class="flash flash-ok" role="status">${escapeHtml(input.notice)}</p>`;
  const described = input.error === undefined ? '' : ' aria-describedby="erreur"';
  return layout({
    title: text.signInTitle,
    body: `<div class="sign-in">
<h1>${text.signInTitle}</h1>
${error}${notice}
<p class="flash flash-error" role="alert" data-wrong-address="${escapeHtml(new URL(input.deskAddress).origin)}" hidden>${linked(text.wrongAddress(input.deskAddress), input.deskAddress)}</p>
<form method="post" action="/moderation/connexion/"${described}>
<input type="hidden" name="suite" value="${escapeHtml(input.next ?? '/moderation/')}">
<p><label for="nom">${text.name}</label>
<input id="nom" name="nom" autocomplete="username" required value="${escapeHtml(input.name ?? '')}" ${input.name === undefined ? 'autofocus' : ''}></p>
<p><label for="mot-de-passe">${text.password}</label>
<input id="mot-de-passe" name="mot_de_passe" type="password" autocomplete="current-password" required ${input.name === undefined ? '' : 'autofocus'}></p>
<p><button type="submit" class="primary">${text.signIn}</button></p>
</form>
</div>`,
  });
}
