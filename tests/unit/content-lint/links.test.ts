import { describe, expect, test } from 'vitest';
import { lintFile } from '../../../src/lib/content-lint/lint-file';
import { article, lint, messages } from './lint';

const FILE = 'content/articles/tarif-electricite.md';
/** The body starts on line 9 (`article`). */
const body = (...lines: string[]) => article([], lines);

describe('link-empty: a link a reader cannot see', () => {
  test('is an error', () => {
    const bad = body('Selon la CRE, la baisse sera de 4 %.', '', 'Voir [](https://www.cre.fr/deliberation).');
    expect(lint(bad)).toEqual([`${FILE}:11: body: error link-empty`]);
    expect(lint(body('Voir [la délibération de la CRE](https://www.cre.fr/deliberation).'))).toEqual([]);
  });
});

describe('link-vague: « cliquez ici »', () => {
  test('is a warning that says what to write', () => {
    const bad = body('La délibération est en ligne : [cliquez ici](https://www.cre.fr/deliberation).');
    expect(lint(bad)).toEqual([`${FILE}:9: body: warning link-vague`]);
    expect(messages(bad)[0]).toMatch(/doit dire où il mène/);
    expect(lint(body('[Ici](https://www.cre.fr/).'))).toEqual([`${FILE}:9: body: warning link-vague`]);
    expect(lint(body('Lisez [la délibération de la CRE](https://www.cre.fr/deliberation), ici.'))).toEqual([]);
  });
});

describe('link-http: http:// where https:// exists', () => {
  test('is a warning offering the https:// form', () => {
    const bad = body('Les chiffres de [l’Insee](http://www.insee.fr/fr/statistiques).');
    expect(lint(bad)).toEqual([`${FILE}:9: body: warning link-http`]);
    expect(messages(bad)[0]).toContain('https://www.insee.fr/fr/statistiques');
    expect(lint(body('Les chiffres de [l’Insee](https://www.insee.fr/fr/statistiques).'))).toEqual([]);
  });

  test('in a reference definition too', () => {
    const bad = body('Les chiffres de [l’Insee][insee].', '', '[insee]: http://www.insee.fr/');
    expect(lint(bad)).toEqual([`${FILE}:11: body: warning link-http`]);
  });

  test('not for the newsroom’s own machines, nor for the hosts known to be http only', () => {
    expect(lint(body('[L’aperçu](http://localhost:4321/) et [le serveur](http://192.168.1.20/).'))).toEqual([]);
    const options = { httpOnlyHosts: ['archives-mairie.fr'], siteUrl: 'https://kiosque.example' };
    const old = body('[Le registre](http://www.archives-mairie.fr/registre).');
    expect(lintFile(FILE, old, options).findings).toEqual([]);
    expect(lintFile(FILE, old, { ...options, httpOnlyHosts: [] }).findings.map((f) => f.rule)).toEqual(['link-http']);
  });
});

describe('read-also-self: « Lire aussi » to the article itself', () => {
  test('as a directive, an error', () => {
    const bad = body('Un paragraphe.', '', '::lire-aussi{article="tarif-electricite"}');
    expect(lint(bad)).toEqual([`${FILE}:11: body: error read-also-self`]);
    expect(lint(body('Un paragraphe.', '', '::lire-aussi{article="carburants-prix-baisse"}'))).toEqual([]);
  });

  test('as a typed paragraph linking to its own page', () => {
    const bad = body('Lire aussi : [Le tarif baissera](/economie/tarif-electricite/)');
    expect(lint(bad)).toEqual([`${FILE}:9: body: error read-also-self`]);
    expect(lint(body('Lire aussi : [Les carburants baissent](/economie/carburants-prix-baisse/)'))).toEqual([]);
  });
});
