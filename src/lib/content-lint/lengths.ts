import type { DocumentKind } from '../markdown/document-kind.ts';
import { visibleLength } from '../typography.ts';
import { type Finding, type Rule, finding } from './problem.ts';
import { type LintSource, textField } from './source.ts';

/**
 * The house style's lengths, in characters as a reader counts them (docs/editors-guide.md,
 * « Relecture automatique », says why each). Past `advised`, a warning; past `cap`, the page
 * itself goes wrong, and the build stops.
 */
interface Limit {
  field: string;
  kinds: readonly DocumentKind[];
  /** « le titre », as the message names it. */
  name: string;
  advised: number;
  cap: number;
  /** Why `advised`, in French, after « au-delà, ». */
  why: string;
  /** Why `cap`, in French, after « au-delà, ». */
  breaks: string;
  long: Rule;
  absurd: Rule;
}

const limit = (field: string, rest: Omit<Limit, 'field' | 'long' | 'absurd'>): Limit => ({
  field,
  ...rest,
  long: { id: `${field}-long`, severity: 'warning' },
  absurd: { id: `${field}-too-long`, severity: 'error' },
});

const LIMITS: readonly Limit[] = [
  limit('title', {
    kinds: ['article', 'page'],
    name: 'le titre',
    advised: 100,
    cap: 200,
    why: 'la carte de partage l’écrit en plus petit et les moteurs de recherche n’en montrent qu’environ 60 : mettez l’essentiel au début et resserrez',
    breaks: 'la carte de partage le coupe au milieu d’une phrase et il remplit l’écran d’un téléphone',
  }),
  limit('standfirst', {
    kinds: ['article'],
    name: 'le chapeau',
    advised: 250,
    cap: 600,
    why: 'ce n’est plus une ou deux phrases, et les moteurs de recherche, qui le montrent sous le titre, n’en gardent qu’environ 160 : resserrez',
    breaks: 'c’est un paragraphe entier au-dessus de l’article, repris tel quel dans chaque partage',
  }),
  limit('kicker', {
    kinds: ['article'],
    name: 'le surtitre',
    advised: 20,
    cap: 40,
    why: 'ce n’est plus une étiquette d’un ou deux mots comme « ENQUÊTE. » ou « VIDÉO. »',
    breaks: 'il mange le titre sur la carte de partage',
  }),
  limit('description', {
    kinds: ['page'],
    name: 'la description',
    advised: 160,
    cap: 320,
    why: 'les moteurs de recherche la coupent : une phrase de 160 signes au plus',
    breaks: 'ce n’est plus une description mais un texte que personne ne lira en entier',
  }),
];

export function checkLengths(source: LintSource): Finding[] {
  const findings: Finding[] = [];
  for (const rule of LIMITS) {
    if (!rule.kinds.includes(source.kind)) continue;
    const field = textField(source, rule.field);
    if (field === undefined) continue;
    const length = visibleLength(field.value.trim());
    const said = `${rule.name} fait ${length} signes`;
    if (length > rule.cap) {
      findings.push(
        finding(
          rule.absurd,
          field.line,
          rule.field,
          `${said}, plus que les ${rule.cap} qu’une page peut porter : au-delà, ${rule.breaks} ; visez ${rule.advised} signes au plus`,
        ),
      );
    } else if (length > rule.advised) {
      findings.push(
        finding(
          rule.long,
          field.line,
          rule.field,
          `${said} ; la maison en vise ${rule.advised} au plus : au-delà, ${rule.why}`,
        ),
      );
    }
  }
  return findings;
}
