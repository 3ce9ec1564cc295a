import { scriptText } from '../i18n/fr';

type Order = 'oldest' | 'newest' | 'featured';

/** A thread's top comment is its first `article`; its date and badge are already in the page. */
const published = (item: HTMLElement) => Date.parse(item.querySelector('time')?.dateTime ?? '');
const featured = (item: HTMLElement) => (item.querySelector(':scope > article [data-part="featured"]') ? 1 : 0);

const orders: { key: Order; label: string; compare: (a: HTMLElement, b: HTMLElement) => number }[] = [
  { key: 'oldest', label: scriptText.comments.sortOldest, compare: (a, b) => published(a) - published(b) },
  { key: 'newest', label: scriptText.comments.sortNewest, compare: (a, b) => published(b) - published(a) },
  {
    key: 'featured',
    label: scriptText.comments.sortFeatured,
    compare: (a, b) => featured(b) - featured(a) || published(b) - published(a),
  },
];

/**
 * Lets the reader sort the threads (a top-level comment with its replies). The page is built
 * oldest first, which is the order without JavaScript, so the control only exists with it.
 * Sorting shows every thread, including those behind « voir la suite ».
 */
export function enhanceCommentSort() {
  const list = document.querySelector<HTMLOListElement>('[data-part="thread"]');
  if (list === null || document.querySelectorAll('[data-part="thread"] > li').length < 2) return;
  const control = document.createElement('div');
  control.setAttribute('role', 'group');
  control.setAttribute('aria-label', scriptText.comments.sortLabel);
  control.className = 'mt-3 flex flex-wrap gap-2 text-sm';
  control.dataset['part'] = 'comment-sort';
  const buttons = orders.map(({ label }, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('aria-pressed', String(index === 0));
    button.className =
      'rounded-full border border-ink-soft px-3 py-1 aria-pressed:border-ink aria-pressed:bg-ink aria-pressed:text-paper';
    return button;
  });
  buttons.forEach((button, index) => {
    button.addEventListener('click', () => {
      const threads = [...document.querySelectorAll<HTMLElement>('[data-part="thread"] > li')];
      list.append(...threads.sort(orders[index]?.compare));
      document.querySelector('[data-part="more-comments"]')?.remove();
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
    });
  });
  control.append(...buttons);
  list.before(control);
}
