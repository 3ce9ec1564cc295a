import { TIME_ZONE } from './dates';

const monthParts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', timeZone: TIME_ZONE });
const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: TIME_ZONE });

/** A month of the archive, as Paris reckons it: a story of 31 December at 23 h 30 UTC is January's. */
export interface Month {
  /** `2026/11`: the month's place in addresses. */
  key: string;
  /** « novembre 2026 ». */
  label: string;
}

function monthOf(date: Date): Month {
  const parts = monthParts.formatToParts(date);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  return { key: `${year}/${month}`, label: monthName.format(date) };
}

/** Stories grouped by month, newest month first; `items` must be newest first. */
export function byMonth<T>(items: readonly T[], dateOf: (item: T) => Date): (Month & { items: T[] })[] {
  const months = new Map<string, Month & { items: T[] }>();
  for (const item of items) {
    const month = monthOf(dateOf(item));
    const group = months.get(month.key);
    if (group === undefined) months.set(month.key, { ...month, items: [item] });
    else group.items.push(item);
  }
  return [...months.values()].sort((a, b) => b.key.localeCompare(a.key));
}
