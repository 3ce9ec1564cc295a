import { describe, expect, test } from 'vitest';
import { article, lint, messages } from './lint';

const FILE = 'content/articles/tarif-electricite.md';
/** The body starts on line 9 (`article`). */
const body = (...lines: string[]) => article([], lines);

describe('double-space', () => {
  test('in the body and in a title, a warning naming the words around it', () => {
    const bad = body('La baisse sera de 4 %.', 'Elle  profitera à 20 millions de foyers.');
    expect(lint(bad)).toEqual([`${FILE}:10: body: warning double-space`]);
    expect(messages(bad)[0]).toContain('« Elle » et « profitera »');
    expect(lint(article(['kicker: "DÉCRYPTAGE.  "', 'tags: [énergie]']))).toEqual([]);
    expect(lint(body('La baisse sera de 4 %.', 'Elle profitera à 20 millions de foyers.'))).toEqual([]);
  });

  test('not in code nor in the padding of a table', () => {
    const table = ['| Offre  | Prix  |', '| ------ | ----- |', '| Base   | 0,19  |'];
    expect(lint(body(...table, '', '```', 'tarif  =  0,19', '```'))).toEqual([]);
  });
});

describe('dots: what the typesetter cannot turn into « … »', () => {
  test('two dots, four dots, spaced dots, « etc... »', () => {
    expect(lint(body('La baisse est attendue..'))).toEqual([`${FILE}:9: body: warning dots`]);
    expect(lint(body('La baisse est attendue....'))).toEqual([`${FILE}:9: body: warning dots`]);
    expect(lint(body('La baisse est attendue. . .'))).toEqual([`${FILE}:9: body: warning dots`]);
    expect(lint(body('Gaz, électricité, etc...'))).toEqual([`${FILE}:9: body: warning dots`]);
    expect(lint(body('Etc...'))).toEqual([`${FILE}:9: body: warning dots`]);
    expect(messages(body('Gaz, électricité, etc...'))[0]).toMatch(/écrivez « etc\. »/);
  });

  test('three dots are set as « … » by the site, except in the alt, printed as typed', () => {
    expect(lint(body('La baisse est attendue... ou pas.'))).toEqual([]);
    const alt = (text: string) =>
      article(['image:', '  src: ./images/compteur.jpg', `  alt: ${text}`, '  credit: Kiosque']);
    expect(lint(alt('Un compteur électrique dont l’écran affiche 4 512...'))).toEqual([
      `${FILE}:9: image.alt: warning dots`,
    ]);
    expect(lint(alt('Un compteur électrique dont l’écran affiche 4 512…'))).toEqual([]);
  });
});

describe('backtick-apostrophe', () => {
  test('an apostrophe typed as a grave accent inside a word, in the body or a field', () => {
    const bad = body('La décision de l`État est attendue.');
    expect(lint(bad)).toEqual([`${FILE}:9: body: warning backtick-apostrophe`]);
    expect(messages(bad)[0]).toContain('« l`État »');
    expect(lint(article(['kicker: L`ENQUÊTE.']))).toEqual([`${FILE}:7: kicker: warning backtick-apostrophe`]);
    expect(lint(body("La décision de l'État est attendue."))).toEqual([]);
  });

  test('even where two of them turned the words between into code', () => {
    expect(lint(body('L`État et l`Europe.'))).toEqual([
      `${FILE}:9: body: warning backtick-apostrophe`,
      `${FILE}:9: body: warning backtick-apostrophe`,
    ]);
  });

  test('not in code', () => {
    expect(lint(body('La commande `npm run lint:content` relit tout.', '', '```', 'a`b', '```'))).toEqual([]);
  });
});
