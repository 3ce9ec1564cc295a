import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bar, decideOn, listPending, type Signed } from '../../scripts/moderation/commands.ts';
import { relativeAge } from '../../src/lib/dates.ts';
import { excerpt } from '../../scripts/moderation/terminal.ts';
import { appendBarred, readBarred } from '../../services/moderation/barred.ts';
import { parseId, readComment } from '../../services/moderation/comments.ts';
import { editFrontmatter } from '../../services/moderation/frontmatter.ts';
import { oneLine } from '../../services/moderation/text.ts';
import { writeAtomically } from '../../services/moderation/write.ts';
import { commentSchema } from '../../src/content/schemas/comment.ts';
import { refusal } from './moderation-refusal.ts';

const CONTENT = new URL('../../content/', import.meta.url);
const NOW = new Date('2026-11-29T13:15:00Z');

/** An entry of a comment's `moderation` list, as the tool writes it, signed by Claire Martin at NOW (Paris). */
function entry(decision: string, reason?: string): string {
  const lines = [`  - decision: ${decision}`, '    by: Claire Martin', '    at: 2026-11-29T14:15:00+01:00'];
  if (reason !== undefined) lines.push(`    reason: ${reason}`);
  return `${lines.join('\n')}\n`;
}

/** A comment's text with these entries in a new `moderation` list, last in its frontmatter. */
function withTrail(text: string, ...entries: string[]): string {
  const close = text.indexOf('\n---\n', 4) + 1;
  return `${text.slice(0, close)}moderation:\n${entries.join('')}${text.slice(close)}`;
}

/** Three pending comments besides the one the content already has (assistants-vocaux…/c07, 28 Nov 21:40). */
const PENDING = {
  newest: {
    id: 'ia-generative-colleges-devoirs/r20261129t101500-a1b2',
    text: [
      '---',
      'article: ia-generative-colleges-devoirs',
      "pseudonym: 'Lectrice du 11e'",
      'publishedAt: 2026-11-29T10:15:00.000Z',
      'status: pending',
      'replyTo: c02',
      '---',
      '',
      'Mes enfants utilisent ces outils tous les soirs,',
      'et je ne sais jamais ce qu’ils ont vraiment compris de la leçon du jour.',
      '',
    ].join('\n'),
  },
  oldest: {
    id: 'exoplanete-vapeur-eau-telescope/r20261127t090000-c3d4',
    text: [
      '---',
      'article: exoplanete-vapeur-eau-telescope',
      'pseudonym: Astrolabe',
      'publishedAt: 2026-11-27T09:00:00.000Z',
      'status: pending',
      '---',
      '',
      'Superbe *découverte*.',
      '',
    ].join('\n'),
  },
  featured: {
    id: 'cop31-financement-climat-impasse/r20261129t120000-e5f6',
    text: [
      '---',
      'article: cop31-financement-climat-impasse',
      'pseudonym: Sirocco',
      'publishedAt: 2026-11-29T12:00:00.000Z',
      'status: published',
      'featured: true',
      '---',
      '',
      'Un texte déjà publié et sélectionné.',
      '',
    ].join('\n'),
  },
};

let root: string;
let context: Signed;
const fileOf = (id: string) => join(root, 'comments', `${id}.md`);
const read = (id: string) => readFileSync(fileOf(id), 'utf8');
const write = (id: string, text: string) => writeFileSync(fileOf(id), text);

/** Every file under the content root with its text, to show that a refused command touched nothing. */
function snapshot(): Map<string, string> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files.map((entry) => [
      join(entry.parentPath, entry.name),
      readFileSync(join(entry.parentPath, entry.name), 'utf8'),
    ]),
  );
}

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'kiosque-moderate-')), 'content');
  cpSync(CONTENT, root, { recursive: true });
  for (const { id, text } of Object.values(PENDING)) write(id, text);
  context = { root, now: NOW, by: 'Claire Martin' };
});

afterEach(() => {
  rmSync(join(root, '..'), { recursive: true, force: true });
});

describe('list', () => {
  test('shows the pending comments oldest first, with article title, pseudonym, age and start of the text', () => {
    const report = listPending(context);
    expect(report.ok).toBe(true);
    const ids = report.stdout
      .split('\n')
      .filter((line) => /^\S+\/\S+ · /.test(line))
      .map((line) => line.split(' · ')[0]);
    expect(ids).toEqual([PENDING.oldest.id, 'assistants-vocaux-ecoutes-prestataires/c07', PENDING.newest.id]);
    expect(report.stdout).toContain(`${PENDING.newest.id} · Lectrice du 11e · il y a 3\u00A0h`);
    expect(report.stdout).toContain(`${PENDING.oldest.id} · Astrolabe · il y a 2 jours`);
    expect(report.stdout).toContain("sur « Au collège, l'IA générative bouscule les devoirs à la maison »");
    // The text on one line, cut at 70 characters.
    expect(report.stdout).toContain('  Mes enfants utilisent ces outils tous les soirs, et je ne sais jamais…');
    expect(report.stdout).not.toContain('Un texte déjà publié');
    expect(report.stdout.endsWith('\n\n3 commentaires en attente.')).toBe(true);
  });

  test('says so when nothing is pending', () => {
    for (const id of [PENDING.oldest.id, PENDING.newest.id, 'assistants-vocaux-ecoutes-prestataires/c07']) {
      decideOn(context, 'approve', id);
    }
    expect(listPending(context)).toEqual({ stdout: 'Aucun commentaire en attente.', stderr: '', ok: true });
  });

  test('lists the readable comments and names a broken file instead of stopping', () => {
    write('cop31-financement-climat-impasse/c09', '---\npseudonym: [unclosed\nstatus: pending\n---\nTexte\n');
    const report = listPending(context);
    expect(report.ok).toBe(false);
    expect(report.stdout).toContain('3 commentaires en attente.');
    expect(report.stderr).toMatch(
      /^illisible : .*cop31-financement-climat-impasse\/c09\.md : l'en-tête .* n'est pas du YAML valide/,
    );
  });
});

describe('approve, reject, feature, unfeature', () => {
  test('approve changes the status line, records who and when last in the frontmatter, and says so', () => {
    const before = read(PENDING.newest.id);
    const report = decideOn(context, 'approve', PENDING.newest.id);
    expect(read(PENDING.newest.id)).toBe(
      withTrail(before.replace('status: pending\n', 'status: published\n'), entry('approve')),
    );
    const [summary, hint] = report.stdout.split('\n');
    expect(summary).toBe(`${PENDING.newest.id} : pending → published`);
    expect(hint).toMatch(
      /^À enregistrer : git add \S+r20261129t101500-a1b2\.md && git commit -m 'Modération : publie /,
    );
  });

  test('reject adds the reason under the status, quoting it when YAML needs it', () => {
    const before = read(PENDING.newest.id);
    const report = decideOn(context, 'reject', PENDING.newest.id, '  Hors sujet :\n  # publicité ');
    expect(read(PENDING.newest.id)).toBe(
      withTrail(
        before.replace('status: pending\n', "status: rejected\nreason: 'Hors sujet : # publicité'\n"),
        entry('reject', "'Hors sujet : # publicité'"),
      ),
    );
    expect(readComment(root, PENDING.newest.id).reason).toBe('Hors sujet : # publicité');
    expect(report.stdout.split('\n')[0]).toBe(
      `${PENDING.newest.id} : pending → rejected (motif : « Hors sujet : # publicité »)`,
    );
  });

  test('approving a rejected comment drops its reason line; the trail keeps both decisions', () => {
    const before = read(PENDING.oldest.id);
    decideOn(context, 'reject', PENDING.oldest.id, 'Propos injurieux');
    expect(read(PENDING.oldest.id)).toBe(
      withTrail(
        before.replace('status: pending\n', 'status: rejected\nreason: Propos injurieux\n'),
        entry('reject', 'Propos injurieux'),
      ),
    );
    const report = decideOn(context, 'approve', PENDING.oldest.id);
    expect(read(PENDING.oldest.id)).toBe(
      withTrail(
        before.replace('status: pending\n', 'status: published\n'),
        entry('reject', 'Propos injurieux'),
        entry('approve'),
      ),
    );
    expect(report.stdout).toContain('rejected → published (motif retiré : « Propos injurieux »)');
  });

  test('rejecting again replaces the reason line only, other lines kept as written', () => {
    const id = 'assistants-vocaux-ecoutes-prestataires/c08';
    const before = read(id).replace('status: rejected', "status: 'rejected' # vu par Claire");
    write(id, before);
    const report = decideOn(context, 'reject', id, 'Insultes');
    expect(read(id)).toBe(
      withTrail(
        before.replace("reason: Propos injurieux envers d'autres lecteurs", 'reason: Insultes'),
        entry('reject', 'Insultes'),
      ),
    );
    expect(report.stdout.split('\n')[0]).toBe(
      `${id} : motif « Propos injurieux envers d'autres lecteurs » → « Insultes »`,
    );
  });

  test('reject without a reason is refused and changes nothing', () => {
    const before = snapshot();
    for (const reason of [undefined, '', '   ']) {
      expect(refusal(() => decideOn(context, 'reject', PENDING.newest.id, reason))).toContain('--reason');
    }
    expect(snapshot()).toEqual(before);
  });

  test('an unknown or malformed id is refused with the id named', () => {
    const before = snapshot();
    expect(refusal(() => decideOn(context, 'approve', 'ia-generative-colleges-devoirs/c99'))).toMatch(
      /^commentaire inconnu « ia-generative-colleges-devoirs\/c99 » : pas de fichier .*comments\/ia-generative-colleges-devoirs\/c99\.md/,
    );
    expect(refusal(() => decideOn(context, 'approve', '../../package'))).toContain(
      'identifiant invalide « ../../package »',
    );
    expect(refusal(() => decideOn(context, 'approve', 'c07'))).toContain('identifiant invalide « c07 »');
    expect(snapshot()).toEqual(before);
  });

  test('a frontmatter it cannot edit line by line is refused, naming the file, and left alone', () => {
    const id = 'cop31-financement-climat-impasse/c09';
    const flow =
      '---\n{ article: cop31-financement-climat-impasse, pseudonym: Zoé, publishedAt: 2026-11-29, status: pending }\n---\nTexte\n';
    write(id, flow);
    expect(refusal(() => decideOn(context, 'approve', id))).toMatch(
      /cop31-financement-climat-impasse\/c09\.md : l'en-tête modifié ne serait plus du YAML valide ; modifiez l'en-tête à la main/,
    );
    expect(read(id)).toBe(flow);
  });

  test('a pasted path works as an id', () => {
    expect(parseId('content/comments/velo/c07.md')).toEqual({ folder: 'velo', name: 'c07' });
    expect(parseId('velo/c07')).toEqual({ folder: 'velo', name: 'c07' });
  });

  test('a comment whose frontmatter is not YAML is refused, naming the file', () => {
    write('cop31-financement-climat-impasse/c09', '---\nstatus: pending\npseudonym: "unclosed\n---\nTexte\n');
    expect(refusal(() => decideOn(context, 'approve', 'cop31-financement-climat-impasse/c09'))).toMatch(
      /cop31-financement-climat-impasse\/c09\.md : l'en-tête \(entre les lignes ---\) n'est pas du YAML valide/,
    );
  });

  test('feature adds featured: true to a published comment; unfeature removes exactly that line', () => {
    const id = 'ia-generative-colleges-devoirs/c02';
    const before = read(id);
    expect(decideOn(context, 'feature', id).stdout.split('\n')[0]).toBe(
      `${id} : ajouté à la « Sélection de la rédaction » (featured: true)`,
    );
    expect(read(id)).toBe(
      withTrail(before.replace('status: published\n', 'status: published\nfeatured: true\n'), entry('feature')),
    );
    expect(decideOn(context, 'unfeature', id).stdout.split('\n')[0]).toBe(
      `${id} : retiré de la « Sélection de la rédaction »`,
    );
    expect(read(id)).toBe(withTrail(before, entry('feature'), entry('unfeature')));
  });

  test('only a published comment can be featured', () => {
    const before = read(PENDING.newest.id);
    expect(refusal(() => decideOn(context, 'feature', PENDING.newest.id))).toContain(
      "n'est pas publié (status: pending)",
    );
    expect(read(PENDING.newest.id)).toBe(before);
  });

  test('rejecting a featured comment takes it out of the selection too', () => {
    const before = read(PENDING.featured.id);
    const report = decideOn(context, 'reject', PENDING.featured.id, 'Hors charte');
    expect(read(PENDING.featured.id)).toBe(
      withTrail(
        before.replace('status: published\nfeatured: true\n', 'status: rejected\nreason: Hors charte\n'),
        entry('reject', 'Hors charte'),
      ),
    );
    expect(report.stdout).toContain('retiré de la « Sélection de la rédaction »');
  });

  test('asking for the state a comment is in writes nothing', () => {
    const before = snapshot();
    expect(decideOn(context, 'approve', 'ia-generative-colleges-devoirs/c02').stdout).toBe(
      'ia-generative-colleges-devoirs/c02 : déjà publié, rien à changer',
    );
    expect(decideOn(context, 'feature', PENDING.featured.id).stdout).toContain('rien à changer');
    expect(decideOn(context, 'unfeature', PENDING.newest.id).stdout).toContain('rien à changer');
    expect(snapshot()).toEqual(before);
  });

  test('warns when a decision changes how a thread shows', () => {
    // The pending reply answers c02; withdrawing c02 leaves its published replies alone.
    decideOn(context, 'approve', PENDING.newest.id);
    const report = decideOn(context, 'reject', 'ia-generative-colleges-devoirs/c02', 'Hors sujet');
    // c02 also has a reply in the sample content; the new one must be among those named.
    expect(report.stdout).toMatch(/réponses? publiées? \([^)]*\br20261129t101500-a1b2\b[^)]*\) s'afficher/);
    const orphan = read(PENDING.newest.id).replace('status: published', 'status: pending');
    write(PENDING.newest.id, orphan);
    expect(decideOn(context, 'approve', PENDING.newest.id).stdout).toContain('il répond à c02 (rejected)');
  });

  test('writes frontmatter the site’s comment schema accepts', () => {
    const valid = (id: string) => commentSchema.safeParse(parseFrontmatter(read(id)).frontmatter).success;
    decideOn(context, 'reject', PENDING.newest.id, "'true' : #1");
    expect(valid(PENDING.newest.id)).toBe(true);
    decideOn(context, 'approve', PENDING.newest.id);
    decideOn(context, 'feature', PENDING.newest.id);
    expect(readComment(root, PENDING.newest.id)).toMatchObject({
      status: 'published',
      featured: true,
      reason: undefined,
    });
    expect(valid(PENDING.newest.id)).toBe(true);
  });

  test('leaves no temporary file behind', () => {
    decideOn(context, 'approve', PENDING.newest.id);
    const folder = join(root, 'comments', 'ia-generative-colleges-devoirs');
    expect(readdirSync(folder).filter((name) => !name.endsWith('.md'))).toEqual([]);
  });
});

describe('frontmatter edits', () => {
  const edit = (source: string, changes: Parameters<typeof editFrontmatter>[2]) =>
    editFrontmatter(source, 'x.md', changes);

  test('keep Windows line endings, comments, quoting and the body byte for byte', () => {
    const source =
      '\uFEFF---\r\narticle: a # the slug\r\npseudonym: "Zoé"\r\nstatus: pending\r\n---\r\n\r\nTexte *un*.\r\n\r\n---\r\n\r\nstatus: pending\r\n';
    expect(
      edit(source, [
        { key: 'status', value: 'rejected' },
        { key: 'reason', value: 'Spam', after: 'status' },
      ]),
    ).toBe(
      source.replace('status: pending\r\n---\r\n\r\nTexte', 'status: rejected\r\nreason: Spam\r\n---\r\n\r\nTexte'),
    );
  });

  test('remove a field written over several lines, and only it', () => {
    const source = '---\nstatus: rejected\nreason: >\n  Propos\n  injurieux\nfeatured: false\n---\nTexte\n';
    expect(
      edit(source, [
        { key: 'status', value: 'published' },
        { key: 'reason', value: undefined },
      ]),
    ).toBe('---\nstatus: published\nfeatured: false\n---\nTexte\n');
  });

  test('quote what YAML would read as something else', () => {
    const source = '---\nstatus: pending\n---\n';
    for (const reason of ['true', '2026-11-20', "l'été : non", '- liste', '"cité"', '42']) {
      const result = edit(source, [{ key: 'reason', value: reason }]);
      expect(result).toMatch(/^---\nstatus: pending\nreason: .+\n---\n$/);
      expect(parseFrontmatter(result).frontmatter).toEqual({ status: 'pending', reason });
    }
    expect(edit(source, [{ key: 'reason', value: 'true' }])).toContain("reason: 'true'");
    expect(edit(source, [{ key: 'reason', value: "l'été" }])).toContain("reason: l'été");
  });

  test('refuse what they cannot change safely, rather than write it wrong', () => {
    expect(() => edit('---\n{ status: pending }\n---\nTexte\n', [{ key: 'status', value: 'published' }])).toThrow(
      "x.md : l'en-tête modifié ne serait plus du YAML valide",
    );
    expect(() => edit('+++\nstatus = "pending"\n+++\n', [{ key: 'status', value: 'published' }])).toThrow(
      "la première ligne n'est pas ---",
    );
  });
});

describe('writing a file', () => {
  test('replaces it in one step, keeping its permissions, and leaves no temporary file', () => {
    const path = fileOf(PENDING.newest.id);
    chmodSync(path, 0o640);
    const before = statSync(path);
    writeAtomically(path, 'nouveau', read(PENDING.newest.id));
    const after = statSync(path);
    // A new file took the old one's place: a reader never sees it half-written.
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    expect(read(PENDING.newest.id)).toBe('nouveau');
    expect(readdirSync(join(path, '..')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  test('refuses when the file changed since it was read, or exists when it should not', () => {
    const path = fileOf(PENDING.newest.id);
    const before = read(PENDING.newest.id);
    expect(refusal(() => writeAtomically(path, 'nouveau', 'ce qui a été lu avant'))).toMatch(/a changé entre-temps/);
    expect(refusal(() => writeAtomically(path, 'nouveau', null))).toMatch(/existe déjà/);
    expect(read(PENDING.newest.id)).toBe(before);
    expect(readdirSync(join(path, '..')).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('bar', () => {
  const barred = () => join(root, 'barred.yaml');

  test('creates the list, then appends to it, keeping what was there byte for byte', () => {
    expect(existsSync(barred())).toBe(false);
    const first = bar(context, 'Troll75', 'insultes répétées');
    expect(readFileSync(barred(), 'utf8')).toBe(
      '- pseudonym: Troll75\n  since: 2026-11-29\n  reason: insultes répétées\n  by: Claire Martin\n',
    );
    expect(first.stdout.split('\n')[0]).toMatch(
      /barred\.yaml : « Troll75 » exclu depuis le 2026-11-29 \(motif : « insultes répétées »\)$/,
    );
    const edited = '# Pseudonymes exclus\n- pseudonym: Troll75\n  since: 2026-11-29\n  reason: insultes répétées';
    writeFileSync(barred(), edited);
    bar(context, 'Lectrice du 11e', 'spam: liens');
    expect(readFileSync(barred(), 'utf8')).toBe(
      `${edited}\n- pseudonym: Lectrice du 11e\n  since: 2026-11-29\n  reason: 'spam: liens'\n  by: Claire Martin\n`,
    );
    expect(readBarred(root).entries).toHaveLength(2);
  });

  test('dates the entry with the day in Paris', () => {
    bar({ ...context, now: new Date('2026-11-29T23:30:00Z') }, 'Troll75', 'insultes');
    expect(readFileSync(barred(), 'utf8')).toContain('since: 2026-11-30');
  });

  test('refuses a pseudonym already barred, whatever its case and surrounding spaces', () => {
    bar(context, 'Troll75', 'insultes');
    const before = readFileSync(barred(), 'utf8');
    expect(refusal(() => bar(context, '  tROLL75 ', 'encore'))).toMatch(/^« Troll75 » est déjà dans .*barred\.yaml/);
    expect(readFileSync(barred(), 'utf8')).toBe(before);
  });

  test('refuses a missing reason and a list it cannot append to', () => {
    expect(refusal(() => bar(context, 'Troll75', undefined))).toContain('--reason');
    expect(existsSync(barred())).toBe(false);
    writeFileSync(barred(), '---\n- pseudonym: Troll75\n');
    expect(refusal(() => bar(context, 'Autre', 'x'))).toMatch(
      /barred\.yaml n'est pas du YAML valide .* corrigez-le à la main$/,
    );
    expect(readFileSync(barred(), 'utf8')).toBe('---\n- pseudonym: Troll75\n');
    expect(() =>
      appendBarred({ text: '[]\n', entries: [] }, 'barred.yaml', 'Troll75', {
        reason: 'x',
        since: '2026-11-29',
        by: 'Claire Martin',
      }),
    ).toThrow('ajoutez-la à la main');
  });

  test('names the pseudonym’s comments still pending', () => {
    const report = bar(context, 'astrolabe', 'spam');
    expect(report.stdout).toContain(`ses commentaires encore en attente : ${PENDING.oldest.id}`);
  });
});

describe('terminal text', () => {
  test('ages read the way a French newsroom says them', () => {
    const ago = (ms: number) => relativeAge(new Date(NOW.getTime() - ms), NOW);
    expect(ago(40_000)).toBe('il y a 40\u00A0s');
    expect(ago(12 * 60_000)).toBe('il y a 12\u00A0min');
    expect(ago(3 * 3_600_000 + 59 * 60_000)).toBe('il y a 3\u00A0h');
    expect(ago(2 * 86_400_000)).toBe('il y a 2 jours');
    expect(ago(1 * 86_400_000)).toBe('il y a 1 jour');
    expect(ago(65 * 86_400_000)).toBe('il y a 2 mois');
    expect(ago(-5 * 60_000)).toBe('dans 5\u00A0min');
  });

  test('untrusted text cannot drive the terminal', () => {
    expect(oneLine('a\u001b[2Jb\u202Ec\r\nd')).toBe('a\uFFFD[2Jb\uFFFDc d');
  });

  test('excerpts count characters as a reader does and end with « … » when cut', () => {
    expect(excerpt('court')).toBe('court');
    const long = '👍🏽'.repeat(80);
    expect(excerpt(long)).toBe(`${'👍🏽'.repeat(69)}…`);
  });
});
