import { visibleLength } from '../typography.ts';
import { type Finding, type Rule, finding } from './problem.ts';
import { type LintSource, textField } from './source.ts';

const shortAlt: Rule = { id: 'alt-short', severity: 'warning' };
const smallPicture: Rule = { id: 'picture-small', severity: 'warning' };

/**
 * Shorter than this, an alt names the picture rather than describes it (« Photo »,
 * « Un glacier », « Photo d’illustration »): a reader who cannot see it learns nothing.
 */
const ALT_MIN = 25;

/**
 * Facebook, LinkedIn and X show a large card for a picture at least 1200 pixels wide (1.91:1);
 * narrower, they show a thumbnail or a blurred enlargement.
 */
const SOCIAL_CARD_WIDTH = 1200;

/** An article's picture that is not marked decorative and whose alt is too short to describe it. */
export function checkAlt(source: LintSource): Finding[] {
  if (source.kind !== 'article') return [];
  const alt = textField(source, 'image.alt');
  if (alt === undefined || alt.value.trim() === '') return [];
  const length = visibleLength(alt.value.trim());
  if (length >= ALT_MIN) return [];
  return [
    finding(
      shortAlt,
      alt.line,
      'image.alt',
      `« ${alt.value.trim()} » (${length} signes) ne décrit pas la photo à qui ne la voit pas : dites en une phrase ce qu’elle montre, par exemple « Un réservoir presque vide au pied de montagnes sans neige »`,
    ),
  ];
}

/** Where an article's picture is named, for the size check, which reads the picture itself. */
export function pictureOf(source: LintSource): { src: string; line: number } | undefined {
  if (source.kind !== 'article') return undefined;
  const src = textField(source, 'image.src');
  return src && { src: src.value.trim(), line: src.line };
}

/** A picture too narrow for the large card social networks show. */
export function checkPictureWidth(line: number, width: number): Finding[] {
  if (width >= SOCIAL_CARD_WIDTH) return [];
  return [
    finding(
      smallPicture,
      line,
      'image.src',
      `la photo fait ${width} pixels de large ; les réseaux sociaux n’en montrent une grande image qu’à partir de ${SOCIAL_CARD_WIDTH} : demandez au service photo une version d’au moins ${SOCIAL_CARD_WIDTH} pixels de large`,
    ),
  ];
}
