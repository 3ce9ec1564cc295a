import { describe, expect, test } from 'vitest';
import {
  french,
  NBSP,
  NNBSP,
  formatNumber,
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

describe('typeset: numbers, hours and ordinals', () => {
  test('keeps a unit or a multiplier on the line of its number', () => {
    expect(typeset('1,5 gigawatt pour 4,2 millions d’euros, 25 euros et 3 ans')).toBe(
      `1,5${NBSP}gigawatt pour 4,2${NBSP}millions d’euros, 25${NBSP}euros et 3${NBSP}ans`,
    );
    // Only units: a number followed by an ordinary word may break there.
    expect(typeset('en 2026 les anciens')).toBe('en 2026 les anciens');
  });

  test('groups thousands with a narrow no-break space, and leaves years and short numbers as written', () => {
    expect(typeset('12000 manifestants et 1234567 votes en 2026, soit 1500 par bureau')).toBe(
      `12${NNBSP}000 manifestants et 1${NNBSP}234${NNBSP}567 votes en 2026, soit 1500 par bureau`,
    );
  });

  test('makes the spaces a writer typed in a number unbreakable, and leaves decimals alone', () => {
    expect(typeset('12 000 euros, 3,14159 et 12345,67 euros')).toBe(
      `12${NNBSP}000${NBSP}euros, 3,14159 et 12${NNBSP}345,67${NBSP}euros`,
    );
  });

  test('does not group postal codes, references or numbers inside addresses', () => {
    expect(typeset('75001 Paris, dossier A-123456, https://exemple.fr/2026/123456?id=98765')).toBe(
      '75001 Paris, dossier A-123456, https://exemple.fr/2026/123456?id=98765',
    );
  });

  test('keeps a narrow no-break space before % and €', () => {
    expect(typeset('4 % et 12€')).toBe(`4${NNBSP}% et 12${NNBSP}€`);
  });

  test('writes hours the French way: « 17 h 05 », « 8 h »', () => {
    expect(typeset('à 17h05, puis 8h et 17 h 30')).toBe(`à 17${NBSP}h${NBSP}05, puis 8${NBSP}h et 17${NBSP}h${NBSP}30`);
  });

  test('leaves words and references that merely contain an h alone', () => {
    expect(typeset('le virus H5N1 et 2020 heures')).toBe(`le virus H5N1 et 2020${NBSP}heures`);
  });

  test('keeps « 1er » on the line and corrects the long forms of ordinals', () => {
    expect(typeset('le 1er février, la 1ère fois, le 2ème tour, les 3èmes, le XIXe siècle')).toBe(
      'le 1er février, la 1re fois, le 2e tour, les 3es, le XIXe siècle',
    );
  });

  test('leaves web and e-mail addresses exactly as typed, apostrophes and colons included', () => {
    const text = "Écrire à jean.dupont@exemple.fr ou voir https://exemple.fr/l'article?a=1&b=2 : c'est tout";
    expect(typeset(text)).toBe(
      `Écrire à jean.dupont@exemple.fr ou voir https://exemple.fr/l'article?a=1&b=2${NBSP}: c’est tout`,
    );
  });
});

describe('formatNumber', () => {
  test('groups thousands the way fr-FR does, with a narrow no-break space', () => {
    expect(formatNumber(2000)).toBe(`2${NNBSP}000`);
    expect(formatNumber(999)).toBe('999');
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

describe('french`…`', () => {
  test('spaces the words of a message the French way, and leaves what is put in it as it is', () => {
    const path = 'content/articles/greve-24h.md';
    expect(french`${path} existe déjà ; « ${'12000 : x'} » ?`).toBe(
      'content/articles/greve-24h.md existe déjà\u202F; «\u00A012000 : x\u00A0»\u202F?',
    );
  });
});
