/**
 * `npm run bench:cards`: what a social card costs. Draws the cards of a benchmark corpus's
 * first articles without a picture into an empty store, in this one process, and reports CPU
 * time (`process.cpuUsage`, every thread of the process), wall time and bytes per card. See
 * docs/performance.md, "Social cards".
 *
 *   npm run bench:cards                                    200 cards of .bench/corpus-5000-5
 *   npm run bench:cards -- --corpus DIR --count 50         another corpus, another count
 *   npm run bench:cards -- --concurrency 4                 four at a time
 *   npm run bench:cards -- --keep DIR                      keep the cards in DIR/kiosque-cards, to
 *                                                          look at them (a card already there is
 *                                                          read, not drawn)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { wholeNumber } from './flags.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '.bench/corpus-5000-5' },
    count: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '1' },
    keep: { type: 'string' },
  },
});
const count = wholeNumber('count', values.count, 1);
const concurrency = wholeNumber('concurrency', values.concurrency, 1);

// The store is found from the environment when a card is drawn: set it before the first.
const store = values.keep === undefined ? mkdtempSync(join(tmpdir(), 'kiosque-cards-')) : resolve(values.keep);
process.env['KIOSQUE_CACHE_DIR'] = store;
const { cardText } = await import('../../src/data/social-card.ts');
const { cardOf, renderCard } = await import('../../src/data/social-card-render.ts');
const { siteConfig } = await import('../../src/site.config.ts');

/** A front-matter field written by generate.ts: bare, or a double-quoted YAML (JSON) string. */
function field(source: string, name: string): string | undefined {
  const value = source.match(new RegExp(`^${name}: (.+)$`, 'm'))?.[1];
  return value?.startsWith('"') ? (JSON.parse(value) as string) : value;
}

const sections = new Map<string, string>();
for (const file of readdirSync(join(values.corpus, 'sections'))) {
  const name = field(readFileSync(join(values.corpus, 'sections', file), 'utf8'), 'name');
  sections.set(file.replace(/\.yaml$/, ''), name ?? file);
}
const texts = [];
for (const file of readdirSync(join(values.corpus, 'articles')).sort()) {
  if (texts.length === count) break;
  const source = readFileSync(join(values.corpus, 'articles', file), 'utf8');
  if (/^image:/m.test(source) || /^draft: true$/m.test(source)) continue;
  const section = sections.get(field(source, 'section') ?? '') ?? '';
  const article = { title: field(source, 'title') ?? '', kicker: field(source, 'kicker'), section: { name: section } };
  texts.push(cardText(article, siteConfig.name));
}

if (texts.length === 0) {
  console.error(`${values.corpus}: no article without a picture (run \`npm run bench\` to make the corpus)`);
  process.exit(2);
}
// The fonts are read and the renderer started once per process: by a card outside the measure.
await renderCard(cardOf({ section: 'Échauffement', title: 'Échauffement', site: siteConfig.name }));
const cards = texts.map((text) => cardOf(text));
const cpu = process.cpuUsage();
const started = performance.now();
let bytes = 0;
let next = 0;
const drawer = async () => {
  for (let card = cards[next++]; card; card = cards[next++]) {
    const png = await renderCard(card);
    bytes += png.length;
  }
};
await Promise.all(Array.from({ length: concurrency }, drawer));
const wall = performance.now() - started;
const { user, system } = process.cpuUsage(cpu);

const perCard = (total: number) => (total / cards.length).toFixed(1);
console.log(
  `${cards.length} cards, ${concurrency} at a time: ${perCard((user + system) / 1000)} ms of CPU a card ` +
    `(user ${perCard(user / 1000)}, system ${perCard(system / 1000)}), ${perCard(wall)} ms of wall time, ` +
    `${(bytes / cards.length / 1024).toFixed(1)} KB`,
);
if (values.keep === undefined) rmSync(store, { recursive: true });
else console.log(`kept in ${join(store, 'kiosque-cards')}`);
