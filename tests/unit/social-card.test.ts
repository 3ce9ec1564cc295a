import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CARD_COLOURS,
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  cardLayout,
  cardStore,
  cardText,
  fitTitle,
  type CardText,
} from '../../src/data/social-card';
import { cardOf, renderCard } from '../../src/data/social-card-render';
import { NBSP } from '../../src/lib/typography';

const TEXT: CardText = {
  section: 'Sciences & Tech',
  kicker: 'ENQUÊTE.',
  title: `Courtiers en données${NBSP}: comment vos achats en ligne finissent dans des fichiers revendus`,
  site: 'Kiosque',
};
const keyOf = (text: CardText, fingerprint = 'fonts') => cardKey(cardLayout(text), fingerprint);

describe('the card’s name, its cache key', () => {
  test('is the same for the same card, in a file name’s characters', () => {
    expect(keyOf({ ...TEXT })).toBe(keyOf(TEXT));
    expect(keyOf(TEXT)).toMatch(/^[\w-]{22}$/);
  });

  test('changes with anything drawn: title, kicker, section, site name', () => {
    const keys = [
      TEXT,
      { ...TEXT, title: `${TEXT.title}.` },
      { ...TEXT, kicker: undefined },
      { ...TEXT, kicker: 'DÉCRYPTAGE.' },
      { ...TEXT, section: 'Économie' },
      { ...TEXT, site: 'Le Kiosque' },
    ].map((text) => keyOf(text));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('changes with the fonts that draw it', () => {
    expect(keyOf(TEXT, 'other fonts')).not.toBe(keyOf(TEXT));
  });

  test('changes with the template, whose layout it hashes', () => {
    const layout = cardLayout(TEXT);
    const retouched = structuredClone(layout);
    retouched.style['borderBottom'] = `16px solid ${CARD_COLOURS.accent}`;
    expect(cardKey(retouched, 'f')).not.toBe(cardKey(layout, 'f'));
  });
});

describe('cardText', () => {
  test('sets the title and kicker the French way, as the page does', () => {
    const text = cardText({ title: "Vélo : l'été des records", kicker: 'VIDÉO.', section: { name: 'Société' } }, 'K');
    expect(text).toEqual({ section: 'Société', kicker: 'VIDÉO.', title: `Vélo${NBSP}: l’été des records`, site: 'K' });
  });
});

describe('fitTitle', () => {
  test('sets a short title large and a longer one smaller, keeping every word', () => {
    const short = fitTitle('La comète visible à l’œil nu', false);
    const long = fitTitle(TEXT.title, true);
    expect(short.fontSize).toBeGreaterThan(long.fontSize);
    expect([short.title, long.title]).toEqual(['La comète visible à l’œil nu', TEXT.title]);
  });

  test('cuts a title too long for the card after a word, with an ellipsis, at the smallest size', () => {
    const words = Array.from({ length: 80 }, (_, i) => `mot${i}`).join(' ');
    const fit = fitTitle(words, false);
    expect(fit.title).toMatch(/^mot0 mot1 .* mot\d+…$/);
    expect(fit.title.length).toBeLessThan(words.length);
    expect(fit.fontSize).toBe(Math.min(...[76, 68, 60, 52, 46]));
    expect(fit.lines).toBeGreaterThanOrEqual(5);
  });
});

test('the card’s colours are the light theme’s tokens', () => {
  const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
  for (const [name, colour] of Object.entries(CARD_COLOURS)) {
    expect(css).toContain(`--color-${name}: light-dark(${colour},`);
  }
});

describe('renderCard', () => {
  const cache = mkdtempSync(join(tmpdir(), 'kiosque-cards-'));
  const previous = process.env['KIOSQUE_CACHE_DIR'];
  process.env['KIOSQUE_CACHE_DIR'] = cache;
  afterAll(() => {
    if (previous === undefined) delete process.env['KIOSQUE_CACHE_DIR'];
    else process.env['KIOSQUE_CACHE_DIR'] = previous;
    rmSync(cache, { recursive: true, force: true });
  });

  test('draws a 1200×630 PNG once, then reads it from the store', { timeout: 20_000 }, async () => {
    const card = cardOf(TEXT);
    const png = await renderCard(card);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);

    const stored = join(cardStore(), `${card.key}.png`);
    const drawnAt = statSync(stored).mtimeMs;
    expect(await renderCard(cardOf({ ...TEXT }))).toEqual(png);
    expect(statSync(stored).mtimeMs).toBe(drawnAt);
  });
});
