import { expect, test } from 'vitest';
import { article, lint } from './lint';

const FILE = 'content/articles/tarif-electricite.md';

test('frontmatter-yaml: frontmatter that is not YAML is named, with its line', () => {
  expect(lint(article(['tags: [énergie, consommation']))).toEqual([`${FILE}:7: frontmatter: error frontmatter-yaml`]);
  expect(lint(article(['tags: [énergie, consommation]']))).toEqual([]);
});

test('a comment is a reader’s text, kept as sent: only its dates are checked', () => {
  const file = 'content/comments/tarif-electricite/c01.md';
  const comment = [
    '---',
    'article: tarif-electricite',
    'pseudonym: Feuillant',
    'publishedAt: 2026-11-28T18:12:00+01:00',
    'status: published',
    '---',
    '',
    '# ENFIN  UNE BAISSE.. [cliquez ici](http://exemple.fr)',
  ].join('\n');
  expect(lint(comment, file)).toEqual([]);
});
