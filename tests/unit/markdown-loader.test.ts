import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { markdownCollection } from '../../src/content/loaders/markdown-loader';
import { renderAll } from '../../src/content/loaders/render-pool';
import { RenderCache } from '../../src/content/render-cache';
import { renderMarkdown } from '../../src/lib/markdown/pipeline';

const root = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'kiosque-loader-'));
vi.stubEnv('KIOSQUE_CACHE_DIR', join(scratch, 'cache'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
}

/** The part of Astro's loader context the loader uses, with a store that is a plain Map. */
function fakeContext(collection: string) {
  const entries = new Map<string, Entry>();
  const parseData = vi.fn(async ({ data }: { data: Record<string, unknown> }) => data);
  const context = {
    collection,
    config: { root: pathToFileURL(`${root}/`) },
    logger: { info: vi.fn(), error: vi.fn() },
    parseData,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16),
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      clear: () => entries.clear(),
      addAssetImports: vi.fn(),
    },
  };
  return { context: context as unknown as LoaderContext, entries, parseData };
}

/** Reads the cache as the pages do, on a connection of its own. */
function fromCache<T>(read: (cache: RenderCache) => T): T {
  const cache = new RenderCache();
  try {
    return read(cache);
  } finally {
    cache.close();
  }
}

const htmlOf = (digest: string | undefined) => fromCache((cache) => cache.html('comments', digest ?? ''));
const readEntries = (collection: string) => fromCache((cache) => cache.entries(collection));
const readFacts = (collection: string) => fromCache((cache) => cache.facts(collection));

let folder: string;
let count = 0;
beforeEach(() => {
  folder = join(scratch, `corpus-${++count}`, 'comments');
});

function write(path: string, text: string) {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
}

const comment = (text: string) => `---\narticle: un-article\npseudonym: Lectrice\n---\n\n${text}\n`;

describe('the Markdown loader', () => {
  test('names entries after their path and keeps their HTML out of the content store', async () => {
    write('un-article/c01.md', comment('Un *premier* avis : "merci".'));
    const { context, entries } = fakeContext('comments');
    await markdownCollection(folder).load(context);

    const entry = entries.get('un-article/c01');
    expect(entry?.data).toEqual({ article: 'un-article', pseudonym: 'Lectrice' });
    expect(entry).not.toHaveProperty('rendered');
    expect(entry).not.toHaveProperty('body');
    expect(htmlOf(entry?.digest)).toBe('<p>Un <em>premier</em> avis\u00a0: «\u00a0merci\u00a0».</p>');
  });

  test('reads an unchanged file without validating or rendering it again', async () => {
    write('un-article/c01.md', comment('Inchangé.'));
    write('un-article/c02.md', comment('Avant.'));
    const { context, entries, parseData } = fakeContext('comments');
    await markdownCollection(folder).load(context);
    write('un-article/c02.md', comment('Après.'));
    parseData.mockClear();
    await markdownCollection(folder).load(context);

    expect(parseData).toHaveBeenCalledTimes(1);
    expect(parseData.mock.calls[0]?.[0]).toMatchObject({ id: 'un-article/c02' });
    expect(htmlOf(entries.get('un-article/c02')?.digest ?? '')).toBe('<p>Après.</p>');
  });

  test('forgets a deleted file and its cached HTML after a build', async () => {
    write('un-article/c01.md', comment('Reste.'));
    write('un-article/c02.md', comment('Supprimé.'));
    const { context, entries } = fakeContext('comments');
    await markdownCollection(folder).load(context);
    const removed = entries.get('un-article/c02')?.digest ?? '';
    unlinkSync(join(folder, 'un-article/c02.md'));
    await markdownCollection(folder).load(context);

    expect([...entries.keys()]).toEqual(['un-article/c01']);
    expect(htmlOf(removed)).toBeUndefined();
  });

  test('in astro dev, renders a file that comes back with the text of one deleted before the start', async () => {
    write('un-article/c01.md', comment('Reste.'));
    write('un-article/c02.md', comment('Revient.'));
    const { context, entries } = fakeContext('comments');
    await markdownCollection(folder).load(context);
    unlinkSync(join(folder, 'un-article/c02.md'));
    const handlers = new Map<string, (path: string) => Promise<void>>();
    const watcher = {
      add: vi.fn(),
      on: (event: string, handler: (path: string) => Promise<void>) => handlers.set(event, handler),
    };
    await markdownCollection(folder).load({ ...context, watcher } as unknown as LoaderContext);

    write('un-article/c03.md', comment('Revient.'));
    await handlers.get('add')?.(join(folder, 'un-article/c03.md'));
    expect(htmlOf(entries.get('un-article/c03')?.digest ?? '')).toBe('<p>Revient.</p>');
  });

  test('renders a file again when its cached HTML was deleted by hand', async () => {
    write('un-article/c01.md', comment('Toujours là.'));
    const { context, entries } = fakeContext('comments');
    await markdownCollection(folder).load(context);
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(join(scratch, 'cache', `kiosque-render.sqlite${suffix}`), { force: true });
    await markdownCollection(folder).load(context);

    expect(htmlOf(entries.get('un-article/c01')?.digest ?? '')).toBe('<p>Toujours là.</p>');
  });

  test('renders a comment only once it is published, so a malformed one waits for a moderator', async () => {
    const pending = (text: string) =>
      comment(text).replace('pseudonym: Lectrice', 'pseudonym: Lectrice\nstatus: pending');
    // Nested 1,900 deep, this crashes the HTML step of any unified pipeline.
    write('un-article/c01.md', pending(`${'>'.repeat(1900)} x`));
    write('un-article/c02.md', pending('Bientôt publié.'));
    const { context, entries } = fakeContext('comments');
    const loader = markdownCollection(folder, { renders: (data) => data['status'] === 'published' });
    await loader.load(context);
    expect(readFacts('comments').size).toBe(0);
    expect([...entries.keys()].sort()).toEqual(['un-article/c01', 'un-article/c02']);

    write('un-article/c02.md', pending('Bientôt publié.').replace('status: pending', 'status: published'));
    await loader.load(context);
    expect(htmlOf(entries.get('un-article/c02')?.digest ?? '')).toBe('<p>Bientôt publié.</p>');
  });

  test('refuses a file name that cannot be an address, naming the file', async () => {
    write('un-article/Mon Avis.md', comment('Texte.'));
    const { context } = fakeContext('comments');
    await expect(markdownCollection(folder).load(context)).rejects.toThrow(
      /comments\/un-article\/Mon Avis\.md: "Mon Avis" cannot be part of an address; name files and folders with lower-case letters, digits and hyphens/,
    );
  });

  test('refuses broken frontmatter, naming the file', async () => {
    write('un-article/c01.md', '---\narticle: [un-article\n---\n\nTexte.\n');
    const { context } = fakeContext('comments');
    await expect(markdownCollection(folder).load(context)).rejects.toThrow(
      /comments\/un-article\/c01\.md: the frontmatter \(between the --- lines\) is not valid YAML/,
    );
  });

  test('passes schema errors through, so Astro names the file and the field', async () => {
    write('un-article/c01.md', comment('Texte.'));
    const { context, parseData } = fakeContext('comments');
    parseData.mockRejectedValueOnce(new Error('comments → un-article/c01 data does not match collection schema'));
    await expect(markdownCollection(folder).load(context)).rejects.toThrow(/un-article\/c01 data does not match/);
  });
});

describe("a collection kept outside Astro's content store", () => {
  const dated = (text: string) =>
    `${comment(text)}`.replace('pseudonym: Lectrice', 'pseudonym: Lectrice\npublishedAt: 2026-11-28T17:05:00+01:00');
  const withDates = (context: LoaderContext) => {
    const parseData = vi.fn(async ({ data }: { data: Record<string, unknown> }) => ({
      ...data,
      publishedAt: new Date(String(data['publishedAt'])),
    }));
    return { ...context, parseData } as unknown as LoaderContext;
  };
  const loader = () => markdownCollection(folder, { store: 'kiosque' });

  test("gives pages its entries, dates as dates, and leaves nothing in Astro's store", async () => {
    write('un-article/c01.md', dated('Premier.'));
    const { context, entries } = fakeContext('comments');
    entries.set('ancien/c01', { id: 'ancien/c01', data: {} });
    await loader().load(withDates(context));

    expect(entries.size).toBe(0);
    const kept = readEntries('comments').get('un-article/c01');
    expect(kept?.data['publishedAt']).toEqual(new Date('2026-11-28T16:05:00Z'));
    expect(kept?.filePath).toMatch(/comments\/un-article\/c01\.md$/);
    expect(htmlOf(kept?.digest ?? '')).toBe('<p>Premier.</p>');
  });

  test('follows edits and deletions from one build to the next', async () => {
    write('un-article/c01.md', dated('Reste.'));
    write('un-article/c02.md', dated('Avant.'));
    write('un-article/c03.md', dated('Supprimé.'));
    const { context } = fakeContext('comments');
    await loader().load(withDates(context));
    write('un-article/c02.md', dated('Après.').replace('Lectrice', 'Lecteur'));
    unlinkSync(join(folder, 'un-article/c03.md'));
    await loader().load(withDates(context));

    const kept = readEntries('comments');
    expect([...kept.keys()]).toEqual(['un-article/c01', 'un-article/c02']);
    expect(kept.get('un-article/c02')?.data['pseudonym']).toBe('Lecteur');
    expect(htmlOf(kept.get('un-article/c02')?.digest ?? '')).toBe('<p>Après.</p>');
  });

  test('in astro dev, a saved, new or deleted file reaches the pages at once', async () => {
    write('un-article/c01.md', dated('Avant.'));
    const { context } = fakeContext('comments');
    const handlers = new Map<string, (path: string) => unknown>();
    const watcher = {
      add: vi.fn(),
      on: (event: string, handler: (path: string) => unknown) => handlers.set(event, handler),
    };
    await loader().load({ ...withDates(context), watcher } as unknown as LoaderContext);

    write('un-article/c01.md', dated('Après.'));
    await handlers.get('change')?.(join(folder, 'un-article/c01.md'));
    write('un-article/c02.md', dated('Nouveau.'));
    await handlers.get('add')?.(join(folder, 'un-article/c02.md'));
    const html = (id: string) => htmlOf(readEntries('comments').get(id)?.digest ?? '');
    expect(html('un-article/c01')).toBe('<p>Après.</p>');
    expect(html('un-article/c02')).toBe('<p>Nouveau.</p>');

    unlinkSync(join(folder, 'un-article/c01.md'));
    await handlers.get('unlink')?.(join(folder, 'un-article/c01.md'));
    expect([...readEntries('comments').keys()]).toEqual(['un-article/c02']);
  });
});

describe('rendering on worker threads', () => {
  // Starting workers and rendering 320 documents twice takes seconds on a busy machine.
  test('gives the same HTML as rendering in this thread, for a batch large enough to use workers', async () => {
    const jobs = Array.from({ length: 320 }, (_, i) => ({
      markdown: `## Point ${i}\n\nUn "texte" n° ${i} <script>alert(${i})</script> [lien](https://exemple.fr/${i}).`,
      path: i % 2 === 0 ? `/corpus/articles/a-${i}.md` : `/corpus/comments/a/c-${i}.md`,
      collection: 'pool',
      digest: `d${i}`,
    }));
    const { renderings: list, failures } = await renderAll(jobs);
    expect(failures).toEqual([]);

    const renderings = new Map(list.map((rendering) => [rendering.digest, rendering]));
    expect(renderings.size).toBe(320);
    for (const i of [0, 1, 161, 318, 319]) {
      const job = jobs[i];
      if (job === undefined) throw new Error(`no job ${i}`);
      const expected = await renderMarkdown(job.markdown, job.path);
      const html = renderings.get(job.digest)?.html;
      expect(html).toBe(expected.code);
      expect(html).not.toContain('<script');
    }
  }, 60_000);
});
