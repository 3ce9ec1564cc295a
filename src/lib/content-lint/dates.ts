import { formatDay } from '../dates.ts';
import { type Finding, type Rule, finding } from './problem.ts';
import type { LintSource } from './source.ts';

const impossibleDate: Rule = { id: 'impossible-date', severity: 'error' };

/**
 * A date as YAML 1.1 reads one unquoted, and as the schema reads one quoted: day and month of
 * one or two digits, an optional time and offset. Both readers roll an impossible value over
 * (the 30th of February becomes the 2nd of March) instead of refusing it.
 */
const DATE =
  /(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?(?:[ \t]*(?:Z|[+-](\d{1,2})(?::?(\d{2}))?))?)?/;
const WHOLE_DATE = new RegExp(`^${DATE.source}$`);
const ANY_DATE = new RegExp(DATE.source, 'g');

const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const EXAMPLE = 'par exemple 2026-11-28T17:05:00+01:00';

/** What is impossible in a date's parts, in French with what to write, or `undefined`. */
function whatIsWrong(match: RegExpMatchArray): string | undefined {
  const [, year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match.map((part) =>
    part === undefined ? undefined : Number(part),
  );
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12) return `il n’y a pas de mois ${month} : écrivez le mois de 01 à 12, ${EXAMPLE}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    const rolled = formatDay(new Date(Date.UTC(year, month - 1, day)));
    const named = monthName.format(new Date(Date.UTC(year, month - 1, 1)));
    return `le ${day} ${named.replace(/ \d+$/, '')} ${year} n’existe pas (${named} a ${days} jours) et serait publié comme le ${rolled} : corrigez le jour, de 01 à ${days}`;
  }
  if (hour !== undefined && hour > 23) return `il n’y a pas d’heure ${hour} : écrivez l’heure de 00 à 23, ${EXAMPLE}`;
  if (minute !== undefined && minute > 59) return `il n’y a pas de minute ${minute} : écrivez les minutes de 00 à 59`;
  if (second !== undefined && second > 59) return `il n’y a pas de seconde ${second} : écrivez les secondes de 00 à 59`;
  if ((offsetHours ?? 0) > 14 || (offsetMinutes ?? 0) > 59) {
    return `le décalage horaire n’existe pas : écrivez +01:00 en hiver et +02:00 en été (heure de Paris)`;
  }
  return undefined;
}

/** Whether `text` holds only possible dates: a quick look that spares a comment's YAML. */
export function datesArePossible(text: string): boolean {
  for (const match of text.matchAll(ANY_DATE)) if (whatIsWrong(match) !== undefined) return false;
  return true;
}

/** Every frontmatter value written as a date that does not exist, quoted or not, in any field. */
export function checkDates(source: LintSource): Finding[] {
  const findings: Finding[] = [];
  for (const field of source.fields) {
    if (typeof field.value !== 'string') continue;
    const match = field.value.trim().match(WHOLE_DATE);
    const wrong = match ? whatIsWrong(match) : undefined;
    if (wrong) findings.push(finding(impossibleDate, field.line, field.path, `« ${field.value.trim()} » : ${wrong}`));
  }
  return findings;
}
