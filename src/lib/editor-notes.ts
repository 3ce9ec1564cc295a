import type { EditorNote } from './site';

/** A correction or an update, as the story prints it: « Rectificatif », « Mise à jour ». */
export interface DatedNote extends EditorNote {
  kind: 'correction' | 'update';
}

/**
 * The story's corrections and updates in one list, newest first: a reader coming back sees
 * first what changed last. A correction and an update of the same minute keep the correction
 * first, as it says the story was wrong.
 */
export function notesNewestFirst(article: {
  corrections: readonly EditorNote[];
  updates: readonly EditorNote[];
}): DatedNote[] {
  return [
    ...article.corrections.map((note) => ({ kind: 'correction' as const, ...note })),
    ...article.updates.map((note) => ({ kind: 'update' as const, ...note })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.kind === b.kind ? 0 : a.kind === 'correction' ? -1 : 1));
}
