import { NBSP, NNBSP, formatNumber } from '../lib/typography.ts';

const CHARTER = 'Lire la charte de modération';
const CLOSED = 'Les commentaires sont fermés.';
const FEATURED = 'Sélection de la rédaction';
/** French takes the singular for 0 and 1. */
const commentCount = (count: number) => (count <= 1 ? `${count} commentaire` : `${formatNumber(count)} commentaires`);

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
    limitReached: (max: number) => `Vous avez atteint la limite de ${formatNumber(max)} caractères.`,
    /** « 9 / 2 000 »: what the reader has typed against the limit. */
    counter: (length: number, max: number) => `${formatNumber(length)} / ${formatNumber(max)}`,
    closed: CLOSED,
    sent: 'Votre commentaire sera publié après modération.',
    sending: 'Envoi en cours…',
    unreachable: `Le service des commentaires ne répond pas. Votre texte est conservé${NBSP}: réessayez dans un instant.`,
    barred: `Vous ne pouvez plus commenter${NBSP}: vos contributions ont enfreint la charte de modération.`,
    charter: CHARTER,
    signIn: `S’identifier`,
    sortLabel: 'Trier les commentaires',
    sortOldest: 'Plus anciens',
    sortNewest: 'Plus récents',
    sortFeatured: FEATURED,
  },
  search: {
    /** The query is quoted as the reader typed it. */
    count: (count: number, query: string) => {
      const found = count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${formatNumber(count)} résultats`;
      return `${found} pour «${NBSP}${query}${NBSP}»`;
    },
    searching: 'Recherche en cours…',
  },
  live: {
    /** French takes the plural from 2; the button only shows for 1 or more. */
    newMessages: (count: number) => (count === 1 ? '1 nouveau message' : `${formatNumber(count)} nouveaux messages`),
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
  darkTheme: 'Thème sombre',
  share: {
    label: 'Partager cet article',
    copy: 'Copier le lien',
    email: 'Envoyer par e-mail',
    native: 'Partager',
    /** The description of the card a shared link shows for an article without a picture: its words. */
    cardAlt: (card: { section: string; kicker?: string | undefined; title: string; site: string }) =>
      `${card.kicker === undefined ? '' : `${card.kicker} `}${card.title} — ${card.section}, ${card.site}`,
  },
  published: 'Publié le',
  updated: 'Modifié le',
  by: 'Par',
  and: 'et',
  source: 'Source',
  readingTime: (minutes: number) => `Temps de lecture${NBSP}: ${minutes}${NBSP}min`,
  readAlso: 'Lire aussi',
  contents: 'Sommaire',
  mustReads: `À ne pas manquer`,
  /** The column beside a page's stories, named apart from the other asides a page may hold (a newsletter's box). */
  sidebar: 'En complément',
  related: 'Sur le même sujet',
  latest: 'Les dernières informations',
  leadStory: 'À la une',
  seeSection: (name: string) => `Toute la rubrique ${name}`,
  wire: 'Le fil',
  mostCommented: 'Les plus commentés',
  citedIn: 'Cet article est cité dans',
  tags: 'Sujets',
  feeds: {
    follow: 'Suivre par flux RSS',
    comments: 'Suivre les commentaires par flux RSS',
  },
  listing: {
    nav: 'Pages',
    previous: 'Page précédente',
    next: 'Page suivante',
    position: (page: number, total: number) => `Page ${page} sur ${total}`,
    /** A listing's title past its first page, so that each page has its own. */
    title: (title: string, page: number) => (page === 1 ? title : `${title}, page ${page}`),
    empty: `Aucun article pour l’instant.`,
  },
  tag: {
    label: 'Sujet',
    description: (name: string) => `Tous les articles sur le sujet «${NBSP}${name}${NBSP}».`,
  },
  agency: {
    title: (name: string) => `Dépêches ${name}`,
    description: (name: string) => `Les articles de l’agence ${name} publiés par Kiosque.`,
  },
  author: {
    articles: (name: string) => `Les articles de ${name}`,
    description: (name: string) => `Tous les articles signés ${name}.`,
  },
  archive: {
    title: 'Archives',
    description: 'Tous les articles, mois par mois.',
    month: (label: string) => `Archives${NBSP}: ${label}`,
    monthDescription: (label: string) => `Les articles publiés en ${label}.`,
    count: (count: number) => (count <= 1 ? `${count} article` : `${formatNumber(count)} articles`),
  },
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
    heading: (count: number) => `Commentaires (${formatNumber(count)})`,
    none: `Aucun commentaire pour l’instant.`,
    closed: CLOSED,
    subscribersOnly: `Ce service est réservé aux abonnés.`,
    signIn: scriptText.comments.signIn,
    terms: `Voir les conditions d’utilisation`,
    charter: CHARTER,
    inReplyTo: (pseudonym: string) => `En réponse à ${pseudonym}`,
    featured: FEATURED,
    permalink: 'Lien vers ce commentaire',
    showMore: (count: number) =>
      count === 1 ? 'Voir le commentaire suivant' : `Voir les ${formatNumber(count)} commentaires suivants`,
    replies: (count: number) => (count === 1 ? '1 réponse' : `${formatNumber(count)} réponses`),
    formTitle: 'Réagir à cet article',
    pseudonym: 'Pseudonyme',
    text: 'Votre commentaire',
    counter: (length: number, max: number) => scriptText.comments.counter(length, max),
    submit: 'Publier',
    moderated: `Les commentaires sont publiés après modération.`,
    staff: 'L’équipe',
    count: commentCount,
    /** A link's text that makes sense alone, as a screen reader lists links. */
    countOn: (count: number, title: string) => `${commentCount(count)} sur «${NBSP}${title}${NBSP}»`,
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
  notes: {
    /** Named so that a screen reader's list of landmarks tells what the box holds. */
    label: 'Rectificatifs et mises à jour',
    correction: 'Rectificatif',
    update: 'Mise à jour',
  },
  corrections: {
    title: 'Rectificatifs',
    description: `Toutes les erreurs que la rédaction a corrigées après publication, les plus récentes d’abord.`,
    intro: `Quand un article publié contenait une erreur, nous la corrigeons et le signalons en tête de l’article. Voici tous ces rectificatifs, les plus récents d’abord.`,
    empty: 'Aucun rectificatif pour l’instant.',
    /** « Rectificatif du 29 novembre 2026 à 9 h 30 à l’article » before the story's title. */
    on: 'Article corrigé',
  },
  preview: {
    /** The development server's own pages: what a production build will not show. */
    draft: 'Brouillon',
    draftText: `Cet article n’est pas publié${NBSP}: seul «${NBSP}npm run dev${NBSP}» l’affiche. Pour le publier, retirez la ligne «${NBSP}draft${NBSP}» de son en-tête.`,
    /** Before the date: « Programmé pour le 3 décembre à 7 h 00 ». */
    scheduled: 'Programmé pour le',
    scheduledText: `Cet article paraîtra dans la première publication du site après cette heure${NNBSP}; d’ici là, seul «${NBSP}npm run dev${NBSP}» l’affiche.`,
    list: 'Brouillons et articles programmés',
    drafts: 'Brouillons',
    scheduledList: 'Programmés',
    listDescription: `Ce que seul le serveur de développement montre${NBSP}: les brouillons, puis les articles programmés, les plus proches d’abord.`,
    none: 'Aucun brouillon ni article programmé.',
  },
  live: {
    badge: 'En direct',
    essentials: 'L’essentiel',
    messages: 'Le fil du direct',
    ended: 'Ce direct est terminé.',
    permalink: 'Lien vers ce message',
  },
  search: {
    /** The header's field. */
    field: 'Rechercher sur le site',
    placeholder: 'Rechercher',
    title: 'Rechercher',
    description: 'Rechercher dans tous les articles du site.',
    label: 'Rechercher dans les articles',
    submit: 'Rechercher',
    order: 'Trier par',
    byRelevance: 'Pertinence',
    byDate: 'Date, les plus récents d’abord',
    more: 'Afficher plus de résultats',
    noScript: `La recherche a besoin de JavaScript. Sans lui, les rubriques donnent accès à tous les articles.`,
    /** `astro dev` serves no index: only `astro build` makes one. */
    noIndexInDev: `Pas d’index de recherche en développement${NBSP}: il est construit par «${NBSP}astro build${NBSP}». Pour essayer la recherche, lancez «${NBSP}npm run build && npm run preview${NBSP}».`,
    unavailable: `La recherche ne répond pas. Réessayez dans un instant.`,
  },
} as const;
