import { describe, expect, test } from 'vitest';
import { splitBody } from '../../src/lib/body-slots';

describe('splitBody', () => {
  test('cuts the body at each slot, keeping the order', () => {
    const html =
      '<p>Un.</p>\n<kiosque-slot data-slot="newsletter"></kiosque-slot>\n<p>Deux.</p>\n' +
      '<kiosque-slot data-slot="read-also" data-article="autre-sujet"></kiosque-slot>\n<h2 id="x">Trois</h2>';
    expect(splitBody(html)).toEqual([
      { kind: 'html', html: '<p>Un.</p>' },
      { kind: 'newsletter' },
      { kind: 'html', html: '<p>Deux.</p>' },
      { kind: 'read-also', article: 'autre-sujet' },
      { kind: 'html', html: '<h2 id="x">Trois</h2>' },
    ]);
  });

  test('leaves a body without slots whole', () => {
    expect(splitBody('<p>Seul.</p>')).toEqual([{ kind: 'html', html: '<p>Seul.</p>' }]);
  });
});
