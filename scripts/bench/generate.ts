/**
 * Writes a newsroom-sized corpus in Kiosque's own content format, for the benchmark. The same
 * seed and sizes give the same bytes. Usage:
 *   node scripts/bench/generate.ts --out .bench/corpus --articles 1000 --comments 5 [--seed 1]
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { wholeNumber } from './flags.ts';

/** mulberry32: a tiny, well-known seeded generator; Math.random would change every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = ['economie', 'international', 'politique', 'societe', 'sciences', 'culture', 'sport', 'idees'];
const WORDS = (
  'le la les un une des du de et à au aux en dans pour sur par avec sans sous entre vers chez contre ' +
  'gouvernement ministre marché entreprise salariés réforme budget croissance inflation élection région ville ' +
  'commune habitants chercheurs étude données rapport enquête projet loi texte débat assemblée sénat justice ' +
  'tribunal décision accord négociation syndicats emploi logement énergie climat eau santé hôpital école ' +
  'université étudiants culture musée festival cinéma livre auteur artiste public saison équipe match victoire ' +
  'défaite championnat entraîneur joueurs supporters semaine année mois jour hier demain prochain dernier ' +
  'nouveau important grand petit premier principal national local européen mondial économique social politique ' +
  'annonce affirme estime rappelle souligne précise reconnaît dénonce propose prévoit observe constate'
).split(' ');
const PSEUDONYMS = [
  'Feuillant',
  'Tarco14',
  'Ondine',
  'PicVert',
  'Lucide',
  'Albatros',
  'Morgane_B',
  'Citoyen75',
  'Rive_Gauche',
  'Sylvestre',
];

function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '.bench/corpus' },
      articles: { type: 'string', default: '1000' },
      comments: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
    },
  });
  const n = wholeNumber('articles', values.articles, 1);
  const c = wholeNumber('comments', values.comments, 0);
  const next = random(wholeNumber('seed', values.seed, 0));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = (count: number) => {
    const text = words(count);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (count: number) => {
    const sentences: string[] = [];
    for (let left = count; left > 0;) {
      const size = Math.min(left, int(12, 24));
      sentences.push(sentence(size));
      left -= size;
    }
    return sentences.join(' ');
  };

  const out = values.out;
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['articles', 'sections', 'authors', 'comments']) mkdirSync(join(out, dir), { recursive: true });
  cpSync(new URL('../../content/pages', import.meta.url), join(out, 'pages'), { recursive: true });

  SECTIONS.forEach((id, index) => {
    const name = id.charAt(0).toUpperCase() + id.slice(1);
    writeFileSync(
      join(out, 'sections', `${id}.yaml`),
      `name: ${name}\ndescription: Toute l'actualité de la rubrique ${name}.\norder: ${index + 1}\nnewsletter:\n  title: La newsletter ${name}\n  cadence: Tous les jours à 7 h\n  pitch: L'essentiel de la rubrique ${name}, chaque matin.\n`,
    );
  });
  for (let i = 1; i <= 20; i++)
    writeFileSync(join(out, 'authors', `auteur-${i}.yaml`), `name: Auteur ${i}\nrole: Journaliste\n`);

  const slug = (i: number) => `article-${String(i).padStart(6, '0')}`;
  const start = Date.UTC(2026, 0, 1);
  const dateOf = (i: number) => new Date(start + i * 37 * 60_000);
  for (let i = 1; i <= n; i++) {
    // Offsets in 1..n-1 never point back to the article itself; the second skips the first.
    const at = (offset: number) => slug(((i - 1 + offset) % n) + 1);
    const other = () => at(int(1, n - 1));
    const firstOffset = int(1, n - 1);
    const secondOffset = int(1, n - 2);
    const related = n < 3 ? [] : [at(firstOffset), at(secondOffset >= firstOffset ? secondOffset + 1 : secondOffset)];
    const credit = next() < 0.3 ? 'source: AFP' : `authors: [auteur-${int(1, 20)}]`;
    const title = sentence(int(7, 12)).slice(0, -1);
    const body: string[] = [];
    const target = int(650, 900);
    let written = 0;
    const intertitles = int(1, 2);
    for (let p = 0; written < target; p++) {
      const size = Math.min(target - written, int(60, 120));
      let text = paragraph(size);
      if (p === 1) text += ` « ${sentence(int(8, 14))} », ${pick(['affirme', 'souligne', 'estime'])} un responsable.`;
      if (p === 2)
        text += ` Voir [le rapport](https://www.exemple.fr/rapport-${i}) publié ${pick(['hier', 'cette semaine'])}.`;
      body.push(text);
      if (p === 3) body.push(`> ${sentence(int(12, 20))}`);
      if (p === 2 && i % 3 === 0) body.push(`::lire-aussi{article="${other()}"}`);
      if ((p === 2 && intertitles >= 1) || (p === 5 && intertitles === 2))
        body.push(`## ${sentence(int(3, 6)).slice(0, -1)}`);
      written += size;
    }
    writeFileSync(
      join(out, 'articles', `${slug(i)}.md`),
      `---\ntitle: "${title}"\nstandfirst: "${sentence(int(18, 30))}"\nsection: ${SECTIONS[i % SECTIONS.length]}\n${credit}\npublishedAt: ${dateOf(i).toISOString()}\ntags: [${pick(WORDS)}, ${pick(WORDS)}]\nrelated: [${related.join(', ')}]\n---\n\n${body.join('\n\n')}\n`,
    );

    if (c === 0) continue;
    mkdirSync(join(out, 'comments', slug(i)));
    for (let k = 1; k <= c; k++) {
      const id = `c${String(k).padStart(2, '0')}`;
      const reply = k > 1 && next() < 0.2 ? `replyTo: c${String(int(1, k - 1)).padStart(2, '0')}\n` : '';
      const at = new Date(dateOf(i).getTime() + k * 11 * 60_000);
      writeFileSync(
        join(out, 'comments', slug(i), `${id}.md`),
        `---\narticle: ${slug(i)}\npseudonym: ${pick(PSEUDONYMS)}\npublishedAt: ${at.toISOString()}\nstatus: published\n${reply}---\n\n${paragraph(int(30, 150))}\n`,
      );
    }
  }
  writeFileSync(
    join(out, 'picks.yaml'),
    [1, 2, 3, 4].map((k) => `- id: pick-${k}\n  article: ${slug(Math.min(k, n))}\n`).join(''),
  );
  writeFileSync(join(out, 'une.yaml'), `une:\n  articles: [${slug(1)}]\n`);
  console.log(`Wrote ${n} articles and ${n * c} comments to ${out}`);
}

main();
