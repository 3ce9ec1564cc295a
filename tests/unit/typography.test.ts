import { describe, expect, test } from 'vitest';
import { NBSP, NNBSP, frenchSpacing, visibleLength } from '../../src/lib/typography';

describe('frenchSpacing', () => {
  test('puts no-break spaces inside guillemets, with or without spaces typed', () => {
    expect(frenchSpacing('« Bonjour »')).toBe(`«${NBSP}Bonjour${NBSP}»`);
    expect(frenchSpacing('«Bonjour»')).toBe(`«${NBSP}Bonjour${NBSP}»`);
  });

  test('uses a narrow no-break space before ; ! ? and a no-break space before :', () => {
    expect(frenchSpacing('Vraiment ? Oui ! Enfin ; bref : non')).toBe(
      `Vraiment${NNBSP}? Oui${NNBSP}! Enfin${NNBSP}; bref${NBSP}: non`,
    );
  });

  test('adds the space a writer forgot before ? and !', () => {
    expect(frenchSpacing('Qui?')).toBe(`Qui${NNBSP}?`);
    expect(frenchSpacing('Non!!')).toBe(`Non${NNBSP}!!`);
  });

  test('leaves clock times, URLs and query strings alone', () => {
    expect(frenchSpacing('à 17:05 sur https://exemple.fr/a?b=1')).toBe('à 17:05 sur https://exemple.fr/a?b=1');
  });
});

describe('visibleLength', () => {
  test('counts an emoji or an accented letter as one character', () => {
    expect(visibleLength('é👍🏽🇫🇷')).toBe(3);
    expect('é👍🏽🇫🇷'.length).toBeGreaterThan(3);
  });
});
