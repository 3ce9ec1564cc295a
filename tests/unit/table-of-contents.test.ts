import { describe, expect, test } from 'vitest';
import { intertitlesOf, tableOfContents } from '../../src/lib/table-of-contents';

const intertitles = ['Un', 'Deux', 'Trois', 'Quatre'].map((text) => ({ id: text.toLowerCase(), text }));

describe('tableOfContents', () => {
  test('lists every intertitle, in reading order, from four on', () => {
    expect(tableOfContents(intertitles).map((entry) => entry.text)).toEqual(['Un', 'Deux', 'Trois', 'Quatre']);
  });

  test('gives no « Sommaire » to an article with three intertitles or fewer', () => {
    expect(tableOfContents(intertitles.slice(0, 3))).toEqual([]);
    expect(tableOfContents([])).toEqual([]);
  });
});

describe('intertitlesOf', () => {
  test('keeps the well-formed entries of facts read back from the cache', () => {
    expect(intertitlesOf([{ id: 'un', text: 'Un' }, { id: 2 }, null, 'texte'])).toEqual([{ id: 'un', text: 'Un' }]);
    expect(intertitlesOf(undefined)).toEqual([]);
  });
});
