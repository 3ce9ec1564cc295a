import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
