import { scriptText } from '../i18n/fr';

/** What the build writes in a live's `direct.json` (`liveStatus` in src/lib/live.ts). */
interface Status {
  running: boolean;
  entries: string[];
}

const EVERY_MINUTE = 60_000;
const ENTRY = '[data-part="live-entry"]';

/**
 * While a live runs, asks its `direct.json` every minute whether a build has published
 * messages the page does not show, and offers them in a button (« 2 nouveaux messages »)
 * that inserts them at the top, read from the page fetched again: the JSON polled every
 * minute holds a few dozen bytes a message, never their text. Nothing is asked in a hidden
 * tab, nor once the JSON says the live has ended. Without the script, the page is complete as
 * it was built.
 */
export function enhanceLiveUpdates() {
  const box = document.querySelector<HTMLElement>('[data-live-status]');
  const list = box?.querySelector<HTMLOListElement>('[data-part="live-entries"]');
  const status = box?.dataset['liveStatus'];
  if (!list || status === undefined) return;
  const statusUrl: string = status;

  // Present before the button appears in it, so that screen readers announce the button.
  const region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  list.before(region);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'mt-3 w-full rounded-sm border border-ink px-4 py-2 font-semibold hover:bg-paper-alt';
  button.dataset['part'] = 'live-new';

  const shown = (anchor: string) => document.getElementById(anchor) !== null;
  let checkedAt = Date.now();

  async function check() {
    checkedAt = Date.now();
    try {
      const response = await fetch(statusUrl, { cache: 'no-store' });
      if (!response.ok) return;
      const answer = (await response.json()) as Status;
      const fresh = answer.entries.filter((anchor) => !shown(anchor));
      if (fresh.length > 0) {
        button.textContent = scriptText.live.newMessages(fresh.length);
        region.append(button);
      }
      if (!answer.running) stopAsking();
    } catch {
      // Offline for a moment: the next minute asks again.
    }
  }

  const timer = window.setInterval(() => {
    if (!document.hidden) void check();
  }, EVERY_MINUTE);
  const onVisible = () => {
    if (!document.hidden && Date.now() - checkedAt >= EVERY_MINUTE) void check();
  };
  document.addEventListener('visibilitychange', onVisible);
  function stopAsking() {
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const response = await fetch(location.pathname, { cache: 'no-store' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const items = [...page.querySelectorAll('[data-part="live-entries"] > li')].filter((item) => {
        const anchor = item.querySelector(ENTRY)?.id;
        return anchor !== undefined && !shown(anchor);
      });
      list.prepend(...items.map((item) => document.importNode(item, true)));
      button.remove();
      // The button the reader pressed is gone: the focus goes to the newest message instead.
      const newest = list.querySelector<HTMLElement>(ENTRY);
      if (newest && items.length > 0) {
        newest.tabIndex = -1;
        newest.focus();
      }
    } catch {
      // The page could not be fetched: the button stays for another try.
    } finally {
      button.disabled = false;
    }
  });
}
