import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testBuildEnv } from './global-setup';
import { root } from './site';

/** Reads a content file's frontmatter field the simple way, to check the site against the files. */
function field(markdown: string, name: string): string | undefined {
  const frontmatter = markdown.split(/^---$/m)[1] ?? '';
  return frontmatter.match(new RegExp(`^${name}:\\s*(.+)$`, 'm'))?.[1]?.trim();
}

/** The published comment files of each article, straight from `content/comments/`. */
export function publishedCommentFiles(): Map<string, string[]> {
  const dir = join(root, 'content/comments');
  const result = new Map<string, string[]>();
  for (const article of readdirSync(dir)) {
    const files = readdirSync(join(dir, article)).filter((name) => name.endsWith('.md'));
    result.set(
      article,
      files.filter((name) => field(readFileSync(join(dir, article, name), 'utf8'), 'status') === 'published'),
    );
  }
  return result;
}

/** An article's section, from its file. */
export function articleSection(slug: string): string {
  const markdown = readFileSync(join(root, 'content/articles', `${slug}.md`), 'utf8');
  const section = field(markdown, 'section');
  if (section === undefined) throw new Error(`content/articles/${slug}.md has no section`);
  return section;
}

/** What the listings need to know of an article, read from its file without the site's code. */
export interface ArticleFile {
  slug: string;
  title: string;
  publishedAt: Date;
  tags: string[];
  authors: string[];
  source: string | undefined;
  related: string[];
  readAlso: string[];
}

const testClock = new Date(testBuildEnv.KIOSQUE_NOW);

const inlineList = (value: string | undefined) =>
  (value?.match(/^\[(.*)\]$/)?.[1] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const unquoted = (value: string) => value.replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');

/**
 * Every article published at the tests' clock, neither a draft nor scheduled after it, newest
 * first (the sample content writes lists inline: `tags: [a, b]`).
 */
export function articleFiles(): ArticleFile[] {
  const dir = join(root, 'content/articles');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const markdown = readFileSync(join(dir, name), 'utf8');
      return {
        markdown,
        file: {
          slug: name.replace(/\.md$/, ''),
          title: unquoted(field(markdown, 'title') ?? ''),
          publishedAt: new Date(field(markdown, 'publishedAt') ?? ''),
          tags: inlineList(field(markdown, 'tags')),
          authors: inlineList(field(markdown, 'authors')),
          source: field(markdown, 'source'),
          related: inlineList(field(markdown, 'related')),
          readAlso: [...markdown.matchAll(/^::lire-aussi\{article="([^"]+)"\}/gm)].map((m) => m[1] ?? ''),
        },
      };
    })
    .filter(({ markdown, file }) => field(markdown, 'draft') !== 'true' && file.publishedAt <= testClock)
    .map(({ file }) => file)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}
