import { expect, test } from 'vitest';
import { scriptText } from '../../src/i18n/fr';

const { count } = scriptText.search;

test('the result count reads as French: « Aucun », the singular for one, grouped thousands, the query in « »', () => {
  expect(count(0, 'vélo')).toBe('Aucun résultat pour «\u00A0vélo\u00A0»');
  expect(count(1, 'vélo')).toBe('1 résultat pour «\u00A0vélo\u00A0»');
  expect(count(1234, 'climat')).toBe('1\u202F234 résultats pour «\u00A0climat\u00A0»');
});
