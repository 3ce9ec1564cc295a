import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { cacheRoot } from '../content/render-cache.ts';
import { typeset } from '../lib/typography.ts';

/*
 * The picture a shared link shows for an article without one of its own: a card with its
 * title, kicker, section and the site's name, drawn at build time (`social-card-render.ts`).
 * This module says what is drawn and names the result; it lives outside `src/lib/` because
 * every module there is part of the Markdown pipeline's fingerprint (markdown-loader.ts), and
 * retouching the card must not render 30,000 documents again.
 */

/** The size social networks ask for (1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Where cards are served: `/cartes/<key>.png`. */
export const CARD_FOLDER = 'cartes';

/** Drawn cards, by name, kept with the build's other caches so that `dist/` can be cleaned. */
export const cardStore = () => join(resolve(cacheRoot()), 'kiosque-cards');

/** What a card says, in the order it is read. */
export interface CardText {
  section: string;
  kicker?: string | undefined;
  title: string;
  site: string;
}

/** A node as takumi takes it: a box of nodes, or a run of text, each styled with CSS properties. */
export type CardNode =
  { type: 'container'; style: CardStyle; children: CardNode[] } | { type: 'text'; style: CardStyle; text: string };
type CardStyle = Record<string, string | number>;

/** The light values of `--color-paper`, `--color-ink` and `--color-accent` (src/styles/global.css). */
export const CARD_COLOURS = {
  paper: 'oklch(0.99 0.004 85)',
  ink: 'oklch(0.22 0.01 260)',
  accent: 'oklch(0.5 0.19 27)',
};

const PADDING_X = 72;
const TITLE_WIDTH = CARD_WIDTH - 2 * PADDING_X;
/** Height left to the title under the masthead and the section's name, and under a kicker. */
const TITLE_HEIGHT = 350;
const TITLE_HEIGHT_UNDER_KICKER = 300;
const TITLE_LEADING = 1.12;
/**
 * Source Serif 4 Bold's advance per character in ems, at the card's letter spacing: 0.43 to
 * 0.50 on the sample site's titles (0.48 on average), so the widest, and a tenth more lost to
 * breaking lines between words.
 */
const CHARACTERS_PER_EM = 1 / 0.5 / 1.1;
/** Largest first: a short title is set big, a long one smaller, down to the last size. */
const TITLE_SIZES = [76, 68, 60, 52, 46];

export interface TitleFit {
  /** The title, cut after a word and ended with an ellipsis when it would not fit at the last size. */
  title: string;
  fontSize: number;
  /** Lines it may take: the renderer ends the last one with an ellipsis if the estimate was short. */
  lines: number;
}

/**
 * The largest size at which the title fits in its box, estimated from its length: the card's
 * name depends on it and is worked out for every article on every build, publications
 * included, where laying each card out to measure (0.4 ms with takumi) would add over a second
 * at 5,000 articles, and make the name wait for the renderer. A title too long even at the last
 * size is cut there after a word, rather than by the renderer in the middle of one.
 */
export function fitTitle(title: string, hasKicker: boolean): TitleFit {
  const height = hasKicker ? TITLE_HEIGHT_UNDER_KICKER : TITLE_HEIGHT;
  const length = [...title].length;
  const capacity = (fontSize: number) => {
    const lines = Math.floor(height / (fontSize * TITLE_LEADING));
    return { fontSize, lines, characters: Math.floor(lines * (TITLE_WIDTH / fontSize) * CHARACTERS_PER_EM) };
  };
  const sizes = TITLE_SIZES.map(capacity);
  const fit = sizes.find((size) => length <= size.characters);
  if (fit) return { title, fontSize: fit.fontSize, lines: fit.lines };
  const last = sizes.at(-1) as (typeof sizes)[number];
  const kept = [...title].slice(0, last.characters).join('');
  const cut = kept.slice(0, Math.max(kept.lastIndexOf(' '), 1)).replace(/[\s,;:.…–—-]+$/u, '');
  return { title: `${cut}…`, fontSize: last.fontSize, lines: last.lines };
}

/** What an article's card says, the title and kicker set the French way as on the page. */
export function cardText(
  article: { title: string; kicker?: string | undefined; section: { name: string } },
  site: string,
): CardText {
  return {
    section: article.section.name,
    kicker: article.kicker === undefined ? undefined : typeset(article.kicker),
    title: typeset(article.title),
    site,
  };
}

const box = (style: CardStyle, children: CardNode[]): CardNode => ({ type: 'container', style, children });
const run = (style: CardStyle, words: string): CardNode => ({ type: 'text', style, text: words });

/**
 * Font families by subset: each file is registered under its own name, and a character missing
 * from the Latin one (Ł, Ş) is found in the Latin Extended one, next in the stack. Quoted, as in
 * CSS: a name with a word starting with a digit is not an identifier.
 */
export const SERIF = 'Source Serif 4';
export const SANS = 'Source Sans 3';
export const EXTENDED = ' Latin Ext';
const families = (family: string) => `"${family}", "${family}${EXTENDED}"`;

/**
 * The card in the house style: the masthead over a rule as in the site's header; then, in the
 * middle of the space left, the section's name in small capitals and the accent colour, the
 * kicker in extra-bold sans, and the title in the serif of the site's headlines; the accent
 * colour along the bottom edge.
 */
export function cardLayout(text: CardText): CardNode {
  const { paper, ink, accent } = CARD_COLOURS;
  const fit = fitTitle(text.title, text.kicker !== undefined);
  const sans = { fontFamily: families(SANS), color: accent, lineHeight: 1.2 };
  return box(
    {
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: `40px ${PADDING_X}px 48px`,
      backgroundColor: paper,
      color: ink,
      borderBottom: `12px solid ${accent}`,
    },
    [
      run(
        {
          fontFamily: families(SERIF),
          fontWeight: 700,
          fontSize: 52,
          letterSpacing: '-0.02em',
          lineHeight: 1.1,
          paddingBottom: 18,
          borderBottom: `3px solid ${ink}`,
        },
        text.site,
      ),
      box({ flexGrow: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', paddingTop: 24 }, [
        run(
          { ...sans, fontWeight: 700, fontSize: 26, letterSpacing: '0.06em', textTransform: 'uppercase' },
          text.section,
        ),
        ...(text.kicker === undefined
          ? []
          : [run({ ...sans, fontWeight: 800, fontSize: 34, marginTop: 8 }, text.kicker)]),
        run(
          {
            fontFamily: families(SERIF),
            fontWeight: 700,
            fontSize: fit.fontSize,
            lineHeight: TITLE_LEADING,
            letterSpacing: '-0.01em',
            marginTop: 14,
            lineClamp: fit.lines,
          },
          fit.title,
        ),
      ]),
    ],
  );
}

/**
 * A card's name: the hash of its layout, which holds everything drawn (the words, the sizes,
 * the colours, so that a change to the template is a change of name without a version to
 * bump), and of the `fingerprint` of the fonts that draw it. The same card always gets the
 * same name, which lets a build reuse it and a social network keep it in its cache; a changed
 * card gets a new one, which the network fetches anew.
 */
export function cardKey(layout: CardNode, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update(JSON.stringify(layout)).digest('base64url').slice(0, 22);
}
