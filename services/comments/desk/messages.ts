import { formatClock } from '../../../src/lib/dates.ts';
import { formatNumber } from '../../../src/lib/typography.ts';

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
  notSignedIn: 'Requête refusée\u00A0: connectez-vous d’abord au bureau de modération.',
  badRequest: 'Requête incomprise\u00A0: rechargez la page et recommencez.',
  serverError: 'Une erreur est survenue\u00A0; rien n’a été modifié. Réessayez dans un instant.',
  notFound: 'Cette page du bureau n’existe pas.',
  reasonMissing: 'Choisissez ou écrivez un motif de rejet.',
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
  changedMeanwhile: (id: string) => `${id} a changé entre-temps\u00A0: relisez-le avant de décider.`,
  alreadyDecided: (id: string, state: string, by: string | undefined) =>
    `${id} est déjà ${state}${by === undefined ? '' : ` par ${by}`}\u00A0: rien n’a changé.`,
};

const minutesBetween = (from: Date, to: Date) => Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
