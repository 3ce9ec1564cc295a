import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll } from 'vitest';

type Component = Parameters<AstroContainer['renderToString']>[0];

/** One Astro container per test file; `render` turns a component, its props and its slots' HTML into HTML. */
export function useContainer() {
  let container: AstroContainer | undefined;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  return (component: Component, props: Record<string, unknown>, slots?: Record<string, string>) => {
    if (container === undefined) throw new Error('The Astro container is not ready');
    return container.renderToString(component, { props, ...(slots && { slots }) });
  };
}

/** The text a reader sees, with tags as spaces; no-break spaces are kept, they matter here. */
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
