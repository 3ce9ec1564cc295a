import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { Intertitle } from '../table-of-contents.ts';
import { documentKind } from './document-kind.ts';

/**
 * Gives every heading of an article its anchor and records its intertitles (`h2`) in the
 * document's facts, for the « Sommaire ». The ids are Astro's own (`rehypeHeadingIds`,
 * which Astro runs again after our plugins and which keeps an id already set), so an
 * intertitle's address is the same with or without this step. Runs after sanitizing: an id
 * written in the Markdown has been prefixed by then and cannot take an intertitle's place.
 */
export function rehypeIntertitles() {
  // Typed as any unified attacher's result; this one always returns a synchronous transformer.
  const giveIds = rehypeHeadingIds() as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    if (documentKind(file.path) !== 'article') return;
    giveIds(tree, file);
    const astro = file.data['astro'] as {
      headings?: { depth: number; slug: string; text: string }[];
      frontmatter?: Record<string, unknown>;
    };
    const intertitles: Intertitle[] = (astro.headings ?? [])
      .filter((heading) => heading.depth === 2)
      .map((heading) => ({ id: heading.slug, text: heading.text }));
    astro.frontmatter = { ...astro.frontmatter, intertitles };
  };
}
