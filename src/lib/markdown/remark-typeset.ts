import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { typeset } from '../typography';

/** French spacing on prose only: code, URLs and HTML are left exactly as written. */
export function remarkTypeset() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      node.value = typeset(node.value);
    });
  };
}
