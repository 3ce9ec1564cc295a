import { scriptText } from '../i18n/fr';
import { truncateVisible, visibleLength } from '../lib/typography';

const text = scriptText.comments;

/** What the comment service answers (docs/comments.md). */
interface Answer {
  message?: string;
  error?: { code: string; message: string };
}

const SESSION_COOKIE = 'kiosque_session';
/**
 * Set by the sign-in service beside an `HttpOnly` session, for display only: it proves
 * nothing (the service checks the session itself) and says only that the notice can go.
 */
const SIGNED_IN_COOKIE = 'kiosque_abonne';

/**
 * The session cookie, when the page may read it: in development only. In production the
 * sign-in service marks it `HttpOnly` and the browser sends it to the service itself.
 */
function cookie(name: string): string | undefined {
  const found = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return found === undefined ? undefined : decodeURIComponent(found.slice(name.length + 1));
}

function part<T extends HTMLElement>(root: ParentNode, name: string): T | null {
  return root.querySelector<T>(`[data-part="${name}"]`);
}

/**
 * Brings the comment form to life: the closing date and the subscriber gate applied in the
 * reader's browser, a counter that counts what the reader sees, the text kept across reloads
 * and failures, and the service's answer shown in place. Without it the form still posts.
 */
function enhance(box: HTMLElement) {
  const form = part<HTMLFormElement>(box, 'comment-form');
  if (form === null) return;
  const closesAt = box.dataset['closesAt'];
  if (closesAt !== undefined && Date.now() >= Date.parse(closesAt)) {
    form.hidden = true;
    part(box, 'subscribers-only')?.remove();
    const closed = document.createElement('p');
    closed.className = 'notice font-semibold';
    closed.dataset['part'] = 'comments-closed';
    closed.textContent = text.closed;
    box.append(closed);
    return;
  }
  // Without a readable cookie the page cannot tell a subscriber from another reader: the
  // form stays, under the sign-in notice, and the service says whether the reader may post.
  const session = cookie(SESSION_COOKIE);
  const signedIn = session !== undefined || cookie(SIGNED_IN_COOKIE) !== undefined;
  const gate = part(box, 'subscribers-only');
  if (form.dataset['subscribers'] !== undefined && signedIn && gate) gate.hidden = true;

  const textarea = form.elements.namedItem('text') as HTMLTextAreaElement;
  const counter = part(form, 'counter');
  const status = part(form, 'comment-status');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const max = Number(textarea.dataset['max']);
  const article = (form.elements.namedItem('article') as HTMLInputElement).value;
  const draftKey = `kiosque-brouillon-${article}`;
  // Storage can be refused (private browsing, blocked cookies): the draft is a convenience.
  const draft = {
    load: () => {
      try {
        return sessionStorage.getItem(draftKey);
      } catch {
        return null;
      }
    },
    save: (value: string) => {
      try {
        sessionStorage.setItem(draftKey, value);
      } catch {
        // Nothing kept across reloads; the text stays in the field.
      }
    },
  };
  const say = (...message: (string | Node)[]) => status?.replaceChildren(...message);
  const barredNotice = () => {
    const charter = document.createElement('a');
    charter.href = '/infos/charte-de-moderation/';
    charter.className = 'text-accent underline underline-offset-4';
    charter.textContent = text.charter;
    say(`${text.barred} `, charter);
  };
  const signInNotice = (message: string) => {
    const signIn = gate?.querySelector('a')?.cloneNode(true);
    say(...(signIn === undefined ? [message] : [`${message} `, signIn]));
  };

  // The browser's maxlength counts UTF-16 units, so an emoji would count twice.
  textarea.removeAttribute('maxlength');
  const update = () => {
    const clipped = truncateVisible(textarea.value, max);
    if (clipped !== textarea.value) {
      textarea.value = clipped;
      say(text.limitReached(max));
    }
    if (counter) counter.textContent = text.counter(visibleLength(textarea.value), max);
    if (submit) submit.disabled = textarea.value.trim() === '';
    draft.save(textarea.value);
  };
  textarea.value = draft.load() ?? textarea.value;
  textarea.addEventListener('input', update);
  update();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (session !== undefined) data['session'] = session;
    say(text.sending);
    if (submit) submit.disabled = true;
    try {
      // The service may be on another origin of the site (a subdomain): the browser sends the
      // session cookie there only when asked to.
      const response = await fetch(form.action, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(data),
      });
      const answer = (await response.json()) as Answer;
      if (response.ok) {
        textarea.value = '';
        update();
        say(answer.message ?? text.sent);
      } else if (answer.error?.code === 'reader_barred') {
        barredNotice();
      } else if (answer.error?.code === 'subscription_required') {
        signInNotice(answer.error.message);
      } else {
        say(answer.error?.message ?? text.unreachable);
      }
    } catch {
      say(text.unreachable);
    } finally {
      if (submit) submit.disabled = textarea.value.trim() === '';
    }
  });
}

export function enhanceCommentForms() {
  for (const box of document.querySelectorAll<HTMLElement>('[data-part="comment-box"]')) enhance(box);
}
