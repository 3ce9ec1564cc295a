import { scriptText } from '../i18n/fr';

const text = scriptText.share;

/**
 * The article's « Copier le lien » and « Partager » buttons, shown only where the browser can
 * do what they say (the e-mail link works everywhere). They share the canonical address, not
 * whatever query or anchor the reader arrived with.
 */
export function enhanceShareLinks() {
  const box = document.querySelector<HTMLElement>('[data-part="share"]');
  if (box === null) return;
  const url = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  const title = document.querySelector('h1')?.textContent.trim() ?? document.title;
  const status = box.querySelector<HTMLElement>('[role="status"]');
  const copy = box.querySelector<HTMLButtonElement>('[data-part="share-copy"]');
  if (copy) {
    // Without a clipboard (a page served over plain HTTP) the button could only fail.
    copy.hidden = !('clipboard' in navigator);
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = text.copied;
      } catch {
        if (status) status.textContent = text.copyFailed;
      }
    });
  }
  const share = box.querySelector<HTMLButtonElement>('[data-part="share-native"]');
  if (share && typeof navigator.share === 'function') {
    share.hidden = false;
    // The reader closing the share sheet rejects the promise; there is nothing to say then.
    share.addEventListener('click', () => navigator.share({ title, url }).catch(() => undefined));
  }
}
