import { scriptText } from '../../src/i18n/fr.ts';
import { NBSP, NNBSP } from '../../src/lib/typography.ts';

const numbers = new Intl.NumberFormat('fr-FR');

const retryIn = (seconds: number) => `réessayez dans ${seconds}${NBSP}${seconds > 1 ? 'secondes' : 'seconde'}.`;

/**
 * Every sentence the service shows a reader, with French spacing applied. Those the page's
 * script also shows come from the site's own strings, so that both say the same.
 */
export const messages = {
  accepted: scriptText.comments.sent,
  invalidRequest: `Votre envoi est illisible. Rechargez la page et réessayez.`,
  pseudonymLength: 'Votre pseudonyme doit compter de 2 à 30 caractères.',
  pseudonymUnprintable: `Votre pseudonyme contient des caractères invisibles${NBSP}: retirez-les.`,
  pseudonymEmail: `Votre pseudonyme ne peut pas être une adresse e-mail${NNBSP}: il est publié avec votre commentaire.`,
  textEmpty: 'Votre commentaire est vide.',
  textUnrenderable: `Votre commentaire imbrique trop de citations ou de listes${NBSP}: simplifiez sa mise en forme.`,
  textTooLong: (max: number) => `Votre commentaire dépasse ${numbers.format(max)} caractères.`,
  spamSuspected: `Votre commentaire ressemble à un envoi automatique${NBSP}: il n’a pas été enregistré.`,
  originForbidden: 'Ce formulaire ne peut pas être envoyé depuis ce site.',
  commentsClosed: 'Les commentaires sont fermés pour cet article.',
  subscriptionRequired: `Les commentaires de cet article sont réservés aux abonnés${NBSP}: identifiez-vous pour réagir.`,
  readerBarred: scriptText.comments.barred,
  articleUnknown: `Cet article n’existe pas ou plus.`,
  replyUnknown: `Le commentaire auquel vous répondez n’existe pas ou n’est pas publié.`,
  payloadTooLarge: 'Votre envoi est trop volumineux.',
  unsupportedMediaType: `Ce format d’envoi n’est pas accepté.`,
  rateLimited: (seconds: number) => `Vous avez déjà envoyé un commentaire il y a peu${NBSP}: ${retryIn(seconds)}`,
  tooManyAttempts: (seconds: number) => `Vous avez fait beaucoup d’envois en peu de temps${NBSP}: ${retryIn(seconds)}`,
  serviceStopping: `Le service redémarre${NBSP}: réessayez dans un instant, votre texte n’a pas été enregistré.`,
  serverError: `Une erreur nous empêche d’enregistrer votre envoi. Réessayez dans quelques minutes.`,
  notFound: 'Cette adresse ne correspond à aucun service.',
  methodNotAllowed: `Cette adresse n’accepte pas ce type de demande.`,
  emailMissing: scriptText.newsletter.empty,
  emailInvalid: scriptText.newsletter.invalid,
  subscribed: scriptText.newsletter.success,
  subscriptionFailed: scriptText.newsletter.failed,
} as const;

/** The words of the HTML page a browser without JavaScript shows after posting a form. */
export const page = {
  commentSent: 'Commentaire envoyé',
  commentRefused: `Votre commentaire n’a pas été envoyé`,
  newsletterDone: 'Inscription à la lettre',
  newsletterRefused: `Inscription impossible`,
  keptText: 'Votre texte, à copier pour le renvoyer',
  backToArticle: `Revenir à l’article`,
  backToSite: 'Revenir au site',
  signIn: scriptText.comments.signIn,
} as const;
