import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { Renderer, type FontDetails } from '@takumi-rs/core';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  cardLayout,
  cardStore,
  EXTENDED,
  SANS,
  SERIF,
  type CardNode,
  type CardText,
} from './social-card.ts';

/*
 * Packages are found from the project, as Astro's cache is (`cacheRoot`): this module also runs
 * from the build's bundle, which may be written outside the project (`--outDir`).
 */
const require = createRequire(join(process.cwd(), 'package.json'));

/**
 * The weights the card draws, in the Latin and Latin Extended subsets: together they hold
 * French (« » ’ … œ, no-break spaces) and the names of a world news report (Łódź, Ştefan).
 * Fontsource exports neither its package.json nor its fonts: they are found beside its style
 * sheet.
 */
const FACES = [
  { family: SERIF, font: 'source-serif-4', weight: 700, css: () => require.resolve('@fontsource/source-serif-4') },
  { family: SANS, font: 'source-sans-3', weight: 700, css: () => require.resolve('@fontsource/source-sans-3') },
  { family: SANS, font: 'source-sans-3', weight: 800, css: () => require.resolve('@fontsource/source-sans-3') },
] as const;
const SUBSETS = [
  { subset: 'latin', suffix: '' },
  { subset: 'latin-ext', suffix: EXTENDED },
];

let fonts: { faces: FontDetails[]; fingerprint: string } | undefined;

/**
 * The fonts, read once per process, and their fingerprint: besides the layout, what decides how
 * a card looks. Not the version of takumi: an upgrade would draw the whole archive again (20 s
 * of CPU at 5,000 articles, docs/performance.md) for a few pixels; delete the store
 * (`cardStore`) to have it.
 */
function cardFonts() {
  if (fonts) return fonts;
  const hash = createHash('sha256');
  const faces = FACES.flatMap((face) =>
    SUBSETS.map(({ subset, suffix }): FontDetails => {
      const data = readFileSync(
        join(dirname(face.css()), 'files', `${face.font}-${subset}-${face.weight}-normal.woff`),
      );
      hash.update(data);
      return { name: `${face.family}${suffix}`, data, weight: face.weight, style: 'normal' };
    }),
  );
  fonts = { faces, fingerprint: hash.digest('hex') };
  return fonts;
}

let renderer: Promise<Renderer> | undefined;

/** Takumi with the card's fonts, started by the first card a process draws. */
function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const started = new Renderer();
    for (const face of cardFonts().faces) await started.registerFont(face);
    return started;
  })();
  return renderer;
}

/** A card to draw: what it says, its layout and the name of the file it makes. */
export interface Card {
  key: string;
  text: CardText;
  layout: CardNode;
}

export function cardOf(text: CardText): Card {
  const layout = cardLayout(text);
  return { key: cardKey(layout, cardFonts().fingerprint), text, layout };
}

/**
 * The card's PNG, drawn once: from the store when a build has drawn it before, otherwise laid
 * out, rasterised and encoded by takumi (about 6 ms of CPU, on libuv's threads, so that a build
 * drawing several cards keeps both cores busy). Takumi writes a palette PNG when the card has
 * at most 256 colours, as it does (its three colours and their anti-aliasing): about 16 KB,
 * losslessly, and cheaper to encode than a JPEG or a WebP of the same card. Written to a
 * temporary name then renamed, so a killed build never leaves half a file.
 */
export async function renderCard(card: Card): Promise<Buffer> {
  const file = join(cardStore(), `${card.key}.png`);
  if (existsSync(file)) return readFileSync(file);
  const drawer = await cardRenderer();
  const png = await drawer.render(card.layout, { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'png' });
  mkdirSync(cardStore(), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}
