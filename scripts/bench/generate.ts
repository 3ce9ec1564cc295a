/**
 * Writes a corpus that looks like a newsroom's, in Kiosque's own content format, for the
 * benchmark. The same seed and sizes give the same bytes. Usage:
 *   node scripts/bench/generate.ts --out .bench/corpus --articles 1000 --comments 5 [--seed 1]
 * Build a corpus from inside the project (`.bench/` is ignored by git): Astro does not resolve
 * the pictures of a content folder outside it.
 *
 * What it holds, and why (docs/performance.md):
 * - N articles in 8 sections of unequal size, 650–900 words with 1–3 intertitles, a quote, a
 *   link and a blockquote, 2 `related` stories each and a `::lire-aussi` in a third of them; the
 *   words follow Zipf's law over a vocabulary that grows with the corpus (Heaps' law), so that
 *   the search index has as many distinct words to hold as a newsroom's;
 * - about N/12 authors (at least 20) with roles and bios, some with a portrait, and a few
 *   productive ones signing many stories; a quarter of the stories are agency wires (AFP,
 *   Reuters) with no author;
 * - about 280 real tags drawn on a Zipf law: a few on many stories, most on a handful;
 * - a picture on about a third of the articles (seven real JPEGs, copied once), kickers,
 *   updates, a few articles with comments closed, and about 1 % of drafts;
 * - comments per article on a heavy tail (most articles 0–5, a few several hundred), exactly
 *   N × C in all, about a sixth of them replies.
 */
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FileWriter } from './file-writer.ts';
import { wholeNumber } from './flags.ts';
import {
  AGENCIES,
  BEATS,
  COMMON_WORDS,
  CREDITS,
  FIRST_NAMES,
  KICKERS,
  LAST_NAMES,
  PICTURES,
  PORTRAITS,
  PSEUDONYMS,
  ROLES,
  SECTIONS,
  SYLLABLES,
  TAGS,
} from './lexicon.ts';

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

type Random = () => number;

/**
 * Vose's alias method: returns a draw of index i with probability weights[i] / Σ weights, in
 * constant time from one uniform number (a text of 40 million words draws as many).
 */
function weighted(weights: readonly number[]): (next: Random) => number {
  const n = weights.length;
  const total = weights.reduce((sum, w) => sum + w, 0);
  const scaled = weights.map((w) => (w * n) / total);
  const chance = new Float64Array(n).fill(1);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    chance[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  return (next) => {
    const u = next() * n;
    const i = Math.floor(u);
    return u - i < (chance[i] as number) ? i : (alias[i] as number);
  };
}

/** Weights of Zipf's law over `size` ranks: the r-th is drawn 1/r^exponent as often as the first. */
const zipf = (size: number, exponent: number) => Array.from({ length: size }, (_, r) => 1 / (r + 1) ** exponent);

function shuffle<T>(list: T[], next: Random): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

const capitalize = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The words of the corpus, most frequent first: common French words, then made-up ones (names,
 * places, terms) up to `size`, about as many distinct words as a newsroom's texts of that
 * length hold (Heaps' law, 44 · tokens^0.49).
 */
function vocabulary(tokens: number, next: Random): string[] {
  const size = Math.max(COMMON_WORDS.length, Math.round(44 * tokens ** 0.49));
  const words = new Set(COMMON_WORDS);
  while (words.size < size) {
    const syllables = next() < 0.3 ? 2 : next() < 0.7 ? 3 : 4;
    let word = '';
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(next() < 0.25 ? capitalize(word) : word);
  }
  return [...words];
}

/**
 * Comments per article: a heavy tail (Lomax, shape 1.5: about a quarter of articles have none,
 * most 0–5, a few several hundred), capped at 100 × C, then scaled so that the published
 * articles hold exactly N × C comments. Drafts have none.
 */
function commentCounts(n: number, c: number, drafts: ReadonlySet<number>, next: Random): number[] {
  const raw = Array.from({ length: n + 1 }, (_, i) =>
    i === 0 || drafts.has(i) ? 0 : Math.min(200, (1 - next()) ** (-1 / 1.5) - 1),
  );
  const total = n * c;
  const sum = raw.reduce((s, x) => s + x, 0);
  if (sum === 0) return raw;
  const exact = raw.map((x) => (x * total) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, x) => s + x, 0);
  // Largest remainders first; the index breaks ties, so that the result never depends on the sort.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] as number) + 1;
  }
  return counts;
}

const pad = (i: number, width: number) => String(i).padStart(width, '0');
const slug = (i: number) => `article-${pad(i, 6)}`;
const toId = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9]+/g, '-');

async function main() {
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
  const seed = wholeNumber('seed', values.seed, 0);
  // Articles and comments draw from two streams, so that C changes no article.
  const next = random(seed);
  const talk = random(seed ^ 0x27d4eb2d);
  const pick = <T>(list: readonly T[], from: Random = next): T => list[Math.floor(from() * list.length)] as T;
  const int = (min: number, max: number, from: Random = next) => min + Math.floor(from() * (max - min + 1));

  const lexicon = vocabulary(n * 775, next);
  const drawWord = weighted(zipf(lexicon.length, 1));
  // Each sentence opens on a capitalised word taken whole, not by capitalising the sentence
  // built, which would copy it: 60 million words at N=50,000.
  const capitals = lexicon.map(capitalize);
  const sentence = (count: number, from: Random = next) => {
    let text = capitals[drawWord(from)] as string;
    for (let w = 1; w < count; w++) text += ` ${lexicon[drawWord(from)]}`;
    return `${text}.`;
  };
  const paragraph = (count: number, from: Random = next) => {
    let text = '';
    for (let left = count; left > 0;) {
      const size = Math.min(left, int(8, 26, from));
      text += text === '' ? sentence(size, from) : ` ${sentence(size, from)}`;
      left -= size;
    }
    return text;
  };

  const out = values.out;
  rmSync(out, { recursive: true, force: true });
  for (const dir of ['articles/images', 'sections', 'authors/images', 'comments']) {
    mkdirSync(join(out, dir), { recursive: true });
  }
  const files = new FileWriter();
  const sample = new URL('../../content/', import.meta.url);
  cpSync(new URL('pages', sample), join(out, 'pages'), { recursive: true });
  for (const { file } of PICTURES)
    copyFileSync(new URL(`articles/images/${file}`, sample), join(out, 'articles/images', file));
  for (const file of PORTRAITS)
    copyFileSync(new URL(`authors/images/${file}`, sample), join(out, 'authors/images', file));

  SECTIONS.forEach(({ id, name }, index) => {
    files.write(
      join(out, 'sections', `${id}.yaml`),
      `name: ${name}\ndescription: Toute l'actualité de la rubrique ${name}.\norder: ${index + 1}\nnewsletter:\n  title: La newsletter ${name}\n  cadence: Tous les jours à 7 h\n  pitch: L'essentiel de la rubrique ${name}, chaque matin.\n`,
    );
  });
  const drawSection = weighted(SECTIONS.map((section) => section.share));

  // Authors: unique names, each with a home section; a Zipf law makes a few of them prolific.
  const authorCount = Math.max(20, Math.round(n / 12));
  const pairs = shuffle(
    FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => [first, last] as const)),
    next,
  );
  const bySection: string[][] = SECTIONS.map(() => []);
  for (let a = 0; a < authorCount; a++) {
    const [first, last] = pairs[a % pairs.length] as readonly [string, string];
    const round = Math.floor(a / pairs.length);
    const name = `${first} ${last}`;
    const id = round === 0 ? toId(name) : `${toId(name)}-${round + 1}`;
    const home = a < SECTIONS.length ? a : drawSection(next);
    const section = SECTIONS[home] as (typeof SECTIONS)[number];
    const role = pick(ROLES);
    const bio =
      `${name} suit ${pick(BEATS)} pour la rubrique ${section.name}. Avant de rejoindre Kiosque en ${int(2002, 2025)}, ` +
      `${first} a travaillé ${pick(['dans une agence de presse', 'pour un quotidien régional', 'à la radio', 'pour un hebdomadaire', 'à la télévision'])}.`;
    const photo = next() < 0.15 ? `photo: ./images/${pick(PORTRAITS)}\n` : '';
    files.write(
      join(out, 'authors', `${id}.yaml`),
      `name: ${name}\nrole: ${role.endsWith('service') ? `${role} ${section.name}` : role}\nbio: "${bio}"\n${photo}`,
    );
    bySection[home]?.push(id);
  }
  const drawAuthor = bySection.map((ids) => weighted(zipf(Math.max(1, ids.length), 0.8)));

  // Drafts first: nothing published may point to one.
  const drafts = new Set<number>();
  const draftCount = n < 2 ? 0 : Math.ceil(n / 100);
  while (drafts.size < draftCount) drafts.add(int(2, n));
  const published = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !drafts.has(i));
  const counts = commentCounts(n, c, drafts, talk);
  const drawTag = weighted(zipf(TAGS.length, 1));

  const start = Date.UTC(2026, 0, 1);
  const dateOf = (i: number) => new Date(start + i * 37 * 60_000);
  const usedTags = new Set<string>();
  const stats = { drafts: draftCount, wires: 0, pictures: 0, comments: 0, replies: 0, most: 0 };
  for (let i = 1; i <= n; i++) {
    const others = (count: number) => {
      const chosen = new Set<number>();
      if (published.length - (drafts.has(i) ? 0 : 1) < count) return [];
      while (chosen.size < count) {
        const other = pick(published);
        if (other !== i) chosen.add(other);
      }
      return [...chosen].map(slug);
    };
    const sectionIndex = drawSection(next);
    const section = SECTIONS[sectionIndex] as (typeof SECTIONS)[number];
    const lines = [`title: "${sentence(int(7, 12)).slice(0, -1)}"`];
    if (next() < 0.12) lines.push(`kicker: ${pick(KICKERS)}`);
    lines.push(`standfirst: "${sentence(int(18, 30))}"`, `section: ${section.id}`);
    if (next() < 0.25) {
      stats.wires++;
      lines.push(`source: ${pick(AGENCIES)}`);
    } else {
      const ids = bySection[sectionIndex] as string[];
      const draw = drawAuthor[sectionIndex] as (from: Random) => number;
      const byline = new Set([ids[draw(next)]]);
      if (next() < 0.15) byline.add(ids[draw(next)]);
      lines.push(`authors: [${[...byline].join(', ')}]`);
    }
    lines.push(`publishedAt: ${dateOf(i).toISOString()}`);
    if (next() < 0.08) lines.push(`updatedAt: ${new Date(dateOf(i).getTime() + int(1, 48) * 3_600_000).toISOString()}`);
    const tags = new Set<string>();
    for (let t = int(2, 4); tags.size < t;) tags.add(TAGS[drawTag(next)] as string);
    for (const tag of tags) usedTags.add(tag);
    lines.push(`tags: [${[...tags].join(', ')}]`, `related: [${others(2).join(', ')}]`);
    if (next() < 0.03) lines.push('comments: closed');
    if (next() < 1 / 3) {
      stats.pictures++;
      const picture = pick(PICTURES);
      lines.push('image:', `  src: ./images/${picture.file}`, `  alt: "${picture.alt}"`, `  credit: ${pick(CREDITS)}`);
      if (next() < 0.3) lines.push(`  caption: "${sentence(int(8, 16))}"`);
    }
    if (drafts.has(i)) lines.push('draft: true');

    const body: string[] = [];
    const target = int(650, 900);
    const intertitles = int(1, 3);
    let written = 0;
    for (let p = 0; written < target; p++) {
      const size = Math.min(target - written, int(60, 120));
      let text = paragraph(size);
      if (p === 1) text += ` « ${sentence(int(8, 14))} », ${pick(['affirme', 'souligne', 'estime'])} un responsable.`;
      if (p === 2)
        text += ` Voir [le rapport](https://www.exemple.fr/rapport-${i}) publié ${pick(['hier', 'cette semaine'])}.`;
      body.push(text);
      if (p === 3) body.push(`> ${sentence(int(12, 20))}`);
      if (p === 2 && i % 3 === 0) body.push(...others(1).map((other) => `::lire-aussi{article="${other}"}`));
      if ((p === 2 && intertitles >= 1) || (p === 4 && intertitles >= 2) || (p === 6 && intertitles === 3))
        body.push(`## ${sentence(int(3, 7)).slice(0, -1)}`);
      written += size;
    }
    files.write(join(out, 'articles', `${slug(i)}.md`), `---\n${lines.join('\n')}\n---\n\n${body.join('\n\n')}\n`);

    const count = counts[i] as number;
    await files.drain();
    if (count === 0) continue;
    stats.comments += count;
    stats.most = Math.max(stats.most, count);
    const folder = join(out, 'comments', slug(i));
    files.mkdir(folder);
    const width = Math.max(2, String(count).length);
    let at = dateOf(i).getTime();
    for (let k = 1; k <= count; k++) {
      at += int(1, 40, talk) * 60_000;
      const head = [
        `article: ${slug(i)}`,
        `pseudonym: ${pick(PSEUDONYMS, talk)}`,
        `publishedAt: ${new Date(at).toISOString()}`,
      ];
      head.push('status: published');
      if (k > 1 && talk() < 0.2) {
        stats.replies++;
        head.push(`replyTo: c${pad(int(1, k - 1, talk), width)}`);
      } else if (talk() < 0.02) {
        head.push('featured: true');
      }
      const text =
        talk() < 0.2
          ? `${paragraph(int(20, 70, talk), talk)}\n\n${paragraph(int(20, 80, talk), talk)}`
          : paragraph(int(30, 150, talk), talk);
      files.write(join(folder, `c${pad(k, width)}.md`), `---\n${head.join('\n')}\n---\n\n${text}\n`);
    }
  }

  // « À la une » and « À ne pas manquer »: the first published articles.
  const front = published.slice(0, 4).map(slug);
  files.write(
    join(out, 'picks.yaml'),
    front.map((article, k) => `- id: pick-${k + 1}\n  article: ${article}\n`).join(''),
  );
  files.write(join(out, 'une.yaml'), `une:\n  articles: [${front.join(', ')}]\n`);
  await files.close();
  console.log(
    `Wrote ${n} articles (${stats.drafts} drafts, ${stats.wires} wires, ${stats.pictures} with a picture), ` +
      `${stats.comments} comments (${stats.replies} replies, at most ${stats.most} on one article), ` +
      `${authorCount} authors, ${usedTags.size} tags and ${lexicon.length} distinct words to ${out}`,
  );
}

await main();
