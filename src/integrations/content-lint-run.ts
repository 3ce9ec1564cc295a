import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { imageMetadata } from 'astro/assets/utils';
import { cacheRoot, inTransaction } from '../content/render-cache.ts';
import { contentRoot } from '../content/root.ts';
import { type FileLint, lintFile } from '../lib/content-lint/lint-file.ts';
import { checkPictureWidth } from '../lib/content-lint/pictures.ts';
import { type Problem, byPlace } from '../lib/content-lint/problem.ts';
import { checkTagVariants } from '../lib/content-lint/tags.ts';
import { filesUnder } from '../lib/files.ts';

/** What a run found, and how much it had to read. */
export interface LintReport {
  problems: Problem[];
  /** Files looked at, and of those, files read again (the others were unchanged since the last run). */
  files: number;
  read: number;
  seconds: number;
}

const posix = (path: string) => path.split(sep).join('/');

const typeScriptIn = (dir: string) => filesUnder(dir).filter((file) => file.endsWith('.ts'));

/**
 * The rules' version: their code, everything in `src/lib/` they use, the site settings and the
 * locked packages (the YAML and Markdown readers). Any change lints every file again.
 */
function rulesFingerprint(root: string): string {
  const hash = createHash('sha256');
  const sources = [
    ...typeScriptIn(join(root, 'src/lib')),
    fileURLToPath(import.meta.url),
    join(root, 'src/site.config.ts'),
    join(root, 'package-lock.json'),
  ].sort();
  for (const file of sources) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

const stampOf = (file: string) => {
  const { mtimeMs, size } = statSync(file);
  return `${mtimeMs}:${size}`;
};

/**
 * Each file's findings and summary, by its path, the digest of its text and the rules'
 * version, in one SQLite file beside the render cache: a warm run reads no file that has not
 * changed (its modification time and size say so), and lints only those whose text changed.
 */
class LintCache {
  readonly #db: DatabaseSync;
  #pictureQuery: StatementSync | undefined;

  constructor(fingerprint: string) {
    const file = join(resolve(cacheRoot()), 'kiosque-lint.sqlite');
    mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file, { timeout: 30_000 });
    this.#db.exec(`
      PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS version (fingerprint TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, digest TEXT NOT NULL, result TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS pictures (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, width INTEGER NOT NULL) WITHOUT ROWID;
    `);
    const known = this.#db.prepare('SELECT fingerprint FROM version').get()?.['fingerprint'];
    if (known !== fingerprint) {
      inTransaction(this.#db, () => {
        this.#db.exec('DELETE FROM files; DELETE FROM version;');
        this.#db.prepare('INSERT INTO version VALUES (?)').run(fingerprint);
      });
    }
  }

  files(): Map<string, { stamp: string; digest: string; result: string }> {
    const rows = this.#db.prepare('SELECT path, stamp, digest, result FROM files').all();
    return new Map(
      rows.map((row) => [
        String(row['path']),
        { stamp: String(row['stamp']), digest: String(row['digest']), result: String(row['result']) },
      ]),
    );
  }

  saveFiles(
    changed: readonly { path: string; stamp: string; digest: string; result: string }[],
    gone: Iterable<string>,
  ) {
    const insert = this.#db.prepare('INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)');
    const remove = this.#db.prepare('DELETE FROM files WHERE path = ?');
    inTransaction(this.#db, () => {
      for (const path of gone) remove.run(path);
      for (const row of changed) insert.run(row.path, row.stamp, row.digest, row.result);
    });
  }

  pictureWidth(path: string, stamp: string): number | undefined {
    this.#pictureQuery ??= this.#db.prepare('SELECT width FROM pictures WHERE path = ? AND stamp = ?');
    const row = this.#pictureQuery.get(path, stamp);
    return row === undefined ? undefined : Number(row['width']);
  }

  savePicture(path: string, stamp: string, width: number) {
    this.#db.prepare('INSERT OR REPLACE INTO pictures VALUES (?, ?, ?)').run(path, stamp, width);
  }

  close() {
    this.#db.close();
  }
}

/**
 * A picture's width from its first bytes, with Astro's own reader, so that the lint and the
 * build agree on the size; the whole file only when its header is further in (a large EXIF).
 */
async function pictureWidth(file: string): Promise<number | undefined> {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const widthOf = async (data: Uint8Array) => {
    try {
      return (await imageMetadata(data)).width;
    } catch {
      return undefined;
    }
  };
  return (await widthOf(head.subarray(0, read))) ?? (read < head.length ? undefined : widthOf(readFileSync(file)));
}

const markdownUnder = (dir: string) =>
  existsSync(dir)
    ? filesUnder(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];

/**
 * Lints the content: every article, standing page and comment, or, given `only`, those files
 * (every article is still looked at, from the cache, for the rules across files). The problems
 * come sorted by file and line, errors and warnings together.
 */
export async function lintContent(root: string, only?: readonly string[]): Promise<LintReport> {
  const started = performance.now();
  const base = resolve(root, contentRoot);
  // Files are under `base`: its printed form once, not `relative` 30,000 times.
  const printedBase = posix(relative(root, base));
  const shown = (file: string) =>
    file.startsWith(base + sep) ? printedBase + posix(file.slice(base.length)) : posix(relative(root, file));
  const articles = markdownUnder(join(base, 'articles'));
  const wanted = only?.map((file) => resolve(file));
  const others = [...markdownUnder(join(base, 'pages')), ...markdownUnder(join(base, 'comments'))];
  const files = [...articles, ...(wanted ? others.filter((file) => wanted.includes(file)) : others)];
  const reported = new Set((wanted ?? files).map(shown));

  const cache = new LintCache(rulesFingerprint(root));
  try {
    const known = cache.files();
    const changed: { path: string; stamp: string; digest: string; result: string }[] = [];
    const results = new Map<string, FileLint>();
    for (const file of files) {
      const path = shown(file);
      const stamp = stampOf(file);
      const cached = known.get(path);
      if (cached?.stamp === stamp) {
        results.set(path, JSON.parse(cached.result) as FileLint);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      const digest = createHash('sha256').update(text).digest('hex');
      const result = cached?.digest === digest ? cached.result : JSON.stringify(lintFile(path, text));
      changed.push({ path, stamp, digest, result });
      results.set(path, JSON.parse(result) as FileLint);
    }
    const gone = wanted ? [] : [...known.keys()].filter((path) => !results.has(path));
    cache.saveFiles(changed, gone);

    const problems: Problem[] = [];
    for (const [file, result] of results) {
      if (reported.has(file)) problems.push(...result.findings.map((found) => ({ file, ...found })));
    }
    const tagUses = [...results].flatMap(([file, result]) => result.summary.tags.map((tag) => ({ file, ...tag })));
    problems.push(...checkTagVariants(tagUses).filter((problem) => reported.has(problem.file)));
    for (const [file, result] of results) {
      const picture = result.summary.picture;
      if (picture === undefined || !reported.has(file)) continue;
      const path = resolve(root, dirname(file), picture.src);
      // A missing picture is the schema's to refuse.
      if (!existsSync(path)) continue;
      const stamp = stampOf(path);
      let width = cache.pictureWidth(path, stamp);
      if (width === undefined) {
        width = await pictureWidth(path);
        if (width === undefined) continue;
        cache.savePicture(path, stamp, width);
      }
      problems.push(...checkPictureWidth(picture.line, width).map((found) => ({ file, ...found })));
    }
    return {
      problems: problems.sort(byPlace),
      files: files.length,
      read: changed.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    cache.close();
  }
}
