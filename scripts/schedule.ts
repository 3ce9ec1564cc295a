/**
 * `npm run schedule`: says whether the next build changes what is published (a scheduled story
 * fell due since the last build) and when the next scheduled story falls due. A CI schedule
 * runs it to build only when needed (docs/deployment.md, « Scheduled publication »).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { contentRoot } from '../src/content/root.ts';
import { lastBuildClock } from '../src/integrations/publication-record.ts';
import { formatDateTime, frontmatterDate, isoParis } from '../src/lib/dates.ts';
import { parseSince, publicationPlan, type PlannedStory } from '../src/lib/schedule.ts';
import { siteClock } from '../src/lib/site-clock.ts';

const USAGE = `Usage : npm run schedule -- [--depuis <date ou durée>] [--format texte|github]

  --depuis   l'heure de la dernière publication du site : une date ISO (2026-12-07T06:45:00+01:00)
             ou une durée écoulée (15min, 2h, 1j). Par défaut, l'heure de la dernière
             construction faite sur cette machine (npm run build), si elle est connue.
  --format   texte (par défaut) ou github : des lignes publier=true|false et prochaine=<date>
             à ajouter à $GITHUB_OUTPUT.
L'horloge est KIOSQUE_NOW quand elle est définie, sinon l'heure actuelle.`;

function main(): number {
  const { values } = parseArgs({
    options: { depuis: { type: 'string' }, format: { type: 'string', default: 'texte' }, aide: { type: 'boolean' } },
  });
  if (values.aide) {
    console.log(USAGE);
    return 0;
  }
  if (values.format !== 'texte' && values.format !== 'github') {
    console.error(`--format : « texte » ou « github », pas « ${values.format} ».\n\n${USAGE}`);
    return 1;
  }
  const now = siteClock();
  const since = values.depuis === undefined ? lastBuildClock() : parseSince(values.depuis, now);
  if (values.depuis !== undefined && since === undefined) {
    console.error(`--depuis : une date ISO ou une durée comme 15min, 2h, 1j, pas « ${values.depuis} ».`);
    return 1;
  }
  const { stories, problems } = readStories(join(contentRoot, 'articles'));
  for (const problem of problems) console.error(problem);
  const plan = publicationPlan(stories, now, since);
  const next = plan.upcoming[0];

  if (values.format === 'github') {
    // With the story files unreadable, say "build": the build names what is wrong.
    console.log(`publier=${since === undefined || plan.due.length > 0 || problems.length > 0}`);
    console.log(`prochaine=${next ? isoParis(next.publishedAt) : ''}`);
    return problems.length > 0 ? 1 : 0;
  }
  console.log(`Horloge : ${formatDateTime(now)}.`);
  if (since === undefined) {
    console.log('Dernière publication inconnue : donnez son heure avec --depuis pour savoir ce qui est à publier.');
  } else if (plan.due.length === 0) {
    console.log(`Rien de nouveau à publier depuis le ${formatDateTime(since)}.`);
  } else {
    const count = plan.due.length === 1 ? '1 article programmé' : `${plan.due.length} articles programmés`;
    console.log(`La prochaine publication change le site : ${count} depuis le ${formatDateTime(since)}.`);
    for (const story of plan.due)
      console.log(`  • « ${story.title} » (${story.file}), le ${formatDateTime(story.publishedAt)}`);
  }
  console.log(
    next
      ? `Prochain article programmé : « ${next.title} » (${next.file}), le ${formatDateTime(next.publishedAt)}.`
      : 'Aucun article programmé.',
  );
  return problems.length > 0 ? 1 : 0;
}

/** Every story's title, date and draft flag, read from the frontmatter alone. */
function readStories(folder: string): { stories: PlannedStory[]; problems: string[] } {
  const stories: PlannedStory[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(folder).filter((name) => name.endsWith('.md'))) {
    const file = relative('.', join(folder, name));
    let data: Record<string, unknown>;
    try {
      data = parseFrontmatter(readFileSync(join(folder, name), 'utf8')).frontmatter;
    } catch (error) {
      problems.push(`${file}: le frontmatter n'est pas du YAML valide (${String(error)})`);
      continue;
    }
    const publishedAt = frontmatterDate(data['publishedAt']);
    if (publishedAt === undefined) {
      problems.push(`${file}: publishedAt : une date comme 2026-11-28T17:05:00+01:00 est attendue`);
      continue;
    }
    stories.push({ file, title: String(data['title'] ?? name), publishedAt, draft: data['draft'] === true });
  }
  return { stories, problems };
}

process.exitCode = main();
