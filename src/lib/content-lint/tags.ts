import { toSlug } from '../taxonomy.ts';
import { type Problem, type Rule, finding } from './problem.ts';

const tagVariant: Rule = { id: 'tag-variant', severity: 'warning' };

/** A tag as one article writes it. */
interface TagUse {
  file: string;
  name: string;
  line: number;
}

/**
 * Tags that differ only by case, accents or punctuation are one page (`toSlug`), named as the
 * newest article writes it: « Energie » in one article renames the page of « énergie ». Each
 * spelling other than the most common one, counted in articles, is named with the one to write;
 * between spellings used as often, the one French sorting puts first (lower case first).
 */
export function checkTagVariants(uses: readonly TagUse[]): Problem[] {
  const bySlug = new Map<string, TagUse[]>();
  for (const use of uses) {
    const slug = toSlug(use.name);
    if (slug === '') continue;
    const group = bySlug.get(slug);
    if (group) group.push(use);
    else bySlug.set(slug, [use]);
  }
  const problems: Problem[] = [];
  for (const group of bySlug.values()) {
    const spellings = new Map<string, Set<string>>();
    for (const use of group) spellings.set(use.name, (spellings.get(use.name) ?? new Set()).add(use.file));
    if (spellings.size < 2) continue;
    const [usual, files] = [...spellings].sort(
      ([a, aFiles], [b, bFiles]) => bFiles.size - aFiles.size || a.localeCompare(b, 'fr'),
    )[0] as [string, Set<string>];
    for (const use of group) {
      if (use.name === usual) continue;
      const others = [...files].filter((file) => file !== use.file).length;
      const count = others === 0 ? 'ce même article' : others === 1 ? 'un autre article' : `${others} autres articles`;
      const message = `« ${use.name} » s’écrit « ${usual} » dans ${count} : écrivez « ${usual} », pour que le sujet garde un seul nom sur sa page /sujets/`;
      problems.push({ file: use.file, ...finding(tagVariant, use.line, 'tags', message) });
    }
  }
  return problems;
}
