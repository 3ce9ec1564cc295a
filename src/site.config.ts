/** Newsroom-wide settings: one place an engineer edits to rebrand or retune the site. */
export const siteConfig = {
  /** Name shown in the masthead, titles and feeds. */
  name: 'Kiosque',
  /** Tagline under the masthead. */
  tagline: 'L’actualité, sans détour',
  /** Production origin, used for canonical URLs. */
  url: 'https://kiosque.example',
  /** Comment mode used when an article does not set its own. */
  defaultCommentsMode: 'open',
  /** How many top-level comments show before the « voir la suite » control. */
  commentsShownFirst: 10,
  /** Longest comment a reader may write, in characters as the reader sees them. */
  commentMaxLength: 2000,
  /** Most related stories shown under an article. */
  relatedMax: 4,
  /** Where subscribers sign in; the comment gate links here. */
  loginUrl: '/infos/abonnement/',
  /** Where the newsletter form posts (the sign-up service is configured per deployment). */
  newsletterEndpoint: '/newsletter/inscription/',
  /** Where the comment form posts (the comment intake service). */
  commentsEndpoint: '/commentaires/envoyer/',
} as const;

export type CommentsMode = 'open' | 'closed' | 'subscribers';
