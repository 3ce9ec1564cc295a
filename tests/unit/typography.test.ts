import { describe, expect, test } from 'vitest';
import {
  NBSP,
  NNBSP,
  frenchMarks,
  isLongerThan,
  truncateVisible,
  typeset,
  visibleLength,
} from '../../src/lib/typography';

describe('frenchMarks', () => {
  test('turns straight double quotes into guillemets, opening and closing', () => {
    expect(frenchMarks('Il dit "non" puis ("oui")')).toBe('Il dit «non» puis («oui»)');
  });

  test('closes a quote that follows an emphasis cut into another text node', () => {
    expect(frenchMarks('" fin', 't')).toBe('» fin');
    expect(frenchMarks('"début', '')).toBe('«début');
  });

  test('sets apostrophes and ellipses', () => {
    expect(frenchMarks("l'État... 'oui'")).toBe('l’État… ’oui’');
  });
});

describe('typeset', () => {
  test('turns a straight apostrophe between letters into ’', () => {
    expect(typeset("L'entreprise d'Ondine")).toBe('L’entreprise d’Ondine');
  });

  test('puts no-break spaces inside guillemets, with or without spaces typed', () => {
    expect(typeset('« Bonjour »')).toBe(`«${NBSP}Bonjour${NBSP}»`);
    expect(typeset('«Bonjour»')).toBe(`«${NBSP}Bonjour${NBSP}»`);
  });

  test('uses a narrow no-break space before ; ! ? and a no-break space before :', () => {
    expect(typeset('Vraiment ? Oui ! Enfin ; bref : non')).toBe(
      `Vraiment${NNBSP}? Oui${NNBSP}! Enfin${NNBSP}; bref${NBSP}: non`,
    );
  });

  test('adds the space a writer forgot before ? and !', () => {
    expect(typeset('Qui?')).toBe(`Qui${NNBSP}?`);
    expect(typeset('Non!!')).toBe(`Non${NNBSP}!!`);
  });

  test('leaves clock times, URLs and query strings alone', () => {
    expect(typeset('à 17:05 sur https://exemple.fr/a?b=1')).toBe('à 17:05 sur https://exemple.fr/a?b=1');
  });
});

describe('isLongerThan', () => {
  test('compares what the reader sees, not UTF-16 units', () => {
    expect(isLongerThan('👍🏽'.repeat(3), 3)).toBe(false);
    expect(isLongerThan('👍🏽'.repeat(4), 3)).toBe(true);
    expect(isLongerThan('abcd', 3)).toBe(true);
    expect(isLongerThan('abc', 3)).toBe(false);
  });
});

describe('visibleLength', () => {
  test('counts an emoji or an accented letter as one character', () => {
    expect(visibleLength('é👍🏽🇫🇷')).toBe(3);
    expect('é👍🏽🇫🇷'.length).toBeGreaterThan(3);
  });
});

describe('truncateVisible', () => {
  test('keeps the first characters as the reader counts them, never half an emoji', () => {
    expect(truncateVisible('ab👍🏽🇫🇷cd', 3)).toBe('ab👍🏽');
    expect(truncateVisible('👍🏽'.repeat(2001), 2000)).toBe('👍🏽'.repeat(2000));
    expect(truncateVisible('court', 2000)).toBe('court');
  });
});
