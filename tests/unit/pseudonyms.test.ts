import { expect, test } from 'vitest';
import { samePseudonym } from '../../src/lib/pseudonyms';

test('a pseudonym is the same reader whatever its case, spaces, accent encoding or invisible characters', () => {
  expect(samePseudonym('Troll75', '  tROLL75 ')).toBe(true);
  expect(samePseudonym('Hélène', 'Hélène'.normalize('NFD'))).toBe(true);
  expect(samePseudonym('Troll75', 'Troll\u200B75')).toBe(true);
  expect(samePseudonym('Troll75', 'Troll76')).toBe(false);
});
