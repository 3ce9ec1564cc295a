import { describe, expect, test } from 'vitest';
import { messages, page } from '../../services/comments/messages';
import { fr, scriptText } from '../../src/i18n/fr';
import { FRENCH_RULES } from './french-rules';

/**
 * Arguments to call each string function with: large numbers, to see them grouped, and
 * ordinary names. A function missing here fails the test, so that no new string escapes it.
 */
const SAMPLES: Record<string, unknown[][]> = {
  'scriptText.newsletter.success': [['prenom.nom@exemple.fr']],
  'scriptText.comments.limitReached': [[2000]],
  'scriptText.comments.counter': [
    [9, 2000],
    [12345, 12345],
  ],
  'scriptText.search.count': [
    [0, 'vélo'],
    [1, 'eau'],
    [1234, 'climat'],
  ],
  'scriptText.live.newMessages': [[1], [2], [1234]],
  'fr.readingTime': [[3], [12]],
  'fr.seeSection': [['Économie']],
  // What the pages hand it: the title and kicker already set the French way.
  'fr.share.cardAlt': [
    [{ section: 'Économie', title: 'Le tarif réglementé baissera en février', site: 'Kiosque' }],
    [{ section: 'Sciences & Tech', kicker: 'ENQUÊTE.', title: 'Courtiers en données\u00A0: enquête', site: 'Kiosque' }],
  ],
  'fr.comments.heading': [[0], [1234]],
  'fr.comments.inReplyTo': [['Camille']],
  'fr.comments.showMore': [[1], [1500]],
  'fr.comments.replies': [[1], [1200]],
  'fr.comments.counter': [[0, 2000]],
  'fr.comments.count': [[0], [1], [2], [1234]],
  'fr.comments.countOn': [
    [6, 'Électricité'],
    [1234, 'COP31'],
  ],
  'fr.listing.position': [[2, 12]],
  'fr.listing.title': [
    ['Économie', 1],
    ['Économie', 2],
  ],
  'fr.tag.description': [['vie privée']],
  'fr.agency.title': [['AFP']],
  'fr.agency.description': [['AFP']],
  'fr.author.articles': [['Claire Dumas']],
  'fr.author.description': [['Claire Dumas']],
  // A month as the archive names it; a year is never grouped.
  'fr.archive.month': [['novembre']],
  'fr.archive.monthDescription': [['novembre']],
  'fr.archive.count': [[1], [1234]],
  'service.messages.textTooLong': [[2000]],
  'service.messages.rateLimited': [[1], [30]],
  'service.messages.tooManyAttempts': [[1], [45]],
  'service.messages.subscribed': [['prenom.nom@exemple.fr']],
};

/** Every string a reader can see, the comment service's answers included, with where it comes from. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const samples = SAMPLES[path];
    if (samples === undefined) throw new Error(`${path}: add sample arguments to SAMPLES`);
    return samples.flatMap((args) =>
      strings((value as (...a: unknown[]) => unknown)(...args), `${path}(${args.join(', ')})`),
    );
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => strings(child, `${path}.${key}`));
}

const all = [...strings(fr, 'fr'), ...strings(scriptText, 'scriptText'), ...strings({ messages, page }, 'service')];

describe('every string a reader sees', () => {
  test('has no breakable space before : ; ! ?', () => {
    expect(all.filter(([, s]) => FRENCH_RULES['a breakable space before : ; ! ?']!.test(s))).toEqual([]);
  });

  test('has no space at all missing before ; ! ? in a sentence, nor before :', () => {
    const rule = FRENCH_RULES['no space at all before ; ! ? in a sentence, nor before :']!;
    expect(all.filter(([, s]) => rule.test(s))).toEqual([]);
  });

  test('holds « » to their words with no-break spaces', () => {
    expect(all.filter(([, s]) => FRENCH_RULES['« » not held to their words by no-break spaces']!.test(s))).toEqual([]);
  });

  test('uses typographic apostrophes and quotes', () => {
    expect(all.filter(([, s]) => FRENCH_RULES['a straight apostrophe or quote']!.test(s))).toEqual([]);
  });

  test('groups thousands in the numbers it shows', () => {
    expect(all.filter(([, s]) => /\d{4}/.test(s))).toEqual([]);
    expect(fr.comments.heading(1234)).toBe('Commentaires (1\u202F234)');
    expect(fr.comments.counter(0, 2000)).toBe('0 / 2\u202F000');
  });
});
