import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  cardLayout,
  cardStore,
  EXTENDED,
  SANS,
  SERIF,
  type CardElement,
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
 * WOFF, as Satori does not read WOFF2. Fontsource exports neither its package.json nor its
 * fonts: they are found beside its style sheet.
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

let drawing: { fonts: Font[]; fingerprint: string } | undefined;

/**
 * The fonts, read once per process, and their fingerprint: besides the layout, what decides how
 * a card looks. Not the versions of Satori and resvg: an upgrade would draw the whole archive
 * again (two minutes of CPU at 5,000 articles, docs/performance.md) for a few pixels; delete
 * the store (`cardStore`) to have it.
 */
function drawingTools() {
  if (drawing) return drawing;
  const hash = createHash('sha256');
  const fonts = FACES.flatMap((face) =>
    SUBSETS.map(({ subset, suffix }): Font => {
      const data = readFileSync(
        join(dirname(face.css()), 'files', `${face.font}-${subset}-${face.weight}-normal.woff`),
      );
      hash.update(data);
      return { name: `${face.family}${suffix}`, data, weight: face.weight, style: 'normal' };
    }),
  );
  drawing = { fonts, fingerprint: hash.digest('hex') };
  return drawing;
}

/** A card to draw: what it says, its layout and the name of the file it makes. */
export interface Card {
  key: string;
  text: CardText;
  layout: CardElement;
}

export function cardOf(text: CardText): Card {
  const layout = cardLayout(text);
  return { key: cardKey(layout, drawingTools().fingerprint), text, layout };
}

/**
 * The card's PNG, drawn once: from the store when a build has drawn it before, otherwise laid
 * out by Satori (about 10 ms, on this thread) and rasterised and encoded by resvg (about 30 ms,
 * the rasterising on libuv's threads, so that a build drawing several cards keeps both cores
 * busy). Written to a temporary name then renamed, so a killed build never leaves half a file.
 */
export async function renderCard(card: Card): Promise<Buffer> {
  const file = join(cardStore(), `${card.key}.png`);
  if (existsSync(file)) return readFileSync(file);
  const svg = await satori(card.layout, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: drawingTools().fonts });
  const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
  const png = image.asPng();
  mkdirSync(cardStore(), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}
