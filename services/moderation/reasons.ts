/**
 * The reasons for refusing a comment, one per item of « Les motifs de refus » in the
 * moderation charter (content/pages/charte-de-moderation.md), in its order and its words,
 * short enough for a button and for the `reason:` line a reader is answered with. A moderator
 * may still write another reason. tests/unit/moderate-reasons.test.ts keeps them in step with
 * the charter.
 */
export const REJECTION_REASONS: readonly string[] = [
  'Insultes ou attaques personnelles',
  'Incitation à la haine ou à la violence, diffamation ou injure',
  'Hors sujet ou message répété',
  'Publicité, liens commerciaux ou hameçonnage',
  'Informations personnelles sur un tiers',
  'Entièrement en majuscules ou illisible',
];
