import { escapeHtml } from '../../../../src/lib/html.ts';
import { layout, type LayoutInput } from './layout.ts';

/** The confirmation asked before barring a reader: who, why, and the way back. */
export function barPage(input: {
  pseudonym: string;
  id: string;
  back: string;
  reasons: readonly string[];
  signedIn: NonNullable<LayoutInput['signedIn']>;
  error?: string | undefined;
  /** The other reason as typed, when the page is asked again. */
  written?: string | undefined;
}): string {
  const options = input.reasons.map((reason) => `<option>${escapeHtml(reason)}</option>`).join('');
  const error =
    input.error === undefined
      ? ''
      : `<p class="flash flash-error" role="alert" id="erreur">${escapeHtml(input.error)}</p>`;
  return layout({
    title: `Exclure ${input.pseudonym}`,
    signedIn: input.signedIn,
    body: `<div class="confirm">
<h1>Exclure «\u00A0${escapeHtml(input.pseudonym)}\u00A0»\u202F?</h1>
${error}
<p>Ce pseudonyme ne pourra plus commenter\u00A0: le service refusera ses prochains commentaires et lui en donnera la raison. Ses commentaires en attente restent à modérer.</p>
<form method="post" action="/moderation/exclure" data-bar${input.error === undefined ? '' : ' aria-describedby="erreur"'}>
<input type="hidden" name="jeton" value="${escapeHtml(input.signedIn.token)}">
<input type="hidden" name="id" value="${escapeHtml(input.id)}">
<input type="hidden" name="retour" value="${escapeHtml(input.back)}">
<p><label for="motif">Motif</label>
<select id="motif" name="motif"><option value="">Choisir un motif…</option>${options}</select></p>
<p><label for="autre">Ou un autre motif</label>
<input id="autre" name="autre" maxlength="200" value="${escapeHtml(input.written ?? '')}"></p>
<p class="buttons"><button type="submit" class="danger">Confirmer l’exclusion</button> <a href="${escapeHtml(input.back)}">Annuler</a></p>
</form>
</div>`,
  });
}
