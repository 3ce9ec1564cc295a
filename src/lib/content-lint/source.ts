import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { directive } from 'micromark-extension-directive';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { type DocumentKind, documentKind } from '../markdown/document-kind.ts';

/** A value of the frontmatter, with where it is written. */
interface Field {
  /** `title`, `image.alt`; a list's items share their list's path (`tags`). */
  path: string;
  value: unknown;
  /** The line of its key, or of the item itself in a list. */
  line: number;
}

/** A content file as the rules read it. */
export interface LintSource {
  /** As printed: `content/articles/x.md`. */
  file: string;
  /** The file name without `.md`: an article's slug. */
  slug: string;
  kind: DocumentKind;
  /** Every value of the frontmatter, in order; empty when it is not valid YAML (`yamlError`). */
  fields: Field[];
  yamlError: { line: number; message: string } | undefined;
  /** The body's Markdown tree; its positions are the file's lines. */
  body: Root;
  /** The file's lines, so that a rule can read what was typed (the body starts at `bodyStart`). */
  lines: string[];
  bodyStart: number;
}

/** The frontmatter's text and where the body starts (1-based line numbers). */
export function splitFrontmatter(lines: readonly string[]): { frontmatter: string | undefined; bodyStart: number } {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return { frontmatter: undefined, bodyStart: 1 };
  const end = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (end === -1) return { frontmatter: undefined, bodyStart: 1 };
  return { frontmatter: lines.slice(1, end).join('\n'), bodyStart: end + 2 };
}

/** Every scalar under `node`, with the dotted path of keys leading to it. */
function collect(node: YamlNode | null | undefined, path: string, line: number, at: (offset: number) => number) {
  const fields: Field[] = [];
  const visit = (current: unknown, currentPath: string, currentLine: number) => {
    if (isScalar(current)) fields.push({ path: currentPath, value: current.value, line: currentLine });
    else if (isMap(current)) {
      for (const pair of current.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const keyLine = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : currentLine;
        visit(pair.value, currentPath === '' ? key : `${currentPath}.${key}`, keyLine);
      }
    } else if (isSeq(current)) {
      for (const item of current.items) {
        const itemLine = (item as { range?: [number, number, number] } | null)?.range;
        visit(item, currentPath, itemLine ? at(itemLine[0]) : currentLine);
      }
    }
  };
  visit(node, path, line);
  return fields;
}

/**
 * Reads a content file for the rules: the frontmatter with the `yaml` package, which knows
 * where each value is written (and leaves an unquoted date as the text typed, where the
 * build's YAML 1.1 reader turns 2026-02-30 into the 2nd of March); the body with the same
 * Markdown syntax as the site's pipeline (directives, tables, strikethrough).
 */
export function readSource(file: string, text: string): LintSource {
  const lines = text.split(/\r?\n/);
  const { frontmatter, bodyStart } = splitFrontmatter(lines);
  let fields: Field[] = [];
  let yamlError: LintSource['yamlError'];
  if (frontmatter !== undefined) {
    const counter = new LineCounter();
    const document = parseDocument(frontmatter, { lineCounter: counter, prettyErrors: false });
    // The frontmatter's first line is the file's second.
    const at = (offset: number) => counter.linePos(offset).line + 1;
    const error = document.errors[0];
    if (error) yamlError = { line: at(error.pos[0]), message: error.message.split('\n')[0] ?? error.message };
    else fields = collect(document.contents, '', 2, at);
  }
  const body = fromMarkdown(lines.slice(bodyStart - 1).join('\n'), {
    extensions: [directive(), gfmTable(), gfmStrikethrough({ singleTilde: false })],
    mdastExtensions: [directiveFromMarkdown(), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()],
  });
  shiftLines(body, bodyStart - 1);
  const name = file.split('/').at(-1) ?? file;
  return {
    file,
    slug: name.replace(/\.md$/, ''),
    kind: documentKind(file),
    fields,
    yamlError,
    body,
    lines,
    bodyStart,
  };
}

/** Moves the body's positions down past the frontmatter, so that they are the file's lines. */
function shiftLines(
  node: { position?: { start: { line: number }; end: { line: number } } | undefined; children?: unknown[] | undefined },
  by: number,
) {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  for (const child of node.children ?? []) shiftLines(child as Parameters<typeof shiftLines>[0], by);
}

/** The first string value at `path`, with its line. */
export function textField(source: LintSource, path: string): { value: string; line: number } | undefined {
  const field = source.fields.find((f) => f.path === path && typeof f.value === 'string');
  return field ? { value: field.value as string, line: field.line } : undefined;
}
