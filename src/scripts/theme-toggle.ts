import { THEME_KEY } from './theme-boot';

/**
 * The header's dark-theme switch. Until the reader presses it the page follows the system
 * (`data-theme` unset); pressing it sets the other theme on `<html>` and keeps the choice,
 * which the inline script in `<head>` applies on every page before it is painted.
 */
export function enhanceThemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('[data-part="theme-toggle"]');
  if (button === null) return;
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const dark = () => (root.dataset['theme'] ?? (system.matches ? 'dark' : 'light')) === 'dark';
  const show = () => button.setAttribute('aria-pressed', String(dark()));
  button.addEventListener('click', () => {
    const theme = dark() ? 'light' : 'dark';
    root.dataset['theme'] = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Storage refused: the choice holds for this page only.
    }
    show();
  });
  system.addEventListener('change', show);
  show();
}
