import { getImage } from 'astro:assets';
import { fr } from '../i18n/fr';
import type { Article } from '../lib/site';
import { siteConfig } from '../site.config';
import { CARD_FOLDER, CARD_HEIGHT, CARD_WIDTH, cardText } from './social-card';
import { cardOf, type Card } from './social-card-render';

/** The picture a shared link shows: where it is (root-relative), its size and its description. */
export interface SocialImage {
  src: string;
  width: number;
  height: number;
  /** Empty for a decorative picture. */
  alt: string;
}

/** Widest picture social networks ask for; wider would only cost bytes. */
const SHARED_WIDTH = 1200;

/** The card of an article without a picture, also listed by the route that makes it (`/cartes/…`). */
export function articleCard(article: Article): Card {
  return cardOf(cardText(article, siteConfig.name));
}

/**
 * Which picture a shared link to the article shows (Open Graph, Twitter, structured data): its
 * own picture as a JPEG, which every network reads, at most 1200 pixels wide (never enlarged);
 * otherwise its card, drawn at build time from its title (`src/data/social-card.ts`).
 */
export async function socialImage(article: Article): Promise<SocialImage> {
  if (article.image) {
    const width = Math.min(SHARED_WIDTH, article.image.src.width);
    const picture = await getImage({ src: article.image.src, width, format: 'jpeg' });
    // The size Astro computed for the picture, as an <img> of it would declare.
    return {
      src: picture.src,
      width: Number(picture.attributes['width']),
      height: Number(picture.attributes['height']),
      alt: article.image.alt,
    };
  }
  const card = articleCard(article);
  return {
    src: `/${CARD_FOLDER}/${card.key}.png`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: fr.share.cardAlt(card.text),
  };
}
