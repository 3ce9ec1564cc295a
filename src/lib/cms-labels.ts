/** What the CMS shows an editor for one field: its French label, a line of help, its input. */
interface FieldLabel {
  label: string;
  hint?: string;
  /** A few sentences rather than a line: a text area. */
  long?: true;
  /** The French label of each value of a field with a fixed list of values. */
  options?: Record<string, string>;
}

/**
 * The French words of the administration interface, one per field of every schema the CMS
 * edits, by `<collection>.<field>` (`articles.image.alt` inside an object). The CMS's
 * configuration is generated from the schemas (src/lib/cms-config.ts); only these words are
 * written by hand, and a test fails when a schema field has none.
 */
export const CMS_LABELS: Record<string, FieldLabel> = {
  'articles.title': { label: 'Titre', hint: 'Le titre de l’article, tel que les lecteurs le liront.' },
  'articles.kicker': { label: 'Surtitre', hint: 'Facultatif : VIDÉO., ENQUÊTE., ENTRETIEN.' },
  'articles.standfirst': {
    label: 'Chapô',
    hint: 'Une ou deux phrases sous le titre ; aussi la description pour les moteurs de recherche.',
    long: true,
  },
  'articles.section': { label: 'Rubrique' },
  'articles.authors': { label: 'Auteurs', hint: 'Dans l’ordre de la signature. Un auteur ou une agence au moins.' },
  'articles.source': { label: 'Agence ou source', hint: 'Imprimé « Source AFP ». Un auteur ou une agence au moins.' },
  'articles.publishedAt': { label: 'Publié le', hint: 'Heure de Paris.' },
  'articles.updatedAt': { label: 'Modifié le', hint: 'Facultatif ; jamais avant la date de publication.' },
  'articles.tags': { label: 'Sujets' },
  'articles.related': { label: 'Sur le même sujet', hint: 'Les articles à proposer en premier, dans cet ordre.' },
  'articles.comments': {
    label: 'Commentaires',
    hint: 'Sans choix, le réglage du site s’applique.',
    options: { open: 'Ouverts à tous', closed: 'Fermés', subscribers: 'Réservés aux abonnés' },
  },
  'articles.commentsCloseAfterDays': {
    label: 'Fermeture des commentaires (jours)',
    hint: 'Nombre de jours après la publication ; sans valeur, le réglage du site s’applique.',
  },
  'articles.draft': { label: 'Brouillon', hint: 'Un brouillon n’apparaît nulle part sur le site.' },
  'articles.live': {
    label: 'Direct',
    hint: 'Un direct : ce texte est « L’essentiel », les messages sont des fichiers de content/live/<adresse>/.',
  },
  'articles.liveEndedAt': { label: 'Fin du direct', hint: 'Sans date, le direct continue. Heure de Paris.' },
  'articles.corrections': {
    label: 'Rectificatifs',
    hint: 'Une erreur corrigée après publication : ce qui était faux, daté. Affiché sous le titre et sur la page Rectificatifs.',
  },
  'articles.corrections.date': { label: 'Date du rectificatif', hint: 'Heure de Paris ; jamais avant la publication.' },
  'articles.corrections.text': { label: 'Texte du rectificatif', long: true },
  'articles.updates': {
    label: 'Mises à jour',
    hint: 'Un fait nouveau ajouté après publication, daté. Affiché sous le titre.',
  },
  'articles.updates.date': { label: 'Date de la mise à jour', hint: 'Heure de Paris ; jamais avant la publication.' },
  'articles.updates.text': { label: 'Texte de la mise à jour', long: true },
  'articles.image': { label: 'Image principale' },
  'articles.image.alt': {
    label: 'Description',
    hint: 'Ce que montre l’image, pour qui ne la voit pas. Laissez vide seulement pour une image décorative.',
  },
  'articles.image.decorative': {
    label: 'Image décorative',
    hint: 'N’apporte rien au lecteur (une texture, une ambiance).',
  },
  'articles.image.credit': { label: 'Crédit', hint: 'Photographe et agence, par exemple « Jeanne Martin / Kiosque ».' },
  'articles.image.caption': { label: 'Légende' },
  'articles.image.src': { label: 'Fichier' },

  'pages.title': { label: 'Titre' },
  'pages.description': { label: 'Description', hint: 'Une phrase, pour les moteurs de recherche.' },
  'pages.updatedAt': { label: 'Mis à jour le', hint: 'Date du dernier changement du texte, montrée aux lecteurs.' },

  'sections.name': { label: 'Nom', hint: 'Dans la navigation et le fil d’Ariane.' },
  'sections.description': { label: 'Description', hint: 'Une phrase, pour la page de la rubrique.', long: true },
  'sections.order': { label: 'Position dans la navigation', hint: 'La plus petite d’abord.' },
  'sections.newsletter': { label: 'Lettre d’information' },
  'sections.newsletter.title': { label: 'Nom', hint: 'Par exemple « La newsletter Économie ».' },
  'sections.newsletter.cadence': { label: 'Fréquence', hint: 'Par exemple « Tous les jeudis à 17 h ».' },
  'sections.newsletter.pitch': {
    label: 'Promesse',
    hint: 'Une phrase qui dit au lecteur ce qu’il recevra.',
    long: true,
  },

  'authors.name': { label: 'Nom', hint: 'Tel qu’imprimé dans la signature.' },
  'authors.role': { label: 'Fonction', hint: 'Par exemple « Journaliste au service Économie ».' },
  'authors.bio': { label: 'Biographie', hint: 'Quelques phrases pour la page de l’auteur.', long: true },
  'authors.photo': { label: 'Portrait' },

  'front.articles': {
    label: 'Articles à la une',
    hint: 'Le premier ouvre la page d’accueil ; trois au plus sont montrés.',
  },
  'picks.article': { label: 'Article' },
};
