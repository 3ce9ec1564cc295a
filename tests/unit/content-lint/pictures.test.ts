import { expect, test } from 'vitest';
import { article, lint, messages } from './lint';

const FILE = 'content/articles/tarif-electricite.md';
const picture = (alt: string) => [
  'image:',
  '  src: ./images/compteur.jpg',
  `  alt: ${alt}`,
  '  credit: Jeanne Martin / Kiosque',
];

test('alt-short: an alt that names the picture instead of describing it', () => {
  const bad = article(picture('Photo d’illustration'));
  expect(lint(bad)).toEqual([`${FILE}:9: image.alt: warning alt-short`]);
  expect(messages(bad)[0]).toMatch(/dites en une phrase ce qu’elle montre/);
  expect(lint(article(picture('Un compteur électrique dans une cave, son écran affiche 4 512 kWh')))).toEqual([]);
});

test('a decorative picture has no alt to check', () => {
  const decorative = ['image:', '  src: ./images/texture.jpg', '  decorative: true', '  credit: Kiosque'];
  expect(lint(article(decorative))).toEqual([]);
});
