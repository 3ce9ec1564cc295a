import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { frenchSpacing } from '../typography';

/** French spacing on prose only: code, URLs and HTML are left exactly as written. */
export function remarkFrenchSpacing() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text) => {
      node.value = frenchSpacing(node.value);
    });
  };
}
