/* global document, window, fetch, URLSearchParams, FormData, HTMLFormElement, HTMLElement, HTMLSelectElement, Element */
// The moderation desk's keyboard and in-place decisions (docs/moderation-desk.md). The
// page works without it: every decision is a plain form, and this script only takes over
// their sending and adds the shortcuts. Served as is by the desk (its CSP allows no other
// script), hence plain JavaScript.

const live = document.querySelector('[data-live]');
const help = document.getElementById('aide');
let current = 0;

// Opened at another origin than its own (`localhost` for `127.0.0.1`), the desk would refuse
// the sign-in: say where to open it before anything is typed.
const wrongAddress = document.querySelector('[data-wrong-address]');
if (wrongAddress instanceof HTMLElement && wrongAddress.dataset.wrongAddress !== window.location.origin) {
  wrongAddress.hidden = false;
}

const items = () => [...document.querySelectorAll('[data-item]')];

/** Says something to screen readers, and shows it to everyone at the top. */
function announce(message) {
  if (live) {
    live.textContent = '';
    live.textContent = message;
  }
}

function select(index, focus = true) {
  const all = items();
  if (all.length === 0) return;
  current = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((item, position) => item.classList.toggle('current', position === current));
  if (focus) {
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: 'nearest' });
  }
}

/** The counts at the top, as the desk words them after a decision. */
function updateCounts(counts) {
  if (!counts) return;
  const waiting = document.querySelector('[data-total]');
  if (waiting) waiting.textContent = counts.waiting;
  const matching = document.querySelector('[data-matching]');
  if (matching) matching.textContent = counts.matching;
}

function showProblem(item, message) {
  let note = item.querySelector('[data-problem]');
  if (!note) {
    note = document.createElement('p');
    note.className = 'flash flash-error';
    note.dataset.problem = '';
    note.setAttribute('role', 'alert');
    item.prepend(note);
  }
  note.textContent = message;
}

/** Sends a decision form in the background; the comment leaves the list and the next one gets the focus. */
async function send(form) {
  const item = form.closest('[data-item]');
  // One decision at a time per comment: a second one would be about a comment already decided.
  if (item && item.dataset.deciding !== undefined) return;
  if (item) item.dataset.deciding = '';
  const buttons = form.querySelectorAll('button');
  buttons.forEach((button) => (button.disabled = true));
  let answer;
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    });
    answer = await response.json();
  } catch {
    answer = { ok: false, message: 'Le service ne répond pas\u00A0: rien n’a changé. Réessayez.' };
  }
  buttons.forEach((button) => (button.disabled = false));
  if (item) delete item.dataset.deciding;
  announce(answer.message);
  if (!answer.ok) {
    if (item) showProblem(item, answer.message);
    return;
  }
  updateCounts(answer.counts);
  const stalled = document.querySelector('[data-stalled]');
  if (stalled instanceof HTMLElement) stalled.hidden = !answer.stalled;
  if (item) {
    const index = items().indexOf(item);
    item.remove();
    if (items().length === 0) {
      const list = document.querySelector('[data-queue]');
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.tabIndex = -1;
      empty.textContent = 'Cette page est terminée. Rechargez-la pour voir la suite de la file.';
      list?.replaceWith(empty);
      empty.focus();
    } else {
      select(index);
    }
  }
}

document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.matches('[data-decision]')) return;
  event.preventDefault();
  void send(form);
});

const typing = (target) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input, select, textarea'));

function act(name) {
  const item = items()[current];
  if (!item || item.dataset.deciding !== undefined) return;
  if (name === 'reject') {
    item.querySelector('.reject select')?.focus();
    return;
  }
  if (name === 'bar') {
    const link = item.querySelector('.bar-link');
    if (link) window.location.assign(link.href);
    return;
  }
  item.querySelector(`form[data-decision="${name}"]`)?.requestSubmit();
}

const KEYS = {
  j: () => select(current + 1),
  ArrowDown: () => select(current + 1),
  k: () => select(current - 1),
  ArrowUp: () => select(current - 1),
  a: () => act('approve'),
  f: () => act('approve-feature'),
  r: () => act('reject'),
  b: () => act('bar'),
  '?': () => {
    if (help) {
      help.open = !help.open;
      help.querySelector('summary')?.focus();
    }
  },
};

const MOVES = new Set(['j', 'k', 'ArrowDown', 'ArrowUp']);

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (typing(target)) {
    // In a reason: Enter sends it (a select does not submit by itself), Escape goes back to the comment.
    const form = target.closest('form[data-decision]');
    if (event.key === 'Enter' && form && target instanceof HTMLSelectElement) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === 'Escape') {
      target.blur();
      select(current);
    }
    return;
  }
  const run = KEYS[event.key];
  if (!run) return;
  event.preventDefault();
  // A key held down repeats: moving on is fine, deciding on the comments that come next is not.
  if (event.repeat && !MOVES.has(event.key)) return;
  run();
});

// The comment a moderator clicks in or tabs into becomes the current one.
document.addEventListener('focusin', (event) => {
  const item = event.target instanceof Element ? event.target.closest('[data-item]') : null;
  if (item) {
    const index = items().indexOf(item);
    if (index !== current) select(index, false);
  }
});

select(0, false);
