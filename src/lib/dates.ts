/** The newsroom's clock: every date a reader sees is Paris time. */
export const TIME_ZONE = 'Europe/Paris';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const dayMonthFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: TIME_ZONE });
const yearFormat = new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: TIME_ZONE });
const shortDayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: TIME_ZONE });
const clockFormat = new Intl.DateTimeFormat('fr-FR', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});
const isoParts = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
  timeZone: TIME_ZONE,
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** « 28 novembre 2026 », with « 1er » for the first of the month, as French print has it. */
export function formatDay(date: Date): string {
  return dayFormat.format(date).replace(/^1 /, '1er ');
}

/** « 17 h 05 », « 7 h 45 », Paris time: French writes the hour with « h », not a colon. */
export function formatClock(date: Date): string {
  const parts = clockFormat.formatToParts(date);
  return `${part(parts, 'hour')}\u00A0h\u00A0${part(parts, 'minute')}`;
}

/** « 28 novembre 2026 à 17 h 05 », Paris time. */
export function formatDateTime(date: Date): string {
  return `${formatDay(date)} à\u00A0${formatClock(date)}`;
}

/**
 * « 3 décembre à 7 h 00 » when the date falls in the year of `now`, Paris time, as one says it
 * of a date close at hand; « 3 janvier 2027 à 7 h 00 » otherwise.
 */
export function formatDateTimeFrom(date: Date, now: Date): string {
  const day = yearFormat.format(date) === yearFormat.format(now) ? dayMonthFormat.format(date) : dayFormat.format(date);
  return `${day.replace(/^1 /, '1er ')} à\u00A0${formatClock(date)}`;
}

/** « 28 nov. à 17 h 05 »: the compact form for cards on fronts, where the year goes without saying. */
export function formatShortDateTime(date: Date): string {
  return `${shortDayFormat.format(date).replace(/^1 /, '1er ')} à\u00A0${formatClock(date)}`;
}

/** Machine-readable Paris time for `<time datetime>`, e.g. 2026-11-28T17:05+01:00. */
export function isoParis(date: Date): string {
  const parts = isoParts.formatToParts(date);
  const offset = part(parts, 'timeZoneName').replace('GMT', '') || '+00:00';
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}T${part(parts, 'hour')}:${part(parts, 'minute')}${offset}`;
}

/**
 * Paris time as frontmatter writes it, to the minute, with the seconds and the offset:
 * 2026-12-07T09:30:00+01:00 (`frontmatterDate` reads it back).
 */
export function frontmatterParis(date: Date): string {
  return isoParis(date).replace(/T(\d{2}:\d{2})/, 'T$1:00');
}

/** A day, or a day and time with its offset: 2026-11-28, 2026-11-28T17:05:00+01:00. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A frontmatter date, as YAML gives it unquoted (a `Date`) or as an ISO 8601 string; anything
 * else is `undefined` rather than guessed: JavaScript's own parser reads « le 3 novembre » as
 * a date in 2001, and a time without an offset would depend on the machine that reads it.
 */
export function frontmatterDate(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && ISO_8601.test(value.trim())
        ? new Date(value.trim())
        : undefined;
  return date === undefined || Number.isNaN(date.getTime()) ? undefined : date;
}

const shortRelative = new Intl.RelativeTimeFormat('fr', { style: 'short', numeric: 'always' });
const longRelative = new Intl.RelativeTimeFormat('fr', { style: 'long', numeric: 'always' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago, the way a French newsroom says it: « il y a 40 s », « il y a 12 min »,
 * « il y a 3 h » (short units under a day), then « il y a 2 jours », « il y a 3 mois »,
 * « il y a 1 an » (whole words). Always a number, never « hier », whose meaning depends on the
 * hour. A date in the future (a clock ahead) reads « dans 5 min ».
 */
export function relativeAge(date: Date, now: Date): string {
  const elapsed = now.getTime() - date.getTime();
  const size = Math.abs(elapsed);
  const sign = elapsed >= 0 ? -1 : 1;
  const count = (unit: number) => sign * Math.floor(size / unit);
  if (size < MINUTE) return shortRelative.format(count(1000), 'second');
  if (size < HOUR) return shortRelative.format(count(MINUTE), 'minute');
  if (size < DAY) return shortRelative.format(count(HOUR), 'hour');
  if (size < 30 * DAY) return longRelative.format(count(DAY), 'day');
  if (size < 365 * DAY) return longRelative.format(count(30 * DAY), 'month');
  return longRelative.format(count(365 * DAY), 'year');
}
