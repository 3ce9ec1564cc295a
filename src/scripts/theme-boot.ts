/** Where the reader's choice of theme is kept, as `light` or `dark`. */
export const THEME_KEY = 'kiosque-theme';

/**
 * Runs inline in `<head>`, before the first paint, so that a page never flashes the other
 * theme: a module script runs too late for that. It is kept tiny and self-contained because
 * it blocks rendering; the Content-Security-Policy allows it by its hash (astro.config.mjs).
 * Storage can be refused: the page then follows the system.
 */
export const themeBootScript = `try{var t=localStorage.getItem("${THEME_KEY}");if(t=="dark"||t=="light")document.documentElement.dataset.theme=t}catch(e){}`;
