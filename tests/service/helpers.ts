import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { expect } from 'vitest';
import { jsonLog } from '../../services/comments/log.ts';
import { createCommentService, type CommentServiceOptions } from '../../services/comments/server.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The site the forms are posted from, allowed by every test service. */
export const SITE = 'http://localhost:4321';

/** The tests' clock: a day after the fixture article `test-ouvert` was published. */
export const NOW = new Date('2026-11-29T14:00:00Z');

export const ARTICLE = 'test-ouvert';

function article(fields: string): string {
  return `---
title: Un article pour les tests du service
standfirst: Ses commentaires sont ouverts.
section: economie
source: AFP
${fields}
---

Premier paragraphe.
`;
}

function comment(status: string, extra = ''): string {
  return `---
article: ${ARTICLE}
pseudonym: Tamaris
publishedAt: 2026-11-28T12:00:00+01:00
status: ${status}
${extra}---
Un commentaire.
`;
}

/**
 * A copy of the site's content, plus articles whose rules the tests know whatever editors do
 * to the real ones: open, closed, for subscribers, a draft, a story scheduled for 2099, with their own closing delays, and
 * comments on `test-ouvert` in each moderation state (c01 published, c02 pending, c03 rejected).
 */
export function copyContent(publishedAt = '2026-11-28T10:00:00+01:00'): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosque-comments-'));
  cpSync(join(root, 'content'), dir, { recursive: true });
  const articles = {
    [ARTICLE]: `publishedAt: ${publishedAt}`,
    'test-ferme': `publishedAt: ${publishedAt}\ncomments: closed`,
    'test-abonnes': `publishedAt: ${publishedAt}\ncomments: subscribers`,
    'test-brouillon': `publishedAt: ${publishedAt}\ndraft: true`,
    'test-programme': 'publishedAt: 2099-01-01T07:00:00+01:00',
    'test-deux-jours': `publishedAt: ${publishedAt}\ncommentsCloseAfterDays: 2`,
    'test-jamais-ferme': `publishedAt: 2020-01-01T10:00:00+01:00\ncommentsCloseAfterDays: null`,
    '2026': `publishedAt: ${publishedAt}`,
  };
  for (const [slug, fields] of Object.entries(articles)) {
    writeFileSync(join(dir, 'articles', `${slug}.md`), article(fields));
  }
  const comments = join(dir, 'comments', ARTICLE);
  mkdirSync(comments);
  writeFileSync(join(comments, 'c01.md'), comment('published'));
  writeFileSync(join(comments, 'c02.md'), comment('pending'));
  writeFileSync(join(comments, 'c03.md'), comment('rejected', 'reason: Hors sujet\n'));
  return dir;
}

/** Every file under the comments folder, dot files included, as sorted relative paths. */
export function commentTree(dir: string): string[] {
  return readdirSync(join(dir, 'comments'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** A comment file read as the site's build reads it: frontmatter, and the body after its blank line. */
export function readComment(dir: string, article: string, id: string) {
  const source = readFileSync(join(dir, 'comments', article, `${id}.md`), 'utf8');
  const { frontmatter, content } = parseFrontmatter(source);
  expect(content.startsWith('\n\n') && content.endsWith('\n'), `${id}.md is not complete`).toBe(true);
  return { source, frontmatter, body: content.slice(2, -1) };
}

export interface TestService {
  url: string;
  dir: string;
  /** Move it to change the service's time. */
  clock: { now: Date };
  /** The log's JSON lines, as an operator reads them. */
  logs: string[];
  close: () => Promise<void>;
}

/** The service on a free loopback port, over a fresh copy of the content. */
export async function startService(options: Partial<CommentServiceOptions> = {}): Promise<TestService> {
  const dir = options.contentDir ?? copyContent();
  const clock = { now: NOW };
  const logs: string[] = [];
  const server = createCommentService({
    contentDir: dir,
    allowedOrigins: [SITE],
    perMinute: 100,
    now: () => clock.now,
    log: jsonLog((line) => logs.push(line)),
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    clock,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Fields = Record<string, string>;

/** A valid comment on the open fixture article; override what the test is about. */
export function commentFields(overrides: Fields = {}): Fields {
  return { article: ARTICLE, pseudonym: 'Lectrice du 11e', text: 'Merci pour cet article.', ...overrides };
}

/** Headers sent from the allowed site; a header set to `undefined` is left out. */
type Headers = Record<string, string | undefined>;

function post(service: TestService, path: string, type: string, body: string, headers: Headers) {
  const sent = Object.entries({ 'content-type': type, origin: SITE, ...headers }).filter(
    (header): header is [string, string] => header[1] !== undefined,
  );
  return fetch(`${service.url}${path}`, { method: 'POST', headers: sent, body });
}

/** What the page's script sends. */
export function postJson(service: TestService, body: unknown, headers: Headers = {}, path = '/commentaires/') {
  return post(service, path, 'application/json', JSON.stringify(body), headers);
}

/** What a browser without JavaScript sends. */
export function postForm(service: TestService, fields: Fields, headers: Headers = {}, path = '/commentaires/') {
  return post(service, path, 'application/x-www-form-urlencoded', new URLSearchParams(fields).toString(), headers);
}
