import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { REJECTION_REASONS } from '../../services/moderation/reasons.ts';

const CHARTER = readFileSync(new URL('../../content/pages/charte-de-moderation.md', import.meta.url), 'utf8');

/** The items of « Les motifs de refus », in order. */
function charterReasons(): string[] {
  const section = CHARTER.split(/^## /m).find((part) => part.startsWith('Les motifs de refus'));
  return (section ?? '').split('\n').filter((line) => line.startsWith('- '));
}

/** A word without accents nor case, cut to five letters: « répété » and « répètent » meet. */
const stem = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 5);

describe('the rejection reasons the desk offers', () => {
  test('are one per item of the charter’s « Les motifs de refus », in its order and its words', () => {
    const items = charterReasons();
    expect(items).toHaveLength(6);
    expect(REJECTION_REASONS).toHaveLength(items.length);
    REJECTION_REASONS.forEach((reason, index) => {
      const item = new Set((items[index]!.match(/\p{L}+/gu) ?? []).map(stem));
      const words = (reason.match(/\p{L}{5,}/gu) ?? []).map(stem);
      expect(words.length, reason).toBeGreaterThan(0);
      expect(
        words.filter((word) => !item.has(word)),
        `« ${reason} » and « ${items[index]} »`,
      ).toEqual([]);
    });
  });

  test('are short, distinct and written as a reader is answered', () => {
    expect(new Set(REJECTION_REASONS).size).toBe(REJECTION_REASONS.length);
    for (const reason of REJECTION_REASONS) {
      expect(reason.length).toBeLessThanOrEqual(70);
      expect(reason).toMatch(/^\p{Lu}/u);
      expect(reason).not.toMatch(/[.;]$/);
    }
  });
});
