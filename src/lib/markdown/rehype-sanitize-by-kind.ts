import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentKind } from './document-kind.ts';
import { COMMENT_LINK_REL, articleSanitizeSchema, commentSanitizeSchema } from './sanitize-schema.ts';

const sanitizeArticle = rehypeSanitize(articleSanitizeSchema);
const sanitizeComment = rehypeSanitize(commentSanitizeSchema);

/** Blocks a comment may not have, kept as plain paragraphs so their text still reads as one. */
const AS_PARAGRAPH = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
]);

const isBlank = (node: Element) => node.children.every((child) => child.type === 'text' && child.value.trim() === '');

/** The one sanitize step: the policy follows the file's kind. Runs after `rehype-raw`. */
export function rehypeSanitizeByKind() {
  return (tree: Root, file: VFile): Root => {
    if (documentKind(file.path) !== 'comment') return sanitizeArticle(tree);
    visit(tree, 'element', (node: Element) => {
      if (AS_PARAGRAPH.has(node.tagName)) node.tagName = 'p';
    });
    const clean = sanitizeComment(tree);
    visit(clean, 'element', (node: Element, index, parent) => {
      if (parent === undefined || index === undefined) return undefined;
      // A link whose address the policy removed (`javascript:`, `data:`…) leads nowhere: its
      // text stays, without the `<a>`, which would otherwise look like a link and do nothing.
      if (node.tagName === 'a' && node.properties['href'] === undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      if (node.tagName === 'a') node.properties['rel'] = [...COMMENT_LINK_REL];
      if (node.tagName === 'p' && isBlank(node)) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
    return clean;
  };
}
