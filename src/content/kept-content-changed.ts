/**
 * Where the dev server's answer to a change of Kiosque's own store waits for the loader. The
 * loader runs in Vite's module runner and the integration that answers in Node's own loader:
 * each gets a copy of this module, but both share the global object, and a symbol from the
 * global registry is the one name both copies know.
 */
const KEPT_CONTENT_CHANGED = Symbol.for('kiosque.dev.keptContentChanged');

type WithAnswer = typeof globalThis & { [KEPT_CONTENT_CHANGED]?: () => void };

/** Installs what `astro dev` does when the comments or live messages change (src/integrations/dev-content-refresh.ts). */
export function answerKeptContentChanges(answer: () => void): void {
  (globalThis as WithAnswer)[KEPT_CONTENT_CHANGED] = answer;
}

/**
 * Called by the loader once a change of the comments or live messages, which Kiosque keeps
 * outside Astro's store, is saved: in `astro dev` the pages then show it on reload. A build
 * installs no answer, and this does nothing.
 */
export function keptContentChanged(): void {
  (globalThis as WithAnswer)[KEPT_CONTENT_CHANGED]?.();
}
