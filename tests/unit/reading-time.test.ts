import { describe, expect, test } from 'vitest';
import { countWords, readingMinutes } from '../../src/lib/reading-time';

describe('reading time', () => {
  test('counts words across French punctuation and elisions', () => {
    expect(countWords('L’État a dit : « non ». Vingt-deux fois !')).toBe(8);
  });

  test('rounds up, with one minute at least', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(700)).toBe(4);
  });
});
