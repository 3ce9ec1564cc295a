import { describe, expect, test } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDateTimeFrom,
  formatDay,
  formatShortDateTime,
  isoParis,
} from '../../src/lib/dates';

describe('French dates, Paris time', () => {
  test('writes the date and time the way French news does', () => {
    expect(formatDateTime(new Date('2026-11-28T16:05:00Z'))).toBe('28 novembre 2026 à\u00A017\u00A0h\u00A005');
  });

  test('writes morning hours without a leading zero, minutes always with two digits', () => {
    expect(formatClock(new Date('2026-11-27T06:05:00Z'))).toBe('7\u00A0h\u00A005');
  });

  test('has a short form for cards, without the year', () => {
    expect(formatShortDateTime(new Date('2026-11-28T16:05:00Z'))).toBe('28 nov. à\u00A017\u00A0h\u00A005');
  });

  test('follows Paris summer time', () => {
    expect(formatDateTime(new Date('2026-07-14T08:30:00Z'))).toBe('14 juillet 2026 à\u00A010\u00A0h\u00A030');
  });

  test('writes « 1er » on the first of the month', () => {
    expect(formatDay(new Date('2026-12-01T09:00:00Z'))).toBe('1er décembre 2026');
  });

  test('writes « 1er » in every form, the short one for cards included', () => {
    const first = new Date('2026-11-30T23:05:00Z');
    expect(formatDateTime(first)).toBe('1er décembre 2026 à\u00A00\u00A0h\u00A005');
    expect(formatShortDateTime(first)).toBe('1er déc. à\u00A00\u00A0h\u00A005');
    expect(formatDay(new Date('2026-12-11T09:00:00Z'))).toBe('11 décembre 2026');
  });

  test('leaves out the year of a date in the current Paris year, as one says « le 3 décembre »', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(formatDateTimeFrom(new Date('2026-12-03T06:00:00Z'), now)).toBe('3 décembre à\u00A07\u00A0h\u00A000');
    expect(formatDateTimeFrom(new Date('2027-01-01T06:00:00Z'), now)).toBe('1er janvier 2027 à\u00A07\u00A0h\u00A000');
    // New Year's Eve in Paris is already the next year there.
    expect(formatDateTimeFrom(new Date('2026-12-31T23:30:00Z'), now)).toBe('1er janvier 2027 à\u00A00\u00A0h\u00A030');
  });

  test('turns late UTC evenings into the next Paris day', () => {
    expect(formatDay(new Date('2026-11-28T23:30:00Z'))).toBe('29 novembre 2026');
  });

  test('gives <time datetime> a Paris offset', () => {
    expect(isoParis(new Date('2026-11-28T16:05:00Z'))).toBe('2026-11-28T17:05+01:00');
    expect(isoParis(new Date('2026-07-14T08:30:00Z'))).toBe('2026-07-14T10:30+02:00');
  });
});
