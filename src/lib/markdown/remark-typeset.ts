import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { typeset } from '../typography.ts';

/** Nodes that start a new run of prose: a quote at their start always opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

/**
 * French typography on prose only: code, URLs and HTML are left exactly as written. Text is
 * visited in reading order, remembering the last character seen, because emphasis and links
 * cut a sentence into several text nodes.
 */
export function remarkTypeset() {
  return (tree: Root) => {
    let previous = '';
    visit(tree, (node) => {
      if (BLOCKS.has(node.type)) previous = '';
      else if (node.type === 'text') {
        const before = previous;
        previous = node.value.at(-1) ?? previous;
        node.value = typeset(node.value, before);
      } else if (node.type === 'inlineCode') previous = node.value.at(-1) ?? previous;
      else if (node.type === 'break') previous = ' ';
    });
  };
}
