import { NBSP } from '../lib/typography';

/** Every string a reader sees, in French with French spacing already applied. */
export const fr = {
  skipToContent: 'Aller au contenu',
  mainNav: 'Rubriques',
  home: 'Accueil',
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
    closed: 'Les commentaires sont fermés.',
    subscribersOnly: `Ce service est réservé aux abonnés.`,
    signIn: `S’identifier`,
    terms: `Voir les conditions d’utilisation`,
    charter: 'Lire la charte de modération',
    inReplyTo: (pseudonym: string) => `En réponse à ${pseudonym}`,
    featured: 'Sélection de la rédaction',
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

