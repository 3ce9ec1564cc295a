import { NBSP, NNBSP } from '../lib/typography.ts';

const CHARTER = 'Lire la charte de modération';
const CLOSED = 'Les commentaires sont fermés.';
const FEATURED = 'Sélection de la rédaction';

/**
 * What the page's scripts say, bundled with them rather than repeated in every page's HTML:
 * a page that never runs them never needs these words.
 */
export const scriptText = {
  newsletter: {
    /** The reference page's messages, word for word. */
    empty: 'Veuillez renseigner votre adresse email',
    invalid: `Votre adresse email n’est pas valide`,
    success: (email: string) =>
      `Merci${NNBSP}! Votre inscription a bien été prise en compte avec l’adresse email${NBSP}: ${email}`,
    failed: `L’inscription n’a pas pu aboutir. Réessayez dans un instant.`,
  },
  comments: {
    limitReached: (max: number) =>
      `Vous avez atteint la limite de ${new Intl.NumberFormat('fr-FR').format(max)} caractères.`,
    closed: CLOSED,
    sent: 'Votre commentaire sera publié après modération.',
    sending: 'Envoi en cours…',
    unreachable: `Le service des commentaires ne répond pas. Votre texte est conservé${NBSP}: réessayez dans un instant.`,
    barred: `Vous ne pouvez plus commenter${NBSP}: vos contributions ont enfreint la charte de modération.`,
    charter: CHARTER,
    sortLabel: 'Trier les commentaires',
    sortOldest: 'Plus anciens',
    sortNewest: 'Plus récents',
    sortFeatured: FEATURED,
  },
  share: {
    copied: 'Lien copié.',
    copyFailed: `Le lien n’a pas pu être copié${NBSP}: copiez l’adresse de la page.`,
  },
};

/** Every string a reader sees, in French with French spacing already applied. */
export const fr = {
  skipToContent: 'Aller au contenu',
  mainNav: 'Rubriques',
  home: 'Accueil',
  search: 'Rechercher sur le site',
  searchPlaceholder: 'Rechercher',
  darkTheme: 'Thème sombre',
  share: {
    label: 'Partager cet article',
    copy: 'Copier le lien',
    email: 'Envoyer par e-mail',
    native: 'Partager',
  },
  published: 'Publié le',
  updated: 'Modifié le',
  by: 'Par',
  and: 'et',
  source: 'Source',
  readingTime: (minutes: number) => `Temps de lecture${NBSP}: ${minutes}${NBSP}min`,
  readAlso: 'Lire aussi',
  mustReads: `À ne pas manquer`,
  related: 'Sur le même sujet',
  latest: 'Les dernières informations',
  leadStory: 'À la une',
  seeSection: (name: string) => `Toute la rubrique ${name}`,
  newsletter: {
    emailLabel: 'Votre adresse e-mail',
    emailPlaceholder: 'prenom.nom@exemple.fr',
    submit: 'Je m’inscris',
    consentBefore: 'En vous inscrivant, vous acceptez les ',
    terms: 'conditions générales d’utilisation',
    consentMiddle: ' et notre ',
    privacy: 'politique de confidentialité',
    consentAfter: '.',
  },
  comments: {
    heading: (count: number) => `Commentaires (${count})`,
    none: `Aucun commentaire pour l’instant.`,
    closed: CLOSED,
    subscribersOnly: `Ce service est réservé aux abonnés.`,
    signIn: `S’identifier`,
    terms: `Voir les conditions d’utilisation`,
    charter: CHARTER,
    inReplyTo: (pseudonym: string) => `En réponse à ${pseudonym}`,
    featured: FEATURED,
    permalink: 'Lien vers ce commentaire',
    showMore: (count: number) =>
      count === 1 ? 'Voir le commentaire suivant' : `Voir les ${count} commentaires suivants`,
    replies: (count: number) => (count === 1 ? '1 réponse' : `${count} réponses`),
    formTitle: 'Réagir à cet article',
    pseudonym: 'Pseudonyme',
    text: 'Votre commentaire',
    counter: (length: number, max: number) => `${length} / ${max}`,
    submit: 'Publier',
    moderated: `Les commentaires sont publiés après modération.`,
    staff: 'L’équipe',
    /** French takes the singular for 0 and 1. */
    count: (count: number) => (count <= 1 ? `${count} commentaire` : `${count} commentaires`),
  },
  footer: {
    about: 'Informations',
    rights: '© Kiosque Presse SAS',
  },
  notFound: {
    title: 'Page introuvable',
    text: `Cette page n’existe pas ou plus. L’article a peut-être changé d’adresse.`,
    back: `Revenir à l’accueil`,
  },
  pageUpdated: 'Mis à jour le',
} as const;
