/**
 * An address-safe form of a name: lower case, accents dropped, anything else a single hyphen.
 * « Pouvoir d’achat » gives `pouvoir-d-achat`, « Œuvres » gives `oeuvres`.
 */
export function toSlug(name: string): string {
  return name
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Articles sharing a name (a tag, an agency), under one address. */
export interface Group<T> {
  slug: string;
  /** The name as the newest article writes it. */
  name: string;
  items: T[];
}

/**
 * Groups items under the names `names` gives each, names that differ only by case or
 * accents falling together (« Numérique » and « numérique » are one tag). Items keep their
 * order; groups come in the order of their slugs. A name with no letter or digit is dropped.
 */
export function groupByName<T>(items: readonly T[], names: (item: T) => readonly string[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    for (const name of new Set(names(item))) {
      const slug = toSlug(name);
      if (slug === '') continue;
      const group = groups.get(slug);
      if (group === undefined) groups.set(slug, { slug, name, items: [item] });
      else if (group.items.at(-1) !== item) group.items.push(item);
    }
  }
  return [...groups.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
