import { formatClock, formatDay } from '../../../src/lib/dates.ts';
import { formatNumber } from '../../../src/lib/typography.ts';
import type { BarResult, DecisionResult, Effect, Note } from '../../moderation/apply.ts';
import { STATUS_LABEL } from '../../moderation/comments.ts';
import type { Problem } from '../../moderation/errors.ts';

/** What the desk says to moderators, in French print's typography. */
export const text = {
  deskName: 'Bureau de modération',
  signInTitle: 'Connexion au bureau de modération',
  signIn: 'Se connecter',
  signOut: 'Se déconnecter',
  name: 'Nom',
  password: 'Mot de passe',
  badCredentials: 'Nom ou mot de passe incorrect.',
  signedOut: 'Vous êtes déconnecté.',
  sessionExpired: 'Connectez-vous pour ouvrir le bureau de modération.',
  crossSite: 'Requête refusée\u00A0: elle ne vient pas d’une page du bureau de modération. Rechargez la page.',
  wrongOrigin: (address: string) =>
    `Requête refusée\u00A0: elle ne vient pas d’une page du bureau de modération. Ouvrez le bureau à l’adresse ${address} et recommencez.`,
  wrongAddress: (address: string) =>
    `Le bureau de modération s’ouvre à l’adresse ${address}\u00A0: ouvrez-le là pour vous connecter, ses formulaires ne sont pas acceptés ici.`,
  publishingStalled:
    'Les décisions sont bien enregistrées, mais elles ne partent plus vers le site\u00A0: elles n’y apparaîtront qu’une fois le problème réglé. Prévenez l’équipe technique\u202F; inutile de les refaire.',
  notSignedIn: 'Requête refusée\u00A0: connectez-vous d’abord au bureau de modération.',
  badRequest: 'Requête incomprise\u00A0: rechargez la page et recommencez.',
  serverError: 'Une erreur est survenue\u00A0; rien n’a été modifié. Réessayez dans un instant.',
  notFound: 'Cette page du bureau n’existe pas.',
  reasonMissing: 'Choisissez ou écrivez un motif de rejet.',
  barReasonMissing: 'Choisissez ou écrivez un motif d’exclusion.',
  stopping: 'Le service redémarre\u00A0: réessayez dans un instant.',
  emptyQueue: 'Aucun commentaire en attente. Bravo\u202F!',
  emptyFilter: 'Aucun commentaire en attente ne correspond à ce filtre.',
  lockedUntil: (until: Date, now: Date) =>
    `Trop de tentatives de connexion. Réessayez à ${formatClock(until)} (dans ${minutesBetween(now, until)}\u00A0min).`,
  waiting: (count: number) =>
    count === 0
      ? 'Aucun commentaire en attente'
      : count === 1
        ? '1 commentaire en attente'
        : `${formatNumber(count)} commentaires en attente`,
  matching: (count: number) =>
    count <= 1 ? `${count} correspond au filtre` : `${formatNumber(count)} correspondent au filtre`,
  history: (published: number, rejected: number) =>
    published === 0 && rejected === 0
      ? 'premier commentaire'
      : `${published} publié${published > 1 ? 's' : ''}, ${rejected} rejeté${rejected > 1 ? 's' : ''} auparavant`,
  decided,
  barred,
  problem,
};

const SELECTION = 'la «\u00A0Sélection de la rédaction\u00A0»';

const ALREADY: Record<Extract<Effect, { kind: 'unchanged' }>['already'], string> = {
  published: 'déjà publié',
  rejected: 'déjà rejeté pour ce motif',
  featured: `déjà dans ${SELECTION}`,
  'not-featured': `pas dans ${SELECTION}`,
};

/** What one decision did, as the end of « Commentaire de Lectrice du 11e … ». */
function effectWords(effect: Effect): string {
  switch (effect.kind) {
    case 'published':
      return effect.droppedReason === undefined ? 'publié' : 'publié (son motif de rejet est retiré)';
    case 'rejected':
      return `${effect.from === 'published' ? 'retiré du site' : 'rejeté'} (motif\u00A0: ${effect.reason})${effect.unfeatured ? ` et retiré de ${SELECTION}` : ''}`;
    case 'reason-changed':
      return `rejeté pour un autre motif (motif\u00A0: ${effect.to})`;
    case 'featured':
      return `mis dans ${SELECTION}`;
    case 'unfeatured':
      return `retiré de ${SELECTION}`;
    case 'unchanged':
      return ALREADY[effect.already];
  }
}

function noteWords(note: Note): string {
  if (note.kind === 'reply-shown-alone') {
    const parent =
      note.parentStatus === undefined
        ? 'un commentaire introuvable'
        : `un commentaire ${note.parentStatus === 'pending' ? 'encore en attente' : STATUS_LABEL[note.parentStatus]}`;
    return `Attention\u00A0: il répond à ${parent}, que les lecteurs ne voient pas\u202F; il s’affichera comme un commentaire à part.`;
  }
  return note.replies.length === 1
    ? 'Attention\u00A0: sa réponse publiée s’affichera comme un commentaire à part.'
    : `Attention\u00A0: ses ${note.replies.length} réponses publiées s’afficheront comme des commentaires à part.`;
}

/** What a decision did: « Commentaire de Lectrice du 11e publié. », then what to know about it. */
function decided(result: Pick<DecisionResult, 'pseudonym' | 'changed' | 'effects' | 'notes'>): string {
  const done = result.effects.filter((effect) => effect.kind !== 'unchanged');
  const said = result.changed
    ? `Commentaire de ${result.pseudonym} ${done.map(effectWords).join(' et ')}.`
    : `Commentaire de ${result.pseudonym} ${result.effects.map(effectWords).join(' et ')}\u00A0: rien n’a changé.`;
  return [said, ...result.notes.map(noteWords)].join(' ');
}

/** What barring a reader did: from when, why, and how many of their comments still wait. */
function barred(result: Pick<BarResult, 'pseudonym' | 'changed' | 'since' | 'reason' | 'pending'>): string {
  const said = result.changed
    ? `«\u00A0${result.pseudonym}\u00A0» ne peut plus commenter depuis le ${formatDay(new Date(`${result.since}T12:00:00Z`))} (motif\u00A0: ${result.reason}).`
    : `«\u00A0${result.pseudonym}\u00A0» est déjà exclu\u00A0: rien n’a changé.`;
  const count = result.pending.length;
  if (count === 0) return said;
  return `${said} ${count === 1 ? 'Un de ses commentaires attend' : `${formatNumber(count)} de ses commentaires attendent`} encore dans la file.`;
}

/** Why a decision was refused; nothing was written. */
function problem(refusal: Problem | undefined): string {
  switch (refusal?.kind) {
    case 'unknown-comment':
      return 'Ce commentaire n’est plus là (retiré ou déplacé entre-temps)\u00A0: rien n’a été modifié.';
    case 'needs-hand':
      return refusal.file === 'comment'
        ? 'Le fichier de ce commentaire est mal formé\u00A0: il doit être corrigé à la main\u202F; rien n’a été modifié.'
        : 'La liste des lecteurs exclus est mal formée\u00A0: elle doit être corrigée à la main\u202F; rien n’a été modifié.';
    case 'changed': {
      const now = refusal.now;
      if (now === undefined || now.status === 'pending') {
        return 'Ce commentaire a changé entre-temps\u00A0: relisez-le avant de décider.';
      }
      const by = now.by === undefined ? '' : ` par ${now.by}`;
      return `Le commentaire de ${now.pseudonym} est déjà ${STATUS_LABEL[now.status]}${by}\u00A0: rien n’a changé.`;
    }
    case 'reason-missing':
      return text.reasonMissing;
    case 'not-published':
      return `Seul un commentaire publié peut entrer dans ${SELECTION}.`;
    case 'bad-name':
      return refusal.who === 'pseudonym'
        ? 'Ce pseudonyme ne peut pas être exclu\u00A0: il a de 2 à 30 caractères.'
        : 'Votre nom de modérateur ne peut pas être inscrit\u00A0: demandez à un administrateur de recréer votre compte.';
    case 'bad-id':
    case undefined:
      return text.badRequest;
  }
}

const minutesBetween = (from: Date, to: Date) => Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
