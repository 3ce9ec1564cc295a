import { expect, test } from 'vitest';
import { samePseudonym } from '../../src/lib/pseudonyms';

test('a pseudonym is the same reader whatever its case, spaces, accent encoding or invisible characters', () => {
  expect(samePseudonym('Troll75', '  tROLL75 ')).toBe(true);
  expect(samePseudonym('Hélène', 'Hélène'.normalize('NFD'))).toBe(true);
  expect(samePseudonym('Troll75', 'Troll\u200B75')).toBe(true);
  expect(samePseudonym('Troll75', 'Troll76')).toBe(false);
});

test('a pseudonym written in compatibility forms is the same reader', () => {
  expect(samePseudonym('Null', 'Ｎｕｌｌ')).toBe(true);
  expect(samePseudonym('Null', 'ℕull')).toBe(true);
  expect(samePseudonym('Sofiane', 'Soﬁane')).toBe(true);
  expect(samePseudonym('Null', 'Nul')).toBe(false);
});
