import { scriptText } from '../i18n/fr';

const text = scriptText.newsletter;

/**
 * Checks the address in place and signs up without leaving the page, with the reference
 * page's messages. Without this script the form posts to the sign-up service as it is.
 */
function enhance(form: HTMLFormElement) {
  const email = form.elements.namedItem('email') as HTMLInputElement;
  const message = form.parentElement?.querySelector<HTMLElement>('[data-part="newsletter-message"]');
  const say = (text: string, invalid: boolean) => {
    if (message) message.textContent = text;
    if (invalid) email.setAttribute('aria-invalid', 'true');
    else email.removeAttribute('aria-invalid');
  };
  // The browser's own bubbles would speak in the browser's words, not the newsroom's.
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const address = email.value.trim();
    if (address === '') return say(text.empty, true);
    if (!email.checkValidity() || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      return say(text.invalid, true);
    }
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...Object.fromEntries(new FormData(form)), email: address }),
      });
      if (response.ok) return say(text.success(address), false);
      const answer = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
      if (answer.error?.code === 'email_invalid') return say(text.invalid, true);
      return say(text.failed, false);
    } catch {
      return say(text.failed, false);
    }
  });
}

export function enhanceNewsletterForms() {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-part="newsletter-form"]')) enhance(form);
}
