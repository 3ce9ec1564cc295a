import type { Paragraph, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
// Brings the `hName`/`hProperties` fields that remark-rehype reads into mdast's types.
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { siteConfig } from '../../site.config.ts';
import { countWords, readingMinutes } from '../reading-time.ts';
import { isSlug } from '../slugs.ts';
import { isLongerThan, visibleLength } from '../typography.ts';
import { documentKind } from './document-kind.ts';
import { SLOT_TAG } from './sanitize-schema.ts';

type Directive = ContainerDirective | LeafDirective | TextDirective;

/**
 * What the pipeline learns about a document, handed to the site through the render metadata
 * (`rendered.metadata.frontmatter`), which Astro caches with the HTML.
 */
interface DocumentFacts {
  readingMinutes: number;
  /** Slugs named by `::lire-aussi` directives, in reading order. */
  readAlso: string[];
  /**
   * Mistakes in the body, e.g. « line 3: ::lire-aussi needs … ». They are recorded rather than
   * thrown because Astro logs a Markdown error and builds on; the site check turns them into
   * a failed build that names the file.
   */
  problems: string[];
}

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
 * - live messages: no directive, as they have no slots;
 * - everywhere: a text directive (`word:other`) is ordinary text, and an unknown block
 *   directive in an editor's file is a problem naming the line.
 */
export function remarkKiosque() {
  return (tree: Root, file: VFile) => {
    const kind = documentKind(file.path);
    const problems: string[] = [];
    const report = (node: Directive, message: string) => {
      const line = node.position?.start.line;
      problems.push(line === undefined ? message : `line ${line}: ${message}`);
    };

    if (kind === 'comment') {
      const text = String(file.value).trim();
      if (isLongerThan(text, siteConfig.commentMaxLength)) {
        problems.push(
          `the comment is ${visibleLength(text)} characters long; the limit is ${siteConfig.commentMaxLength}`,
        );
      }
    }

    const readAlso: string[] = [];
    let newsletters = 0;
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || parent === undefined || index === undefined) return;
      let replacement: RootContent | undefined;
      if (kind === 'article' && node.type === 'leafDirective' && node.name === 'lire-aussi') {
        const target = node.attributes?.['article'] ?? '';
        if (isSlug(target)) {
          readAlso.push(target);
          replacement = slot('read-also', target);
        } else {
          report(node, `::lire-aussi needs article="slug-of-an-article", got "${target}"`);
        }
      } else if (kind === 'article' && node.type === 'leafDirective' && node.name === 'newsletter') {
        newsletters++;
        if (newsletters > 1) report(node, '::newsletter appears more than once');
        replacement = slot('newsletter');
      } else {
        if (kind === 'live' && node.type !== 'textDirective') {
          report(node, `::${node.name}: a live message takes no directive; link to an article instead`);
        } else if (kind !== 'comment' && node.type !== 'textDirective') {
          report(node, `unknown directive ::${node.name} (known: ::lire-aussi{article="…"}, ::newsletter)`);
        }
        const text = asTyped(node, file);
        replacement = node.type === 'textDirective' ? text : { type: 'paragraph', children: [text] };
      }
      if (replacement === undefined) parent.children.splice(index, 1);
      else parent.children[index] = replacement as never;
      return [SKIP, replacement === undefined ? index : index + 1];
    });

    if (kind === 'article' && newsletters === 0) {
      const first = tree.children.findIndex((child: RootContent) => child.type === 'paragraph');
      tree.children.splice(first === -1 ? tree.children.length : first + 1, 0, slot('newsletter'));
    }

    const facts: DocumentFacts = {
      readingMinutes: kind === 'comment' ? 0 : readingMinutes(countWords(toString(tree))),
      readAlso,
      problems,
    };
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, ...facts };
  };
}
