import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentKind } from './document-kind';
import { COMMENT_LINK_REL, articleSanitizeSchema, commentSanitizeSchema } from './sanitize-schema';

const sanitizeArticle = rehypeSanitize(articleSanitizeSchema);
const sanitizeComment = rehypeSanitize(commentSanitizeSchema);

/** The one sanitize step: the policy follows the file's kind. Runs after `rehype-raw`. */
export function rehypeSanitizeByKind() {
  return (tree: Root, file: VFile): Root => {
    if (documentKind(file.path) !== 'comment') return sanitizeArticle(tree);
    const clean = sanitizeComment(tree);
    visit(clean, 'element', (node: Element) => {
      if (node.tagName === 'a') node.properties['rel'] = [...COMMENT_LINK_REL];
    });
    return clean;
  };
}
