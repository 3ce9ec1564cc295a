import { readFile } from 'node:fs/promises';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/** A content file the service cannot read as it must: the newsroom has to fix it. */
export class ContentFileError extends Error {
  readonly file: string;

  constructor(file: string, problem: string, cause?: unknown) {
    super(`${file}: ${problem}`, { cause });
    this.file = file;
  }
}

/** The file's text, or `undefined` when there is no such file. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The frontmatter of a Markdown file, read as the site's build reads it. */
export function frontmatterOf(file: string, source: string): Record<string, unknown> {
  try {
    return parseFrontmatter(source).frontmatter;
  } catch (error) {
    throw new ContentFileError(file, `the frontmatter is not valid YAML (${String(error)})`, error);
  }
}
