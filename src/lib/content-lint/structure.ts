import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type Finding, type Rule, finding } from './problem.ts';
import type { LintSource } from './source.ts';

const bodyH1: Rule = { id: 'heading-h1', severity: 'error' };
const skippedLevel: Rule = { id: 'heading-skip', severity: 'warning' };
const capitalHeading: Rule = { id: 'heading-capitals', severity: 'warning' };

/** « LA COUR DES COMPTES ALERTE »: two words of letters or more, and not one small letter. */
function isAllCapitals(text: string): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  return (text.match(/\p{Lu}{2,}/gu) ?? []).length >= 2;
}

/**
 * The page's title is its only `h1`; intertitles are `##`, then `###` inside them. A skipped
 * level (`##` then `####`) breaks the outline that screen readers and the « Sommaire » follow.
 */
export function checkHeadings(source: LintSource): Finding[] {
  const findings: Finding[] = [];
  let previous = 1;
  visit(source.body, 'heading', (heading: Heading) => {
    const line = heading.position?.start.line ?? source.bodyStart;
    const text = toString(heading).trim();
    if (heading.depth === 1) {
      findings.push(
        finding(
          bodyH1,
          line,
          'body',
          `« ${text} » est un titre de niveau 1 (# …), or la page n’en a qu’un, le titre de l’article : écrivez ## pour un intertitre`,
        ),
      );
    } else if (heading.depth > previous + 1) {
      findings.push(
        finding(
          skippedLevel,
          line,
          'body',
          `intertitre de niveau ${heading.depth} (${'#'.repeat(heading.depth)}) après un niveau ${previous} : écrivez ${'#'.repeat(previous + 1)}, un niveau de plus à la fois, pour que le plan se lise dans l’ordre`,
        ),
      );
    }
    if (isAllCapitals(text)) {
      const sentence = text.charAt(0) + text.slice(1).toLocaleLowerCase('fr');
      findings.push(
        finding(
          capitalHeading,
          line,
          'body',
          `intertitre tout en capitales : écrivez « ${sentence} », avec les capitales où il en faut (sigles, noms propres) ; la mise en page fait le reste`,
        ),
      );
    }
    previous = heading.depth;
  });
  return findings;
}
