import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { articleSchema } from '../../src/content/schemas/article';
import { frontmatterParis } from '../../src/lib/dates';
import {
  canonicalTags,
  planArticle,
  resolveChoice,
  slugFromTitle,
  type NewArticleAnswers,
  type Newsroom,
} from '../../src/lib/new-article';

// The image() helper only exists inside Astro's loader; a string stands in for it here.
const article = articleSchema({ image: () => z.string() } as never);

const newsroom: Newsroom = {
  sections: [
    { id: 'economie', name: 'Économie' },
    { id: 'sciences', name: 'Sciences & Tech' },
  ],
  authors: [
    { id: 'claire-dumas', name: 'Claire Dumas' },
    { id: 'lea-morvan', name: 'Léa Morvan' },
  ],
  articles: new Set(['le-prix-du-pain-recule']),
};

const answers: NewArticleAnswers = {
  title: 'Logement : les loyers des petites surfaces montent encore',
  standfirst: "Une hausse de 3 % en un an, selon l'observatoire des loyers.",
  section: 'economie',
  authors: ['claire-dumas'],
  tags: ['logement', "pouvoir d'achat"],
};

const winterMorning = new Date('2026-12-07T08:30:40Z');

function frontmatterOf(text: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match === null) throw new Error(`no frontmatter in ${text}`);
  return parse(match[1] ?? '');
}

describe('the address made from a title', () => {
  test('drops accents, apostrophes and punctuation', () => {
    expect(slugFromTitle("L'État « relance » la filière : 12 000 emplois ?")).toBe(
      'l-etat-relance-la-filiere-12-000-emplois',
    );
    expect(slugFromTitle('Œuvres volées : une enquête')).toBe('oeuvres-volees-une-enquete');
  });

  test('cuts a long title at a whole word within 80 characters', () => {
    const slug = slugFromTitle(
      "Le tarif réglementé de l'électricité baissera en février, annonce la Commission de régulation de l'énergie",
    );
    expect(slug).toBe('le-tarif-reglemente-de-l-electricite-baissera-en-fevrier-annonce-la-commission');
    expect(slug.length).toBeLessThanOrEqual(80);
  });
});

describe('a new article', () => {
  test('is a draft dated now, Paris time with its offset, that the article schema accepts', () => {
    const plan = planArticle(answers, newsroom, winterMorning);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(plan.slug).toBe('logement-les-loyers-des-petites-surfaces-montent-encore');
    expect(plan.file).toBe('articles/logement-les-loyers-des-petites-surfaces-montent-encore.md');
    expect(plan.url).toBe('http://localhost:4321/economie/logement-les-loyers-des-petites-surfaces-montent-encore/');
    const data = frontmatterOf(plan.text);
    expect(data).toEqual({
      title: 'Logement : les loyers des petites surfaces montent encore',
      standfirst: "Une hausse de 3 % en un an, selon l'observatoire des loyers.",
      section: 'economie',
      authors: ['claire-dumas'],
      publishedAt: '2026-12-07T09:30:00+01:00',
      tags: ['logement', "pouvoir d'achat"],
      draft: true,
    });
    const parsed = article.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.publishedAt.toISOString()).toBe('2026-12-07T08:30:00.000Z');
  });

  test('writes lists on one line and quotes a title with « : » so that it stays one string', () => {
    const plan = planArticle({ ...answers, title: 'Retraites : "on ne lâchera rien"' }, newsroom, winterMorning);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    expect(plan.text).toContain(`title: 'Retraites : "on ne lâchera rien"'\n`);
    expect(plan.text).toContain('authors: [claire-dumas]\n');
    expect((frontmatterOf(plan.text) as { title: string }).title).toBe('Retraites : "on ne lâchera rien"');
  });

  test('in summer, carries the summer offset', () => {
    expect(frontmatterParis(new Date('2026-07-14T08:30:00Z'))).toBe('2026-07-14T10:30:00+02:00');
  });

  test('signed by an agency alone has no authors', () => {
    const plan = planArticle({ ...answers, authors: [], source: 'AFP' }, newsroom, winterMorning);
    if (!plan.ok) throw new Error(plan.problems.join('\n'));
    const data = frontmatterOf(plan.text);
    expect(data).toMatchObject({ source: 'AFP' });
    expect(data).not.toHaveProperty('authors');
    expect(article.safeParse(data).success).toBe(true);
  });

  test('refuses an address already taken, naming the file and the way out', () => {
    const plan = planArticle({ ...answers, title: 'Le prix du pain recule' }, newsroom, winterMorning);
    expect(plan).toEqual({
      ok: false,
      problems: [
        'content/articles/le-prix-du-pain-recule.md existe déjà\u00A0: choisissez un autre titre, ou une autre adresse avec --slug',
      ],
    });
    const renamed = planArticle(
      { ...answers, title: 'Le prix du pain recule', slug: 'prix-du-pain-novembre' },
      newsroom,
      winterMorning,
    );
    expect(renamed).toMatchObject({ ok: true, file: 'articles/prix-du-pain-novembre.md' });
  });

  test('names a file as it is, a « 24h » in it left alone', () => {
    const plan = planArticle(
      { ...answers, title: 'Grève : 24h de blocage' },
      { ...newsroom, articles: new Set(['greve-24h-de-blocage']) },
      winterMorning,
    );
    expect(plan).toMatchObject({
      problems: [
        'content/articles/greve-24h-de-blocage.md existe déjà\u00A0: choisissez un autre titre, ou une autre adresse avec --slug',
      ],
    });
  });

  test('lists every problem at once, each with the flag that answers it', () => {
    const plan = planArticle(
      { title: '', standfirst: ' ', section: 'sport', authors: ['jean-dupont'], tags: [] },
      newsroom,
      winterMorning,
    );
    expect(plan).toEqual({
      ok: false,
      problems: [
        'le titre manque (--titre)',
        'le chapô manque\u00A0: une ou deux phrases sous le titre (--chapo)',
        'rubrique inconnue «\u00A0sport\u00A0» (connues\u00A0: economie, sciences)',
        'auteur inconnu «\u00A0jean-dupont\u00A0» (connus\u00A0: claire-dumas, lea-morvan)',
      ],
    });
    expect(planArticle({ ...answers, section: '', authors: [] }, newsroom, winterMorning)).toEqual({
      ok: false,
      problems: [
        'la rubrique manque (--rubrique, parmi\u00A0: economie, sciences)',
        'il faut au moins un auteur (--auteur) ou une agence (--agence, par exemple AFP)',
      ],
    });
  });

  test('refuses a title without a letter and an address that is not one', () => {
    expect(planArticle({ ...answers, title: '?!' }, newsroom, winterMorning)).toMatchObject({
      problems: ['le titre «\u00A0?!\u00A0» ne donne aucune adresse\u00A0: choisissez-en une avec --slug'],
    });
    expect(planArticle({ ...answers, slug: 'Prix Du Pain' }, newsroom, winterMorning)).toMatchObject({
      problems: [
        "l'adresse «\u00A0Prix Du Pain\u00A0» ne convient pas\u00A0: lettres minuscules sans accents, chiffres et tirets, par exemple velo-trajets (--slug)",
      ],
    });
  });
});

describe('answers to the questions', () => {
  test('name a section or an author by file name, by name without accents, or by number', () => {
    expect(resolveChoice('economie', newsroom.sections)).toBe('economie');
    expect(resolveChoice('Économie', newsroom.sections)).toBe('economie');
    expect(resolveChoice('sciences & tech', newsroom.sections)).toBe('sciences');
    expect(resolveChoice('2', newsroom.sections)).toBe('sciences');
    expect(resolveChoice('lea morvan', newsroom.authors)).toBe('lea-morvan');
    expect(resolveChoice('3', newsroom.sections)).toBeUndefined();
    expect(resolveChoice('sport', newsroom.sections)).toBeUndefined();
  });

  test('take a tag as the archive spells it, keep a new one as typed, and drop duplicates', () => {
    expect(canonicalTags(['energie', ' Vie privée ', 'ÉNERGIE', 'Boulangerie', ''], ['énergie', 'vie privée'])).toEqual(
      ['énergie', 'vie privée', 'Boulangerie'],
    );
  });
});
