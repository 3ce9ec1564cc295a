import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { siteConfig } from '../../site.config';
import { countWords, readingMinutes } from '../reading-time';
import { visibleLength } from '../typography';
import { documentKind } from './document-kind';
import { SLOT_TAG } from './sanitize-schema';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** What the pipeline learns about a document, handed to pages through the render metadata. */
export interface DocumentFacts {
  readingMinutes: number;
  /** Slugs named by `::lire-aussi` directives, in reading order. */
  readAlso: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slot(name: string, article?: string): Paragraph {
  return {
    type: 'paragraph',
    children: [],
    data: {
      hName: SLOT_TAG,
      hProperties: article === undefined ? { dataSlot: name } : { dataSlot: name, dataArticle: article },
    },
  };
}

/** Gives back the exact text a reader typed when remark-directive took it for a directive. */
function asTyped(node: Directive, file: VFile): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = start !== undefined && end !== undefined ? String(file.value).slice(start, end) : `:${node.name}`;
  return { type: 'text', value };
}

/**
 * Stops the build on an editor's mistake. Astro prints only the message under the file's
 * path, so the line goes into the message itself.
 */
function fail(file: VFile, node: Directive, message: string): never {
  const line = node.position?.start.line;
  return file.fail(`body${line === undefined ? '' : `, line ${line}`}: ${message}`, node);
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/**
 * Kiosque's Markdown rules, by kind of document:
 * - articles: `::lire-aussi{article="slug"}` and `::newsletter` become slots that the page
 *   fills in at build time (so a renamed article's new title shows everywhere); the newsletter
 *   goes after the first paragraph when the editor did not place it;
 * - articles and pages: reading time, from the words of the body;
 * - comments: the length limit, and directives are put back as the text the reader typed;
 * - everywhere: a text directive (`word:other`) is ordinary text, and an unknown block
 *   directive in an editor's file is an error naming the file and the line.
 */
export function remarkKiosque() {
  return (tree: Root, file: VFile) => {
    const kind = documentKind(file.path);
    if (kind === 'comment') {
      const length = visibleLength(String(file.value).trim());
      if (length > siteConfig.commentMaxLength) {
        file.fail(
          `body: the comment is ${length} characters long; the limit is ${siteConfig.commentMaxLength}`,
        );
      }
    }

    const readAlso: string[] = [];
    let newsletters = 0;
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || parent === undefined || index === undefined) return;
      if (kind === 'article' && node.type === 'leafDirective' && node.name === 'lire-aussi') {
        const target = node.attributes?.['article'] ?? '';
        if (!SLUG.test(target)) {
          fail(file, node, `::lire-aussi needs article="slug-of-an-article", got "${target}"`);
        }
        readAlso.push(target);
        parent.children[index] = slot('read-also', target) as never;
        return SKIP;
      }
      if (kind === 'article' && node.type === 'leafDirective' && node.name === 'newsletter') {
        newsletters++;
        if (newsletters > 1) fail(file, node, '::newsletter appears more than once');
        parent.children[index] = slot('newsletter') as never;
        return SKIP;
      }
      if (kind !== 'comment' && node.type !== 'textDirective') {
        fail(file, node, `unknown directive ::${node.name} (known: ::lire-aussi{article="…"}, ::newsletter)`);
      }
      const text = asTyped(node, file);
      parent.children[index] = (node.type === 'textDirective'
        ? text
        : { type: 'paragraph', children: [text] }) as never;
      return SKIP;
    });

    if (kind === 'article' && newsletters === 0) {
      const first = tree.children.findIndex((child: RootContent) => child.type === 'paragraph');
      tree.children.splice(first === -1 ? tree.children.length : first + 1, 0, slot('newsletter'));
    }

    if (kind !== 'comment') {
      const facts: DocumentFacts = { readingMinutes: readingMinutes(countWords(toString(tree))), readAlso };
      const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
      astro.frontmatter = { ...astro.frontmatter, ...facts };
    }
  };
}
