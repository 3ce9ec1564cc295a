import { describe, expect, test } from 'vitest';
import { ContentError, checkIntegrity, checkLiveEntries, type IntegrityInput } from '../../src/lib/integrity';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

function content(): IntegrityInput {
  return {
    now: at(29),
    sections: ['economie', 'culture'],
    authors: ['claire-dumas'],
    articles: [
      {
        id: 'a',
        file: 'content/articles/a.md',
        draft: false,
        publishedAt: at(20),
        section: 'economie',
        authors: ['claire-dumas'],
        related: ['b'],
        readAlso: ['b'],
      },
      {
        id: 'b',
        file: 'content/articles/b.md',
        draft: false,
        publishedAt: at(20),
        section: 'culture',
        authors: [],
        related: [],
        readAlso: [],
      },
      {
        id: 'programme',
        file: 'content/articles/programme.md',
        draft: false,
        publishedAt: new Date('2026-12-03T06:00:00Z'),
        section: 'culture',
        authors: [],
        related: [],
        readAlso: [],
      },
      {
        id: 'brouillon',
        file: 'content/articles/brouillon.md',
        draft: true,
        publishedAt: at(20),
        section: 'culture',
        authors: [],
        related: [],
        readAlso: [],
      },
    ],
    comments: [
      { id: 'a/c01', file: 'content/comments/a/c01.md', article: 'a', publishedAt: at(20) },
      { id: 'a/c02', file: 'content/comments/a/c02.md', article: 'a', publishedAt: at(21), replyTo: 'c01' },
      { id: 'b/c01', file: 'content/comments/b/c01.md', article: 'b', publishedAt: at(20) },
    ],
    picks: [{ id: 'pick-1', file: 'content/picks.yaml', field: 'pick-1.article', article: 'a' }],
    documents: [
      { file: 'content/articles/a.md', rendered: true, problems: [] },
      { file: 'content/comments/a/c01.md', rendered: true, problems: [] },
    ],
  };
}

function problemsAfter(change: (input: IntegrityInput) => void) {
  const input = content();
  change(input);
  return checkIntegrity(input).map((p) => `${p.file}: ${p.field}: ${p.message}`);
}

describe('checkIntegrity', () => {
  test('finds nothing wrong in consistent content', () => {
    expect(checkIntegrity(content())).toEqual([]);
  });

  test('names an unknown section, listing the known ones', () => {
    expect(problemsAfter((c) => Object.assign(c.articles[0]!, { section: 'economy' }))).toEqual([
      'content/articles/a.md: section: unknown section "economy" (known: culture, economie)',
    ]);
  });

  test('names an unknown author', () => {
    expect(problemsAfter((c) => Object.assign(c.articles[0]!, { authors: ['claire-duma'] }))).toEqual([
      'content/articles/a.md: authors: unknown author "claire-duma" (known: claire-dumas)',
    ]);
  });

  test('names a related article that does not exist', () => {
    expect(problemsAfter((c) => Object.assign(c.articles[0]!, { related: ['disparu'] }))).toEqual([
      'content/articles/a.md: related: no article "disparu"',
    ]);
  });

  test('names an inline « Lire aussi » to a missing article, to a draft or to a scheduled story, with both files', () => {
    expect(
      problemsAfter((c) => Object.assign(c.articles[0]!, { readAlso: ['disparu', 'brouillon', 'programme'] })),
    ).toEqual([
      'content/articles/a.md: body: ::lire-aussi names no article "disparu"',
      'content/articles/a.md: body: ::lire-aussi names "brouillon", which is still a draft (content/articles/brouillon.md): publish it first, or remove the link',
      'content/articles/a.md: body: ::lire-aussi names "programme", which is scheduled for 2026-12-03T07:00+01:00 (content/articles/programme.md): link to it once it is out, or publish this story after it',
    ]);
  });

  test('names a related story that is a draft or scheduled, with both files', () => {
    expect(problemsAfter((c) => Object.assign(c.articles[0]!, { related: ['brouillon', 'programme'] }))).toEqual([
      'content/articles/a.md: related: "brouillon" is still a draft (content/articles/brouillon.md): publish it first, or remove the link',
      'content/articles/a.md: related: "programme" is scheduled for 2026-12-03T07:00+01:00 (content/articles/programme.md): link to it once it is out, or publish this story after it',
    ]);
  });

  test('lets a draft or a scheduled story name one that is not out yet: both appear together or in order', () => {
    expect(
      problemsAfter((c) => {
        // The scheduled story names the draft, the draft names the scheduled story.
        Object.assign(c.articles[2]!, { related: ['brouillon'], readAlso: ['brouillon'] });
        Object.assign(c.articles[3]!, { related: ['programme'], readAlso: ['programme'] });
      }),
    ).toEqual([]);
  });

  test('names a comment on an unknown article', () => {
    expect(problemsAfter((c) => Object.assign(c.comments[2]!, { article: 'inconnu' }))).toEqual([
      'content/comments/b/c01.md: article: no article "inconnu"',
    ]);
  });

  test('names a comment filed in another article’s folder', () => {
    expect(problemsAfter((c) => Object.assign(c.comments[2]!, { article: 'a' }))).toEqual([
      'content/comments/b/c01.md: article: says "a" but the file is in the folder of "b"',
    ]);
  });

  test('names a reply to a missing comment', () => {
    expect(problemsAfter((c) => Object.assign(c.comments[1]!, { replyTo: 'c09' }))).toEqual([
      'content/comments/a/c02.md: replyTo: no comment "c09" in a/',
    ]);
  });

  test('names a reply to another article’s comment', () => {
    expect(problemsAfter((c) => Object.assign(c.comments[1]!, { replyTo: 'b/c01' }))).toEqual([
      'content/comments/a/c02.md: replyTo: "b/c01" is a comment on another article ("b")',
    ]);
  });

  test('names a reply older than the comment it answers', () => {
    expect(problemsAfter((c) => Object.assign(c.comments[1]!, { publishedAt: at(19) }))).toEqual([
      'content/comments/a/c02.md: replyTo: answers "c01", which was published after it',
    ]);
  });

  test('names an « À ne pas manquer » entry pointing nowhere', () => {
    expect(problemsAfter((c) => Object.assign(c.picks[0]!, { article: 'parti' }))).toEqual([
      'content/picks.yaml: pick-1.article: no article "parti"',
    ]);
  });

  test('passes on what the Markdown pipeline found wrong in a body', () => {
    expect(
      problemsAfter((c) =>
        Object.assign(c.documents[1]!, { problems: ['the comment is 2101 characters long; the limit is 2000'] }),
      ),
    ).toEqual(['content/comments/a/c01.md: body: the comment is 2101 characters long; the limit is 2000']);
  });

  test('names a file Astro could not render instead of publishing it empty', () => {
    expect(problemsAfter((c) => Object.assign(c.documents[0]!, { rendered: false }))).toEqual([
      'content/articles/a.md: body: could not be rendered; Astro printed the reason above',
    ]);
  });

  test('refuses a section id that would hide a site page', () => {
    expect(problemsAfter((c) => Object.assign(c, { sections: [...c.sections, 'infos'] }))).toEqual([
      'sections/infos.yaml: id: "infos" is reserved for the site\'s own pages; rename the file',
    ]);
  });

  test('reports every problem in one error, one line each', () => {
    const input = content();
    Object.assign(input.articles[0]!, { section: 'x', related: ['y'] });
    const error = new ContentError(checkIntegrity(input));
    expect(error.message.split('\n')).toEqual([
      'The content has 2 problems:',
      '  content/articles/a.md: section: unknown section "x" (known: culture, economie)',
      '  content/articles/a.md: related: no article "y"',
    ]);
  });
});

describe('live messages', () => {
  const articles = [
    {
      id: 'tempete',
      file: 'content/articles/tempete.md',
      live: true,
      publishedAt: new Date('2026-11-29T06:30:00+01:00'),
    },
    { id: 'usine', file: 'content/articles/usine.md', live: false, publishedAt: at(20) },
  ];
  const message = (id: string, publishedAt = '2026-11-29T09:40:00+01:00', authors = ['claire-dumas']) => ({
    id,
    file: `content/live/${id}.md`,
    publishedAt: new Date(publishedAt),
    authors,
  });
  const problemsOf = (...entries: ReturnType<typeof message>[]) =>
    checkLiveEntries(entries, { articles, authors: ['claire-dumas'] }).map(
      (p) => `${p.file}: ${p.field}: ${p.message}`,
    );

  test('accepts a message in the folder of a live, posted after its publication', () => {
    expect(problemsOf(message('tempete/0940'))).toEqual([]);
  });

  test('refuses a message whose folder names no article, or an article that is not a live', () => {
    expect(problemsOf(message('tempte/0940'), message('usine/0940'), message('0940'))).toEqual([
      'content/live/tempte/0940.md: folder: no article "tempte"',
      'content/live/usine/0940.md: folder: "usine" is not a live coverage: add `live: true` to content/articles/usine.md',
      'content/live/0940.md: folder: a live message goes in the folder of its article: content/live/<article-slug>/',
    ]);
  });

  test('refuses a message dated before the article’s publication, and an unknown author', () => {
    expect(problemsOf(message('tempete/0600', '2026-11-29T06:00:00+01:00', ['claire', 'claire-dumas']))).toEqual([
      "content/live/tempete/0600.md: publishedAt: 2026-11-29T06:00+01:00 is earlier than the article's publication (2026-11-29T06:30+01:00)",
      'content/live/tempete/0600.md: authors: unknown author "claire" (known: claire-dumas)',
    ]);
  });
});
