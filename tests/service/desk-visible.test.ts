import { describe, expect, test } from 'vitest';
import { visibleText } from '../../services/comments/desk/views/visible.ts';

const mark = (code: string) => `<span class="ctl" title="Caractère invisible U+${code}">‹U+${code}›</span>`;

describe('the text as typed, on the desk', () => {
  test('leaves the joiners and marks that writing needs: an emoji family, a Persian word, a right-to-left mark', () => {
    for (const ordinary of ['👨\u200D👩\u200D👧', 'می\u200Cخواهم', 'שלום\u200F!']) {
      expect(visibleText(ordinary)).toBe(ordinary);
    }
  });

  test('marks what the intake removes, and the invisible spaces that hide a word', () => {
    expect(visibleText('a\u0007b\u202Ec\u2066d')).toBe(`a${mark('0007')}b${mark('202E')}c${mark('2066')}d`);
    expect(visibleText('pa\u200Bri\u2060s\uFEFF')).toBe(`pa${mark('200B')}ri${mark('2060')}s${mark('FEFF')}`);
    expect(visibleText('une\tligne\npuis une autre')).toBe('une\tligne\npuis une autre');
  });
});
