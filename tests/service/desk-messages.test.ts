import { describe, expect, test } from 'vitest';
import { text } from '../../services/comments/desk/messages.ts';

describe('what the desk says of a decision', () => {
  const result = { pseudonym: 'Lectrice du 11e', changed: true, notes: [] };

  test('in moderators’ words, without status names, paths or commands', () => {
    expect(
      text.decided({ ...result, effects: [{ kind: 'rejected', from: 'published', reason: 'Spam', unfeatured: true }] }),
    ).toBe(
      'Commentaire de Lectrice du 11e retiré du site (motif\u00A0: Spam) et retiré de la «\u00A0Sélection de la rédaction\u00A0».',
    );
    expect(text.decided({ ...result, effects: [{ kind: 'published', from: 'rejected', droppedReason: 'Spam' }] })).toBe(
      'Commentaire de Lectrice du 11e publié (son motif de rejet est retiré).',
    );
    expect(text.decided({ ...result, changed: false, effects: [{ kind: 'unchanged', already: 'published' }] })).toBe(
      'Commentaire de Lectrice du 11e déjà publié\u00A0: rien n’a changé.',
    );
  });

  test('with what to know about the replies', () => {
    expect(
      text.decided({
        ...result,
        effects: [{ kind: 'published', from: 'pending', droppedReason: undefined }],
        notes: [{ kind: 'reply-shown-alone', replyTo: 'c02', parentStatus: 'pending' }],
      }),
    ).toBe(
      'Commentaire de Lectrice du 11e publié. Attention\u00A0: il répond à un commentaire encore en attente, que les lecteurs ne voient pas\u202F; il s’affichera comme un commentaire à part.',
    );
    expect(
      text.decided({
        ...result,
        effects: [{ kind: 'rejected', from: 'published', reason: 'Spam', unfeatured: false }],
        notes: [{ kind: 'replies-shown-alone', replies: ['c03', 'c04'] }],
      }),
    ).toBe(
      'Commentaire de Lectrice du 11e retiré du site (motif\u00A0: Spam). Attention\u00A0: ses 2 réponses publiées s’afficheront comme des commentaires à part.',
    );
  });

  test('barring a reader: the day written out, and how many comments still wait', () => {
    const bar = { pseudonym: 'Zoé', changed: true, since: '2026-12-01', reason: 'Spam', pending: ['a/b', 'a/c'] };
    expect(text.barred(bar)).toBe(
      '«\u00A0Zoé\u00A0» ne peut plus commenter depuis le 1er décembre 2026 (motif\u00A0: Spam). 2 de ses commentaires attendent encore dans la file.',
    );
    expect(text.barred({ ...bar, changed: false, pending: [] })).toBe(
      '«\u00A0Zoé\u00A0» est déjà exclu\u00A0: rien n’a changé.',
    );
  });
});
