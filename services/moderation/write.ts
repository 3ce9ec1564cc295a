import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ModerationError } from './errors.ts';
import { shownPath } from './text.ts';

/**
 * Writes a file so that it is never seen half-written: the text goes to a temporary file in
 * the same folder (a name the site's loader ignores), flushed to disk, then takes the file's
 * place in one step. `previous` says what must be there at that moment:
 * - the text read earlier: the file is replaced only if nobody changed it meanwhile;
 * - `null`: the file must not exist (it is created, never over another one);
 * - `undefined`: whatever is there is replaced (a preview page, not content).
 * A file replaced keeps its permissions; a new one gets `newFileMode` (readable by all unless
 * told: content is public).
 */
export function writeAtomically(path: string, text: string, previous?: string | null, newFileMode = 0o644): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = typeof previous === 'string' ? statSync(path).mode & 0o777 : newFileMode;
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (previous === null) {
      try {
        linkSync(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        throw new ModerationError(
          `${shownPath(path)} existe déjà (créé entre-temps) : rien n'a été écrit ; recommencez`,
          { kind: 'changed', now: undefined },
        );
      }
    } else {
      if (typeof previous === 'string' && readFileSync(path, 'utf8') !== previous) {
        throw new ModerationError(
          `${shownPath(path)} a changé entre-temps (un autre modérateur ?) : rien n'a été écrit ; relisez-le et recommencez`,
          { kind: 'changed', now: undefined },
        );
      }
      renameSync(temp, path);
    }
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(dirname(path));
}

/** Makes the new name durable too; some systems cannot open a folder, which is not worth failing for. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
