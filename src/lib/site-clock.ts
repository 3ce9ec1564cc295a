/**
 * The moment the site is built for: now, or `KIOSQUE_NOW` (an ISO date) so that tests and a
 * rebuild of an old commit close comments and publish scheduled stories as they did then.
 */
export function siteClock(fixed: string | undefined = process.env['KIOSQUE_NOW']): Date {
  if (fixed === undefined || fixed === '') return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`KIOSQUE_NOW: expected an ISO date, got "${fixed}"`);
  return date;
}
