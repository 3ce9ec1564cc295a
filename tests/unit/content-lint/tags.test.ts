import { expect, test } from 'vitest';
import { checkTagVariants } from '../../../src/lib/content-lint/tags';
import { plain } from './lint';

const use = (file: string, name: string, line = 8) => ({ file: `content/articles/${file}.md`, name, line });
const where = (problems: ReturnType<typeof checkTagVariants>) =>
  problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.severity} ${p.rule}`);

test('tag-variant: a spelling that differs by case or accents from the most common one', () => {
  const problems = checkTagVariants([
    use('a', 'énergie'),
    use('b', 'énergie'),
    use('c', 'Energie', 9),
    use('c', 'climat', 9),
    use('d', 'climat'),
  ]);
  expect(where(problems)).toEqual(['content/articles/c.md:9: tags: warning tag-variant']);
  expect(plain(problems[0]?.message)).toBe(
    '« Energie » s’écrit « énergie » dans 2 autres articles : écrivez « énergie », pour que le sujet garde un seul nom sur sa page /sujets/',
  );
});

test('by punctuation too, as the tag’s address has it', () => {
  const problems = checkTagVariants([
    use('a', 'pouvoir d’achat'),
    use('b', 'pouvoir d’achat'),
    use('c', 'Pouvoir-d’achat'),
  ]);
  expect(where(problems)).toEqual(['content/articles/c.md:8: tags: warning tag-variant']);
});

test('one spelling everywhere, or distinct tags: nothing to say', () => {
  expect(checkTagVariants([use('a', 'énergie'), use('b', 'énergie'), use('c', 'énergies')])).toEqual([]);
});

test('between two spellings used as often, lower case wins', () => {
  expect(where(checkTagVariants([use('a', 'Numérique'), use('b', 'numérique')]))).toEqual([
    'content/articles/a.md:8: tags: warning tag-variant',
  ]);
});
