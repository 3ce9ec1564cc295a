/** A service URL from the build's environment, refused at once, by name, when it is not one. */
function endpoint(variable: string, local: string): string {
  const value = process.env[variable];
  if (value === undefined || value === '') return local;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(
      `${variable}: expected an absolute http(s) URL like https://commentaires.exemple.fr/commentaires/, got "${value}"`,
    );
  }
  return value;
}

/** Newsroom-wide settings: one place an engineer edits to rebrand or retune the site. */
export const siteConfig = {
  /** Name shown in the masthead, titles and feeds. */
  name: 'Kiosque',
  /** Tagline under the masthead. */
  tagline: 'L’actualité, sans détour',
  /** Production origin, used for canonical URLs. */
  url: 'https://kiosque.example',
  /** The newsroom's logo as search engines show it beside its stories (a square PNG in `public/`). */
  logo: { path: '/logo.png', width: 512, height: 512 },
  /** The editorial charter, named in every story's structured data (`publishingPrinciples`). */
  publishingPrinciples: '/infos/charte-editoriale/',
  /** Comment mode used when an article does not set its own. */
  defaultCommentsMode: 'open',
  /** How many top-level comments show before the « voir la suite » control. */
  commentsShownFirst: 10,
  /** Longest comment a reader may write, in characters as the reader sees them. */
  commentMaxLength: 2000,
  /** Most related stories shown under an article. */
  relatedMax: 3,
  /** Where subscribers sign in; the comment gate links here. */
  loginUrl: '/infos/abonnement/',
  /**
   * Where the newsletter form posts. Locally, the stub in `npm run comments:serve`; a
   * production build sets `KIOSQUE_NEWSLETTER_ENDPOINT` to the newsroom's sign-up service.
   */
  newsletterEndpoint: endpoint('KIOSQUE_NEWSLETTER_ENDPOINT', 'http://127.0.0.1:4323/newsletter/'),
  /**
   * Where the comment form posts: the comment service (`npm run comments:serve` locally,
   * docs/comments.md). A production build sets `KIOSQUE_COMMENTS_ENDPOINT`.
   */
  commentsEndpoint: endpoint('KIOSQUE_COMMENTS_ENDPOINT', 'http://127.0.0.1:4323/commentaires/'),
  /** Comments close this many days after publication unless an article says otherwise; `null`: never. */
  commentsCloseAfterDays: 30 as number | null,
  /** Most items in a feed: feed readers fetch feeds often, so they stay small. */
  feedItems: 50,
  /**
   * Sites with no https:// version. The content lint (`npm run lint:content`) warns on every
   * other `http://` link in an article and offers its https:// form; it cannot try the address,
   * since builds run offline. A host covers its subdomains: `exemple.fr` covers `www.exemple.fr`.
   */
  httpOnlyHosts: [] as readonly string[],
  /** Stories per page of a section, tag, author, agency or month listing. */
  perPage: 20,
  /** The home page's layout (`src/lib/fronts.ts`); its lead story is chosen in `content/une.yaml`. */
  front: {
    secondaryCount: 3,
    perSection: 4,
    latestCount: 10,
    mostCommentedCount: 5,
    /** « Les plus commentés » counts the stories of the last days only, so the list moves. */
    mostCommentedDays: 14,
  },
} as const;

export type CommentsMode = 'open' | 'closed' | 'subscribers';
