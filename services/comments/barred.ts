import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { samePseudonym } from '../../src/lib/pseudonyms.ts';
import { ContentFileError, readIfExists } from './content-files.ts';

/**
 * Whether `content/barred.yaml` lists the pseudonym. No file bars nobody; a file the service
 * cannot read throws, naming it, rather than letting barred readers through.
 */
export async function isBarred(contentDir: string, pseudonym: string): Promise<boolean> {
  const file = join(contentDir, 'barred.yaml');
  const source = await readIfExists(file);
  if (source === undefined) return false;
  return barredPseudonyms(file, source).some((barred) => samePseudonym(barred, pseudonym));
}

function barredPseudonyms(file: string, source: string): string[] {
  const entries = parseYaml(file, source);
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new ContentFileError(file, 'expected a list of entries (- pseudonym: …)');
  return entries.map((entry: unknown, index) => {
    const pseudonym = (entry as { pseudonym?: unknown } | null)?.pseudonym;
    if (typeof pseudonym === 'string') return pseudonym;
    // As `npm run moderate -- bar` reads them (services/moderation/barred.ts): `pseudonym: 1789` is a name.
    if (typeof pseudonym === 'number') return String(pseudonym);
    // `Null`, `yes` or `~` read as YAML's null or booleans, not as the name written.
    const hint = pseudonym === undefined ? 'missing' : 'not read as a name: put it in quotes ("Null")';
    throw new ContentFileError(file, `entry ${index + 1}: pseudonym: ${hint}`);
  });
}

/**
 * The file's YAML, through the frontmatter parser the project already has (its YAML reader is
 * not a dependency of ours). `undefined` for an empty file.
 */
function parseYaml(file: string, source: string): unknown {
  let parsed;
  try {
    parsed = parseFrontmatter(`---\n${source}\n---\n`);
  } catch (error) {
    throw new ContentFileError(file, `not valid YAML (${String(error)})`, error);
  }
  // A line of --- inside the file would end the "frontmatter" early and hide the entries after it.
  if (parsed.rawFrontmatter !== `\n${source}\n`) throw new ContentFileError(file, 'a line --- splits the file');
  const { frontmatter } = parsed;
  if (Array.isArray(frontmatter) || Object.keys(frontmatter).length > 0) return frontmatter;
  // A lone name (`Troll75`) reads as nothing at all: only a file of blanks and comments is empty.
  if (source.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#'))) {
    throw new ContentFileError(file, 'expected a list of entries (- pseudonym: …)');
  }
  return undefined;
}
