import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, test } from 'vitest';
import { root } from './site';

const dist = join(root, 'dist');
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** Every page of the built site. */
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort()
  .map((file) => join(dist, file));

/** One message as the failure lists it: page, line and column, rule, what is wrong. */
const problem = (file: string, line: number, column: number, rule: string, message: string) =>
  `${relative(dist, file)}:${line}:${column} ${rule}: ${message}`;

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  /** Left out when the message's span begins on its last line. */
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/**
 * Warnings of the Nu HTML Checker that say nothing about the site. Advice: a comment is an
 * `<article>` named by its author, not a heading. And what comes from reading files, not a
 * server: a `file:` page has no origin for the Content-Security-Policy's `'self'`, so the
 * page's own stylesheet, scripts and images are reported as blocked. An inline script the
 * policy would block is still reported: that one would be true on the site too.
 */
const VNU_NOISE = [/^(Article|Section) lacks heading\./, /^Resource violates Content Security Policy \(meta tag\)/];

/**
 * The Nu HTML Checker (the W3C's validator) over every page in one run of Java, whose start
 * costs more than the checks: its errors, and its warnings but those of `VNU_NOISE`.
 */
function vnuProblems(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--format', 'json', ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // It exits with 1 when it finds an error, and says what in JSON on stderr.
        if (error && !stderr.startsWith('{')) {
          reject(new Error(`java -jar vnu.jar failed (npm test installs Java when it is missing):\n${error.message}`));
          return;
        }
        const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
        resolve(messages.filter((m) => m.type !== 'info' || !VNU_NOISE.some((noise) => noise.test(m.message))));
      },
    );
  });
}

describe.concurrent('valid HTML on every page (built site)', () => {
  test('the site has its pages', ({ expect }) => {
    expect(pages.length).toBeGreaterThan(50);
  });

  test('html-validate (.htmlvalidate.mjs) finds nothing', { timeout: 120_000 }, async ({ expect }) => {
    const report = await new HtmlValidate(new FileSystemConfigLoader()).validateMultipleFiles(pages);
    const problems = report.results.flatMap((result) =>
      result.messages.map((m) =>
        problem(result.filePath, m.line, m.column, m.ruleId, `${m.message}${m.selector ? ` (${m.selector})` : ''}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('the Nu HTML Checker finds no error and no warning that matters', { timeout: 120_000 }, async ({ expect }) => {
    const messages = await vnuProblems(pages);
    const problems = messages.map((m) =>
      problem(
        m.url ? decodeURIComponent(new URL(m.url).pathname) : dist,
        m.firstLine ?? m.lastLine ?? 0,
        m.firstColumn ?? 0,
        m.subType ? `${m.type}/${m.subType}` : m.type,
        m.message,
      ),
    );
    expect(problems).toEqual([]);
  });
});
