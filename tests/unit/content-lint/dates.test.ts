import { describe, expect, test } from 'vitest';
import { article, lint, messages } from './lint';

const FILE = 'content/articles/tarif-electricite.md';

describe('impossible-date: a date that does not exist stops the build', () => {
  test('the 30th of February, unquoted, which YAML would publish on the 2nd of March', () => {
    const bad = article(['updatedAt: 2026-02-30T09:00:00+01:00']);
    expect(lint(bad)).toEqual([`${FILE}:7: updatedAt: error impossible-date`]);
    expect(messages(bad)[0]).toMatch(/30 février 2026 n’existe pas .* 2 mars 2026.* de 01 à 28/);
    expect(lint(article(['updatedAt: 2026-02-28T09:00:00+01:00']))).toEqual([]);
  });

  test('the 29th of February exists in a leap year only', () => {
    expect(lint(article(['updatedAt: 2027-02-29']))).toEqual([`${FILE}:7: updatedAt: error impossible-date`]);
    expect(lint(article(['updatedAt: 2028-02-29']))).toEqual([]);
  });

  test('quoted, a month 13, an hour 25, an offset of 25 hours', () => {
    const bad = article(['updatedAt: "2026-04-31T10:00:00+02:00"']);
    expect(lint(bad)).toEqual([`${FILE}:7: updatedAt: error impossible-date`]);
    expect(lint(article(['updatedAt: 2026-13-01']))).toEqual([`${FILE}:7: updatedAt: error impossible-date`]);
    expect(lint(article(['updatedAt: 2026-12-01T25:00:00+01:00']))).toEqual([
      `${FILE}:7: updatedAt: error impossible-date`,
    ]);
    expect(messages(article(['updatedAt: 2026-12-01T25:00:00+01:00']))[0]).toMatch(/pas d’heure 25/);
    expect(lint(article(['updatedAt: 2026-12-01T10:00:00+25:00']))).toEqual([
      `${FILE}:7: updatedAt: error impossible-date`,
    ]);
    expect(lint(article(['updatedAt: "2026-04-30T10:00:00+02:00"']))).toEqual([]);
  });

  test('in a comment, a moderator’s file', () => {
    const comment = (date: string) =>
      [
        '---',
        'article: tarif-electricite',
        'pseudonym: Feuillant',
        `publishedAt: ${date}`,
        'status: published',
        '---',
        '',
        'Bonne nouvelle.',
      ].join('\n');
    const file = 'content/comments/tarif-electricite/c01.md';
    expect(lint(comment('2026-11-31T18:12:00+01:00'), file)).toEqual([`${file}:4: publishedAt: error impossible-date`]);
    expect(lint(comment('2026-11-30T18:12:00+01:00'), file)).toEqual([]);
  });

  test('in a standing page', () => {
    const page = (date: string) =>
      [
        '---',
        'title: Mentions légales',
        'description: Qui publie Kiosque.',
        `updatedAt: ${date}`,
        '---',
        '',
        'Texte.',
      ].join('\n');
    const file = 'content/pages/mentions-legales.md';
    expect(lint(page('2026-06-31'), file)).toEqual([`${file}:4: updatedAt: error impossible-date`]);
    expect(lint(page('2026-06-30'), file)).toEqual([]);
  });
});
