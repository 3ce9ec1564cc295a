import type { AstroIntegration } from 'astro';
import { themeBootScript } from '../scripts/theme-boot.ts';

/**
 * Puts the theme script inline in every page's `<head>`, after the Content-Security-Policy
 * `<meta>`: a script written in the layout's `<head>` would come before it, where the policy
 * does not reach. Astro adds the script's hash to the policy itself.
 */
export function injectThemeBoot(): AstroIntegration {
  return {
    name: 'kiosque-theme-boot',
    hooks: {
      'astro:config:setup': ({ injectScript }) => injectScript('head-inline', themeBootScript),
    },
  };
}
