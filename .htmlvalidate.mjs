import { defineConfig } from 'html-validate';

/** html-validate's rules for the built pages, which tests/e2e/validators.test.ts checks. */
export default defineConfig({
  extends: ['html-validate:recommended'],
  rules: {
    // A page's title is the story's headline, written for the page: cut to the 70 characters of
    // a search result's line, it would lose what the story says. Search engines and browser tabs
    // cut the end of a long title themselves, where « — Kiosque » stands. Most of the sample's
    // long titles pass 70 characters without the site's name.
    'long-title': 'off',
    // ARIA lets a list be named, and two are: an article's tags (« Sujets ») and a thread's
    // replies (« 3 réponses »). By default the rule flags a name anywhere but on landmarks,
    // controls and a few others, as some screen readers do not say it; there the items still
    // speak for themselves. A name where ARIA forbids one (a <div>, a <span>) stays an error.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
});
