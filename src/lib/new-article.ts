import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isSeq, parse } from 'yaml';
import { frontmatterParis } from './dates.ts';
import { isSlug } from './slugs.ts';
import { toSlug } from './taxonomy.ts';
import { french } from './typography.ts';

/** A section or an author as `npm run new` offers it: its file name and the name readers see. */
export interface Choice {
  id: string;
  name: string;
}

/** What the content folder holds that a new article must agree with. */
export interface Newsroom {
  sections: Choice[];
  authors: Choice[];
  /** Slugs of the articles already there. */
  articles: ReadonlySet<string>;
}

/** What the editor answered, or passed as flags. */
export interface NewArticleAnswers {
  title: string;
  standfirst: string;
  section: string;
  authors: readonly string[];
  source?: string | undefined;
  tags: readonly string[];
  /** The address chosen by hand; made from the title when absent. */
  slug?: string | undefined;
}

type NewArticlePlan =
  { ok: true; slug: string; file: string; text: string; url: string } | { ok: false; problems: string[] };

/** The local address `astro dev` serves, for the message that ends `npm run new`. */
const DEV_ORIGIN = 'http://localhost:4321';

/**
 * Addresses stay readable in a link and a tweet: a longer title is cut at the last whole word
 * within this many characters.
 */
const SLUG_MAX_LENGTH = 80;

/** The address a title gives: accents and punctuation folded (`toSlug`), cut at a whole word. */
export function slugFromTitle(title: string): string {
  const slug = toSlug(title);
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-')) || slug.slice(0, SLUG_MAX_LENGTH);
}

/**
 * The choice an answer names: its file name, its name as readers see it (accents and case
 * aside: « economie », « Économie »), or its number in the list as it was offered (from 1).
 */
export function resolveChoice(answer: string, choices: readonly Choice[]): string | undefined {
  const wanted = answer.trim();
  if (/^\d+$/.test(wanted)) return choices[Number(wanted) - 1]?.id;
  const slug = toSlug(wanted);
  return choices.find((choice) => choice.id === wanted || toSlug(choice.name) === slug)?.id;
}

/** `a, b, c` for a message, cut with `…` past `max`. */
function listed(ids: readonly string[], max = 12): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')}, …` : ids.join(', ');
}

/**
 * Tags as the archive already writes them: « energie » becomes « énergie » when an article has
 * it so, because the site takes names that differ only by accents or case for one tag, and the
 * archive's spelling is the one readers see. A new tag is kept as typed; duplicates go.
 */
export function canonicalTags(tags: readonly string[], existing: readonly string[]): string[] {
  const known = new Map(existing.map((tag) => [toSlug(tag), tag]));
  const result = new Map<string, string>();
  for (const tag of tags.map((value) => value.trim()).filter((value) => value !== '')) {
    const slug = toSlug(tag);
    if (slug !== '' && !result.has(slug)) result.set(slug, known.get(slug) ?? tag);
  }
  return [...result.values()];
}

/**
 * Checks the answers against the content and, when all is well, writes the new article's
 * text: the frontmatter through a YAML library (a title with « : » or a quote stays one
 * string), `draft: true`, and `publishedAt` now, Paris time with its offset. Every problem is
 * listed at once, in French, with the flag that answers it.
 */
export function planArticle(answers: NewArticleAnswers, newsroom: Newsroom, now: Date): NewArticlePlan {
  const problems: string[] = [];
  const title = answers.title.trim();
  const standfirst = answers.standfirst.trim();
  const source = answers.source?.trim() || undefined;
  if (title === '') problems.push(french`le titre manque (--titre)`);
  if (standfirst === '') problems.push(french`le chapô manque : une ou deux phrases sous le titre (--chapo)`);

  const slug = answers.slug?.trim() || slugFromTitle(title);
  if (answers.slug?.trim() && !isSlug(slug)) {
    problems.push(
      french`l'adresse « ${slug} » ne convient pas : lettres minuscules sans accents, chiffres et tirets, par exemple velo-trajets (--slug)`,
    );
  } else if (title !== '' && slug === '') {
    problems.push(french`le titre « ${title} » ne donne aucune adresse : choisissez-en une avec --slug`);
  } else if (newsroom.articles.has(slug)) {
    problems.push(
      french`content/articles/${slug}.md existe déjà : choisissez un autre titre, ou une autre adresse avec --slug`,
    );
  }

  const sectionIds = newsroom.sections.map((section) => section.id);
  const section = answers.section.trim();
  if (section === '') problems.push(french`la rubrique manque (--rubrique, parmi : ${listed(sectionIds)})`);
  else if (!sectionIds.includes(section))
    problems.push(french`rubrique inconnue « ${section} » (connues : ${listed(sectionIds)})`);

  const authorIds = newsroom.authors.map((author) => author.id);
  const authors = [...new Set(answers.authors.map((author) => author.trim()).filter((author) => author !== ''))];
  for (const author of authors.filter((id) => !authorIds.includes(id)))
    problems.push(french`auteur inconnu « ${author} » (connus : ${listed(authorIds)})`);
  if (authors.length === 0 && source === undefined)
    problems.push(french`il faut au moins un auteur (--auteur) ou une agence (--agence, par exemple AFP)`);

  if (problems.length > 0) return { ok: false, problems };

  const frontmatter = {
    title,
    standfirst,
    section,
    ...(authors.length > 0 ? { authors } : {}),
    ...(source === undefined ? {} : { source }),
    publishedAt: frontmatterParis(now),
    tags: [...answers.tags],
    draft: true,
  };
  const document = new Document(frontmatter);
  // Lists on one line, `tags: [énergie, climat]`, as the guide and the archive write them.
  for (const key of ['authors', 'tags']) {
    const list = document.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  const yaml = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return {
    ok: true,
    slug,
    file: `articles/${slug}.md`,
    text: `---\n${yaml}---\n\n`,
    url: `${DEV_ORIGIN}/${section}/${slug}/`,
  };
}

/** The `name` of each YAML file in a folder, by file name; a file without one shows its file name. */
function choicesIn(dir: string): Choice[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const id = file.slice(0, -'.yaml'.length);
      let name: unknown;
      try {
        name = (parse(readFileSync(join(dir, file), 'utf8')) as { name?: unknown } | null)?.name;
      } catch {
        // A broken file is the build's to report, with its line; here its file name will do.
      }
      return { id, name: typeof name === 'string' ? name : id };
    });
}

/** The sections, authors and article slugs under a content root (`KIOSQUE_CONTENT_DIR`). */
export function readNewsroom(root: string): Newsroom {
  const articlesDir = join(root, 'articles');
  const articles = existsSync(articlesDir) ? readdirSync(articlesDir).filter((file) => file.endsWith('.md')) : [];
  return {
    sections: choicesIn(join(root, 'sections')),
    authors: choicesIn(join(root, 'authors')),
    articles: new Set(articles.map((file) => file.slice(0, -'.md'.length))),
  };
}

/**
 * The archive's tags, most used first (ties in alphabetical order), each spelt as the first
 * file that has it spells it. Reads only each article's frontmatter; a broken one is skipped
 * here, as the build reports it with its line.
 */
export function readTags(root: string): string[] {
  const dir = join(root, 'articles');
  if (!existsSync(dir)) return [];
  const counts = new Map<string, { name: string; count: number }>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    let tags: unknown;
    try {
      tags = block === undefined ? undefined : (parse(block) as { tags?: unknown } | null)?.tags;
    } catch {
      continue;
    }
    if (!Array.isArray(tags)) continue;
    for (const tag of tags) {
      if (typeof tag !== 'string' || toSlug(tag) === '') continue;
      const entry = counts.get(toSlug(tag)) ?? { name: tag, count: 0 };
      entry.count += 1;
      counts.set(toSlug(tag), entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr'))
    .map((entry) => entry.name);
}
