/**
 * The words and names the benchmark corpus is made of (scripts/bench/generate.ts). Real French
 * where a reader would notice (tags, names, sections, kickers), so that slugs, accents and
 * typography go through the same paths as a newsroom's.
 */

/** Sections: file name, printed name and share of the articles. */
export const SECTIONS = [
  { id: 'international', name: 'International', share: 18 },
  { id: 'politique', name: 'Politique', share: 16 },
  { id: 'economie', name: 'Économie', share: 15 },
  { id: 'societe', name: 'Société', share: 15 },
  { id: 'sport', name: 'Sport', share: 12 },
  { id: 'culture', name: 'Culture', share: 10 },
  { id: 'sciences', name: 'Sciences', share: 8 },
  { id: 'idees', name: 'Idées', share: 6 },
] as const;

/** Common words, most frequent first: the head of the corpus's Zipf vocabulary. */
export const COMMON_WORDS = (
  'de la le et les des à en du un une que pour dans qui au sur par est a pas plus ne se il avec ce sont ' +
  'aux mais ou son sa ses leur leurs été être cette comme fait ont selon après aussi entre sans deux ' +
  'contre tout dont elle ils même depuis encore sous lors avant vers chez très où trois déjà ans année ' +
  'gouvernement ministre président pays France Paris État français française européenne européen Europe ' +
  'marché entreprise entreprises salariés réforme budget croissance inflation élection élections région ' +
  'ville commune habitants chercheurs étude données rapport enquête projet loi texte débat assemblée ' +
  'sénat justice tribunal décision accord négociation syndicats emploi logement énergie climat eau santé ' +
  'hôpital école université étudiants culture musée festival cinéma livre auteur artiste public saison ' +
  'équipe match victoire défaite championnat entraîneur joueurs supporters semaine mois jour hier demain ' +
  'prochain dernier nouveau nouvelle important grand grande petit premier première principal national ' +
  'nationale local locale mondial économique social sociale politique annonce affirme estime rappelle ' +
  'souligne précise reconnaît dénonce propose prévoit observe constate explique ajoute assure indique ' +
  'millions milliards euros pour cent hausse baisse prix coût dépenses recettes dette taux banque ' +
  'ménages familles enfants jeunes retraités femmes hommes population personnes citoyens électeurs ' +
  'majorité opposition parti député députés sénateurs maire mairie conseil préfet préfecture police ' +
  'gendarmerie enquêteurs procès avocat victimes juge parquet plainte sécurité défense armée guerre ' +
  'paix frontière réfugiés migrants diplomatie sommet alliés sanctions crise conflit attaque cessez-le-feu ' +
  'transition carbone émissions réchauffement sécheresse inondations tempête agriculture agriculteurs ' +
  'récolte forêt biodiversité espèces océan pollution transports train route voiture vélo avion aéroport ' +
  'industrie usine production investissement innovation numérique internet réseaux plateforme données ' +
  'intelligence artificielle recherche laboratoire découverte scientifiques médecins patients vaccin ' +
  'traitement maladie soins urgences lycée collège enseignants élèves parents diplôme formation ' +
  'spectacle exposition concert album roman film série théâtre scène public spectateurs œuvre peintre ' +
  'musicien chanteuse réalisatrice écrivain prix récompense stade course finale tournoi médaille record ' +
  'saisonnier quartier rue centre campagne territoire département métropole rural urbain voisins ' +
  'association bénévoles collectif responsable directeur directrice porte-parole secrétaire ' +
  'fédération organisation institut agence autorité commission cour conseil observatoire fondation ' +
  'matin soir nuit week-end printemps été automne hiver janvier février mars avril mai juin juillet ' +
  'août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche ' +
  'selon environ près presque seulement surtout pourtant ainsi toutefois notamment désormais ' +
  'plusieurs nombreux certains chaque autre autres aucun quelques moins beaucoup trop assez ' +
  'pouvoir devoir vouloir savoir faire dire voir prendre mettre donner trouver passer rester ' +
  'changer permettre demander attendre continuer perdre gagner ouvrir fermer lancer présenter'
).split(' ');

/** Syllables from which the rarer words (names, places, terms) of the vocabulary are made. */
export const SYLLABLES = (
  'ba be bi bo bu bé ca co cu ché cha cho da de di do du dé fa fe fi fo fu fé ga go gu gé la le li lo lu ' +
  'lé ma me mi mo mu mé na ne ni no nu né pa pe pi po pu pé ra re ri ro ru ré sa se si so su sé ta te ti ' +
  'to tu té va ve vi vo vu vé an on in en ou ar or ir al el il ol ac ec ic oc ber bon bran cal can car cor ' +
  'dan der dor fal fer fon gal gar lan lar len lin mar mer mon nan nor pan par per pon ran ren ron san ser ' +
  'son tan ter ton van ver von zan zor vil mont bourg court ville lac'
).split(' ');

/** Tags as editors write them, most used first; the corpus draws them on a Zipf law. */
export const TAGS = [
  'politique',
  'économie',
  'climat',
  'santé',
  'justice',
  'éducation',
  'Europe',
  'énergie',
  'numérique',
  'emploi',
  'logement',
  'transports',
  "pouvoir d'achat",
  'élections',
  'Ukraine',
  'États-Unis',
  'football',
  'cinéma',
  'agriculture',
  'immigration',
  'sécurité',
  'retraites',
  'budget',
  'environnement',
  'intelligence artificielle',
  'Assemblée nationale',
  'collectivités',
  'Proche-Orient',
  'Chine',
  'industrie',
  'recherche',
  'culture',
  'musique',
  'littérature',
  'hôpital',
  'jeunesse',
  'inflation',
  'diplomatie',
  'défense',
  'Afrique',
  'consommation',
  'vie privée',
  'services publics',
  'territoires',
  'eau',
  'biodiversité',
  'rugby',
  'tennis',
  'cyclisme',
  'Jeux olympiques',
  'Sénat',
  'gouvernement',
  'fiscalité',
  'dette publique',
  'syndicats',
  'entreprises',
  'commerce',
  'tourisme',
  'patrimoine',
  'théâtre',
  'séries',
  'livres',
  'espace',
  'astronomie',
  'médecine',
  'vaccins',
  'santé mentale',
  'alimentation',
  'sécheresse',
  'inondations',
  'forêts',
  'océans',
  'pollution',
  'nucléaire',
  'énergies renouvelables',
  'automobile',
  'ferroviaire',
  'aérien',
  'vélo',
  'urbanisme',
  'ruralité',
  'inégalités',
  'pauvreté',
  'handicap',
  'égalité femmes-hommes',
  'violences conjugales',
  'laïcité',
  'religions',
  'police',
  'prisons',
  'terrorisme',
  'cybersécurité',
  'réseaux sociaux',
  'médias',
  'désinformation',
  'télécoms',
  'startups',
  'banques',
  'assurances',
  'Bourse',
  'crypto-monnaies',
  'Banque centrale européenne',
  'Union européenne',
  'Parlement européen',
  'Commission européenne',
  'Nations unies',
  'OTAN',
  'Royaume-Uni',
  'Allemagne',
  'Italie',
  'Espagne',
  'Portugal',
  'Belgique',
  'Suisse',
  'Pologne',
  'Russie',
  'Turquie',
  'Iran',
  'Israël',
  'Liban',
  'Syrie',
  'Égypte',
  'Maroc',
  'Algérie',
  'Tunisie',
  'Sénégal',
  "Côte d'Ivoire",
  'Mali',
  'Nigeria',
  'Afrique du Sud',
  'Inde',
  'Japon',
  'Corée du Sud',
  'Taïwan',
  'Australie',
  'Brésil',
  'Argentine',
  'Chili',
  'Mexique',
  'Canada',
  'Amérique latine',
  'Arctique',
  'Bretagne',
  'Normandie',
  'Occitanie',
  'Hauts-de-France',
  'Grand Est',
  'Auvergne-Rhône-Alpes',
  "Provence-Alpes-Côte d'Azur",
  'Nouvelle-Aquitaine',
  'Île-de-France',
  'Corse',
  'outre-mer',
  'Nouvelle-Calédonie',
  'Guadeloupe',
  'Martinique',
  'La Réunion',
  'Mayotte',
  'Guyane',
  'Marseille',
  'Lyon',
  'Toulouse',
  'Lille',
  'Bordeaux',
  'Nantes',
  'Strasbourg',
  'Montpellier',
  'Rennes',
  'Nice',
  'Grenoble',
  'Dunkerque',
  'Brest',
  'Ligue 1',
  'Ligue des champions',
  'Coupe du monde',
  'Tour de France',
  'Roland-Garros',
  'Six Nations',
  'handball',
  'basket-ball',
  'athlétisme',
  'natation',
  'ski',
  'voile',
  'Festival de Cannes',
  "Festival d'Avignon",
  'rentrée littéraire',
  'prix Goncourt',
  'bande dessinée',
  'jeu vidéo',
  'photographie',
  'architecture',
  'arts plastiques',
  'opéra',
  'danse',
  'musées',
  'archéologie',
  'histoire',
  'philosophie',
  'sciences sociales',
  'démographie',
  'famille',
  'petite enfance',
  'enseignement supérieur',
  'apprentissage',
  'baccalauréat',
  'universités',
  'grandes écoles',
  'chômage',
  'télétravail',
  'salaires',
  'temps de travail',
  'grèves',
  'fonction publique',
  'décentralisation',
  'Conseil constitutionnel',
  "Conseil d'État",
  'Cour des comptes',
  'Élysée',
  'Matignon',
  'municipales',
  'régionales',
  'présidentielle',
  'législatives',
  'européennes',
  'partis',
  'extrême droite',
  'gauche',
  'droite',
  'centre',
  'écologistes',
  'référendum',
  'Constitution',
  'libertés publiques',
  'droit du travail',
  "droit d'asile",
  'nationalité',
  'frontières',
  'Schengen',
  'commerce international',
  'droits de douane',
  'matières premières',
  'pétrole',
  'gaz',
  'électricité',
  'hydrogène',
  'batteries',
  'semi-conducteurs',
  'métaux rares',
  'mines',
  'pêche',
  'viticulture',
  'élevage',
  'pesticides',
  'bio',
  'grande distribution',
  'luxe',
  'mode',
  'gastronomie',
  'vin',
  'montagne',
  'littoral',
  'canicule',
  'incendies',
  'séismes',
  'volcans',
  'météo',
  'épidémie',
  'grippe',
  'cancer',
  'addictions',
  'tabac',
  'alcool',
  'dépendance',
  'Ehpad',
  'fin de vie',
  'bioéthique',
  'génétique',
  'physique',
  'mathématiques',
  'informatique quantique',
  'robotique',
  'satellites',
  'Mars',
  'Lune',
] as const;

export const FIRST_NAMES = (
  'Claire Léa Karim Julien Camille Sophie Thomas Nadia Hugo Manon Antoine Chloé Mehdi Sarah Lucas ' +
  'Inès Nicolas Émilie Yanis Pauline Mathieu Aurélie Rachid Julie Benoît Laure Olivier Amandine ' +
  'Samir Hélène François Marion Alexandre Fatou Vincent Élodie Raphaël Anne Guillaume Leïla Pierre ' +
  'Margaux Sébastien Zoé Jérôme Cécile Adrien Yasmine Romain Agathe Bastien Sonia Cédric Margot ' +
  'Loïc Valérie Damien Jeanne Théo Nathalie Grégoire Louise Ibrahim Aïcha Tristan Gaëlle Maxime Noémie'
).split(' ');

export const LAST_NAMES = (
  'Dumas Morvan Benali Martin Bernard Dubois Durand Lefèvre Moreau Laurent Simon Michel Garcia ' +
  'Roux Fournier Girard Bonnet Mercier Blanc Guérin Boyer Chevalier François Legrand Gauthier ' +
  'Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis ' +
  'Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard ' +
  'Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger ' +
  'Fabre Aubert Lemoine Renaud Dumont Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey ' +
  'Diallo Traoré Nguyen Haddad Kaci Ferreira Carré Tessier Lebon Kerouac Tanguy Hoarau'
).split(' ');

/** Beats a journalist's bio names. */
export const BEATS = [
  "l'industrie et l'emploi",
  'les finances publiques',
  "l'énergie et le climat",
  'la consommation et le pouvoir d’achat',
  'la diplomatie européenne',
  "l'Afrique de l'Ouest",
  'le Proche-Orient',
  "l'Assemblée nationale",
  'les partis et les élections',
  'la justice et les grands procès',
  "l'éducation et l'enseignement supérieur",
  'la santé et l’hôpital',
  'les sciences du vivant',
  "l'espace et l'astronomie",
  'le numérique et la vie privée',
  'le cinéma et les séries',
  'les livres et la rentrée littéraire',
  'le football et le rugby',
  'le cyclisme et les sports d’hiver',
  'les idées et les débats',
];

export const ROLES = ['Journaliste au service', 'Reporter au service', 'Grand reporter', 'Éditorialiste', 'Pigiste'];

export const KICKERS = [
  'ENQUÊTE.',
  'ANALYSE.',
  'DÉCRYPTAGE.',
  'ENTRETIEN.',
  'REPORTAGE.',
  'VIDÉO.',
  'TRIBUNE.',
  'RÉCIT.',
];

export const AGENCIES = ['AFP', 'AFP', 'AFP', 'Reuters'];

/** Pictures copied from the sample site's `content/articles/images/`, with what they show. */
export const PICTURES = [
  {
    file: 'enceinte-connectee.jpg',
    alt: "Une enceinte connectée cylindrique posée sur une table, entourée d'ondes sonores stylisées.",
  },
  {
    file: 'chili-secheresse.jpg',
    alt: "Un réservoir presque vide au milieu d'une terre craquelée, au pied de montagnes à peine enneigées.",
  },
  {
    file: 'exoplanete-vapeur-eau.jpg',
    alt: "Une planète bleutée entourée d'un fin halo lumineux, éclairée de côté par une étoile orangée.",
  },
  {
    file: 'glacier-alpes.jpg',
    alt: "Une vallée de montagne où la langue d'un glacier s'arrête au-dessus d'un lac de fonte turquoise.",
  },
  {
    file: 'eolien-flottant.jpg',
    alt: "Des éoliennes blanches montées sur des flotteurs au milieu d'une mer agitée, sous un ciel gris-bleu.",
  },
  { file: 'velo-ville.jpg', alt: "Un vélo garé sur une piste cyclable verte, devant une rangée d'immeubles colorés." },
  {
    file: 'livres-occasion.jpg',
    alt: 'Des étagères en bois garnies de livres de toutes les couleurs, certains posés à plat en piles.',
  },
] as const;

/** Portraits copied from the sample site's `content/authors/images/`. */
export const PORTRAITS = ['claire-dumas.jpg', 'lea-morvan.jpg'] as const;

export const CREDITS = ['Illustration Kiosque', 'Jeanne Martin / Kiosque', 'AFP', 'Reuters', 'Infographie Kiosque'];

export const PSEUDONYMS = (
  'Feuillant Tarco14 Ondine PicVert Lucide Albatros Morgane_B Citoyen75 Rive_Gauche Sylvestre Tamaris ' +
  'OctaveR Ingé-son Bretonne29 Marcheur LectriceDuSud Papi_Jo Azur06 Grain_de_sel Hibou Castor_Malin ' +
  'Lyonnais69 Zébulon Mistral Vieux_Lecteur Abonnée_2019 Kiwi Sceptique Optimiste Pragmatique ' +
  'Jardinier Cycliste_urbain Prof_de_maths Infirmière_Lille Marin Ardéchois Gascon Normande Alsacien ' +
  'Corsaire Flâneur Nomade Colibri Renard_Roux Pivoine Basilic Cerise Ours_Brun'
).split(' ');
