import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { text } from '../../services/comments/desk/messages.ts';
import type { Problem } from '../../services/moderation/errors.ts';
import { frenchFaults } from '../unit/french-rules.ts';
import { Moderator, startDesk, writePending, type TestDesk } from './desk-helpers.ts';

const AT = new Date('2026-11-29T14:00:00Z');
const RESULT = { pseudonym: 'Zoé', changed: true, notes: [] };
const PROBLEMS: Problem[] = [
  { kind: 'unknown-comment', id: 'a/b' },
  { kind: 'bad-id' },
  { kind: 'needs-hand', file: 'comment' },
  { kind: 'needs-hand', file: 'barred-list' },
  { kind: 'changed', now: undefined },
  { kind: 'changed', now: { id: 'a/b', pseudonym: 'Zoé', status: 'rejected', by: 'Claire' } },
  { kind: 'reason-missing' },
  { kind: 'not-published', id: 'a/b', status: 'pending' },
  { kind: 'bad-name', who: 'pseudonym' },
  { kind: 'bad-name', who: 'moderator' },
];

/** Every string of the desk's messages, each function called with ordinary and edge arguments. */
const messages: [string, string][] = [
  ...Object.entries(text).flatMap(([key, value]) =>
    typeof value === 'string' ? [[key, value] as [string, string]] : [],
  ),
  ['lockedUntil', text.lockedUntil(new Date(AT.getTime() + 15 * 60_000), AT)],
  ['wrongOrigin', text.wrongOrigin('http://127.0.0.1:4323/moderation/')],
  ['wrongAddress', text.wrongAddress('http://127.0.0.1:4323/moderation/')],
  ...[0, 1, 1234].flatMap((count): [string, string][] => [
    ['waiting', text.waiting(count)],
    ['matching', text.matching(count)],
  ]),
  ['history', text.history(0, 0)],
  ['history', text.history(2, 1)],
  ...(
    [
      { kind: 'published', from: 'pending', droppedReason: undefined },
      { kind: 'published', from: 'rejected', droppedReason: 'Spam' },
      { kind: 'rejected', from: 'published', reason: 'Spam', unfeatured: true },
      { kind: 'reason-changed', from: 'Spam', to: 'Hors sujet' },
      { kind: 'featured' },
      { kind: 'unfeatured' },
    ] as const
  ).map((effect): [string, string] => ['decided', text.decided({ ...RESULT, effects: [effect] })]),
  [
    'decided',
    text.decided({
      ...RESULT,
      effects: [{ kind: 'published', from: 'pending', droppedReason: undefined }],
      notes: [
        { kind: 'reply-shown-alone', replyTo: 'c01', parentStatus: undefined },
        { kind: 'replies-shown-alone', replies: ['c02'] },
      ],
    }),
  ],
  ['decided', text.decided({ ...RESULT, changed: false, effects: [{ kind: 'unchanged', already: 'featured' }] })],
  ['barred', text.barred({ pseudonym: 'Zoé', changed: true, since: '2026-11-29', reason: 'Spam', pending: ['a/b'] })],
  ['barred', text.barred({ pseudonym: 'Zoé', changed: false, since: '2026-11-29', reason: 'Spam', pending: [] })],
  ...PROBLEMS.map((problem): [string, string] => [`problem ${problem.kind}`, text.problem(problem)]),
];

/**
 * The text a page shows, without what readers wrote (the comments as rendered and as typed,
 * pseudonyms, article titles): the desk's own words only.
 */
function ownText(html: string): string {
  return html
    .replace(/<(script|style|pre)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<div class="rendered"[^>]*>[\s\S]*?<\/div>\n<pre/g, '<pre')
    .replace(/<div class="rendered"[^>]*>(?!<p class="missing">)[\s\S]*?<\/div>/g, ' ')
    .replace(/<(a|h2) class="(who|title)"[\s\S]*?<\/\1>/g, ' ')
    .replace(/<h2 class="title"[\s\S]*?<\/h2>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, '\u00A0')
    .replace(/&amp;/g, '&');
}

describe('the desk’s French', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await startDesk();
    writePending(desk.dir, 'vide', { pseudonym: 'Zoé', text: '<script>rien</script>' });
  });
  afterAll(() => desk.close());

  test('its messages keep French print’s spaces, guillemets and apostrophes', () => {
    expect(frenchFaults(messages)).toEqual([]);
  });

  test('its pages too: the queue with its filters, an emptied comment, the bar page, the sign-in page', async () => {
    const signIn = await new Moderator(desk).page('/moderation/connexion/');
    const claire = new Moderator(desk);
    await claire.signIn();
    const pages = {
      signIn,
      queue: await claire.page('/moderation/?article=test-ouvert&lecteur=Zo%C3%A9'),
      bar: await claire.page('/moderation/exclure?id=test-ouvert/vide'),
    };
    expect(pages.queue).toContain('<p class="missing">');
    const lines = Object.entries(pages).flatMap(([page, html]) =>
      ownText(html)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line): [string, string] => [page, line]),
    );
    expect(frenchFaults(lines)).toEqual([]);
  });
});
