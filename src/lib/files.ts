import { readdirSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/**
 * Every file under `dir`, at any depth. Node's own `readdirSync(dir, { recursive: true })`
 * took 0.9 s for the 100,000 comment files of a 20,000-article archive; walking one folder at
 * a time takes a third of that, paid by every build and every `astro dev` start.
 */
export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}${sep}${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(resolve(dir));
  return files;
}
