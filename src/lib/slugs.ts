/**
 * Whether `value` can be part of an address: lower-case letters, digits and single hyphens
 * (`velo-trajets`, `c07`). File names are addresses, so the loader, the « Lire aussi »
 * directive and the comment service all hold names to this one rule.
 */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
}
