import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyDecision, barReader, type DecisionInput } from '../../services/moderation/apply.ts';
import { readComment } from '../../services/moderation/comments.ts';
import { commentSchema } from '../../src/content/schemas/comment.ts';
import { refusal } from './moderation-refusal.ts';

/**
 * Another moderator's write, made the moment the module has read the comment's file: the
 * module must then refuse to write over it. Armed by a test, it fires once.
 */
const meanwhile = vi.hoisted(() => ({ path: '', text: '', renamed: [] as string[] }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    const result = fs.readFileSync(...args);
    if (meanwhile.path !== '' && args[0] === meanwhile.path) {
      fs.writeFileSync(meanwhile.path, meanwhile.text);
      meanwhile.path = '';
    }
    return result;
  }) as typeof fs.readFileSync;
  // Every file put in place, to count the writes a decision makes.
  const renameSync = ((from: string, to: string) => {
    meanwhile.renamed.push(to);
    fs.renameSync(from, to);
  }) as typeof fs.renameSync;
  return { ...fs, readFileSync, renameSync, default: { ...fs, readFileSync, renameSync } };
});

const ARTICLE = 'ia-generative-colleges-devoirs';
const ID = `${ARTICLE}/r20261129t101500-a1b2`;
/** 29 November 2026, 14:15:07 in Paris (winter time, +01:00). */
const AT = new Date('2026-11-29T13:15:07.480Z');
const LATER = new Date('2026-11-29T16:02:41Z');

const PENDING = [
  '---',
  `article: ${ARTICLE}`,
  "pseudonym: 'Lectrice du 11e'",
  'publishedAt: 2026-11-29T10:15:00.000Z',
  'status: pending',
  '---',
  '',
  'Mes enfants utilisent ces outils tous les soirs.',
  '',
].join('\n');

let root: string;
const file = () => join(root, 'comments', `${ID}.md`);
const read = () => readFileSync(file(), 'utf8');
const decide = (input: Partial<DecisionInput>) =>
  applyDecision(root, { id: ID, decision: 'approve', by: 'Claire Martin', at: AT, ...input });

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), 'kiosque-moderate-apply-')), 'content');
  cpSync(new URL('../../content/', import.meta.url), root, { recursive: true });
  writeFileSync(file(), PENDING);
});

afterEach(() => {
  meanwhile.path = '';
  meanwhile.renamed = [];
  rmSync(join(root, '..'), { recursive: true, force: true });
});

describe('the audit trail', () => {
  test('two decisions make two entries, in order, each with who, when (Paris, to the second) and the reason', () => {
    decide({ decision: 'reject', reason: 'Hors sujet', by: 'Paul' });
    decide({ decision: 'approve', at: LATER });
    expect(read()).toBe(
      PENDING.replace(
        'status: pending\n---\n',
        [
          'status: published',
          'moderation:',
          '  - decision: reject',
          '    by: Paul',
          '    at: 2026-11-29T14:15:07+01:00',
          '    reason: Hors sujet',
          '  - decision: approve',
          '    by: Claire Martin',
          '    at: 2026-11-29T17:02:41+01:00',
          '---',
          '',
        ].join('\n'),
      ),
    );
    const { frontmatter } = parseFrontmatter(read());
    const parsed = commentSchema.parse({ ...frontmatter, article: ARTICLE });
    expect(parsed.moderation).toEqual([
      { decision: 'reject', by: 'Paul', at: new Date('2026-11-29T13:15:07Z'), reason: 'Hors sujet' },
      { decision: 'approve', by: 'Claire Martin', at: new Date('2026-11-29T16:02:41Z') },
    ]);
  });

  test('publishing and featuring at once is one write, with the two decisions in the trail', () => {
    const result = decide({ decision: 'approve-feature' });
    expect(meanwhile.renamed).toEqual([file()]);
    expect(read()).toBe(
      PENDING.replace(
        'status: pending\n---\n',
        [
          'status: published',
          'featured: true',
          'moderation:',
          '  - decision: approve',
          '    by: Claire Martin',
          '    at: 2026-11-29T14:15:07+01:00',
          '  - decision: feature',
          '    by: Claire Martin',
          '    at: 2026-11-29T14:15:07+01:00',
          '---',
          '',
        ].join('\n'),
      ),
    );
    expect(result).toMatchObject({
      changed: true,
      status: 'published',
      commitMessage: `Modération : publie ${ID} dans la Sélection de la rédaction`,
    });
  });

  test('a rejection after an approval withdraws the comment and keeps both decisions', () => {
    expect(decide({})).toMatchObject({ changed: true, status: 'published' });
    const result = decide({ decision: 'reject', reason: 'Propos injurieux', at: LATER });
    expect(result).toMatchObject({
      id: ID,
      path: file(),
      changed: true,
      status: 'rejected',
      commitMessage: `Modération : rejette ${ID} (Propos injurieux)`,
    });
    const { frontmatter } = parseFrontmatter(read());
    expect(frontmatter['status']).toBe('rejected');
    expect(frontmatter['reason']).toBe('Propos injurieux');
    expect(frontmatter['moderation']).toEqual([
      { decision: 'approve', by: 'Claire Martin', at: new Date('2026-11-29T13:15:07Z') },
      { decision: 'reject', by: 'Claire Martin', at: new Date('2026-11-29T16:02:41Z'), reason: 'Propos injurieux' },
    ]);
  });

  test('a Windows file keeps its line endings and its body byte for byte', () => {
    const body = '\r\nPremier paragraphe.\r\n\r\n---\r\n\r\nstatus: pending\r\n';
    const crlf = `${PENDING.split('\n---\n')[0]!.replace(/\n/g, '\r\n')}\r\n---\r\n${body}`;
    writeFileSync(file(), crlf);
    decide({});
    decide({ decision: 'feature', by: 'Paul', at: LATER });
    const after = read();
    expect(after.endsWith(`\r\n---\r\n${body}`)).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain(
      'status: published\r\nfeatured: true\r\nmoderation:\r\n  - decision: approve\r\n    by: Claire Martin\r\n',
    );
    expect(parseFrontmatter(after).frontmatter['moderation']).toHaveLength(2);
  });

  test('comments, quoting and the order of the other fields stay as written', () => {
    const source = [
      '---',
      '# Reçu par le formulaire',
      `article: '${ARTICLE}'   # le dossier`,
      'pseudonym: "Lectrice du 11e"',
      'publishedAt: 2026-11-29T10:15:00.000Z',
      'status: pending # à relire',
      "replyTo: 'c02'",
      '---',
      'Texte.',
      '',
    ].join('\n');
    writeFileSync(file(), source);
    decide({});
    expect(read()).toBe(
      source.replace(
        "status: pending # à relire\nreplyTo: 'c02'\n",
        "status: published\nreplyTo: 'c02'\nmoderation:\n  - decision: approve\n    by: Claire Martin\n    at: 2026-11-29T14:15:07+01:00\n",
      ),
    );
  });

  test('a list written by hand gets the next entry in its own indentation', () => {
    const source = PENDING.replace(
      'status: pending\n',
      "status: pending\nmoderation:\n- decision: reject\n  by: 'Anne'\n  at: 2026-11-28T09:00:00+01:00\n  reason: Spam\n",
    );
    writeFileSync(file(), source);
    decide({ by: "O'Neil" });
    expect(read()).toBe(
      source
        .replace('status: pending', 'status: published')
        .replace(
          '  reason: Spam\n',
          "  reason: Spam\n- decision: approve\n  by: O'Neil\n  at: 2026-11-29T14:15:07+01:00\n",
        ),
    );
  });

  test('a list it cannot add to safely is refused, naming the file, and nothing is written', () => {
    for (const list of ['moderation: []', 'moderation: oui']) {
      const source = PENDING.replace('status: pending\n', `status: pending\n${list}\n`);
      writeFileSync(file(), source);
      expect(refusal(() => decide({}))).toMatch(/r20261129t101500-a1b2\.md : .*à la main/);
      expect(read()).toBe(source);
    }
  });

  test('a decision nobody signs is refused', () => {
    expect(refusal(() => decide({ by: ' \n ' }))).toContain('le nom du modérateur est vide');
    expect(read()).toBe(PENDING);
  });

  test('the site refuses a trail entry that breaks its rules', () => {
    const comment = { article: ARTICLE, pseudonym: 'Zoé', publishedAt: AT, status: 'published' };
    const entry = { decision: 'approve', by: 'Paul', at: '2026-11-29T14:15:07+01:00' };
    expect(commentSchema.safeParse({ ...comment, moderation: [entry] }).success).toBe(true);
    for (const wrong of [
      { ...entry, decision: 'reject' },
      { ...entry, reason: 'Pourquoi pas' },
      { ...entry, by: '' },
      { ...entry, at: 'hier' },
      { ...entry, decision: 'delete' },
    ]) {
      expect(commentSchema.safeParse({ ...comment, moderation: [wrong] }).success).toBe(false);
    }
  });
});

describe('applyDecision', () => {
  test('says what it did, with the commit message of each decision', () => {
    expect(decide({})).toEqual({
      id: ID,
      path: file(),
      pseudonym: 'Lectrice du 11e',
      changed: true,
      status: 'published',
      effects: [{ kind: 'published', from: 'pending', droppedReason: undefined }],
      notes: [],
      commitMessage: `Modération : publie ${ID}`,
    });
    expect(decide({ decision: 'feature' }).commitMessage).toBe(`Modération : ${ID} dans la Sélection de la rédaction`);
    expect(decide({ decision: 'unfeature' }).commitMessage).toBe(
      `Modération : retire ${ID} de la Sélection de la rédaction`,
    );
    expect(decide({ decision: 'unfeature' })).toMatchObject({ changed: false, status: 'published', commitMessage: '' });
  });

  test('refuses, naming the file, when another moderator changed it since it was read', () => {
    const theirs = PENDING.replace('status: pending', 'status: rejected\nreason: Spam');
    meanwhile.path = file();
    meanwhile.text = theirs;
    expect(refusal(() => decide({}))).toMatch(/r20261129t101500-a1b2\.md a changé entre-temps/);
    expect(read()).toBe(theirs);
  });

  test('refuses a decision on a comment another moderator changed since this one saw it', () => {
    const seen = readComment(root, ID).version;
    decide({ decision: 'reject', reason: 'Spam', by: 'Paul' });
    const rejected = read();
    expect(refusal(() => decide({ seen }))).toMatch(
      /r20261129t101500-a1b2\.md a changé entre-temps \(status: rejected\)/,
    );
    expect(read()).toBe(rejected);
    expect(decide({ seen: readComment(root, ID).version })).toMatchObject({ changed: true, status: 'published' });
  });
});

describe('barReader', () => {
  const barred = () => join(root, 'barred.yaml');

  test('records who barred the reader, names the comments still pending, and changes nothing the second time', () => {
    const result = barReader(root, { pseudonym: 'lectrice DU 11e', reason: 'Spam', by: 'Paul', at: AT });
    expect(result).toMatchObject({
      path: barred(),
      changed: true,
      commitMessage: 'Modération : exclut « lectrice DU 11e » des commentaires',
      pending: [ID],
    });
    const text = readFileSync(barred(), 'utf8');
    expect(text).toBe('- pseudonym: lectrice DU 11e\n  since: 2026-11-29\n  reason: Spam\n  by: Paul\n');
    const again = barReader(root, { pseudonym: 'Lectrice du 11e', reason: 'Encore', by: 'Anne', at: LATER });
    expect(again).toMatchObject({ changed: false, pseudonym: 'lectrice DU 11e', commitMessage: '', pending: [ID] });
    expect(readFileSync(barred(), 'utf8')).toBe(text);
  });

  test('refuses a bar without a reason or a name, writing nothing', () => {
    expect(refusal(() => barReader(root, { pseudonym: 'Troll75', reason: ' ', by: 'Paul', at: AT }))).toContain(
      'exclure « Troll75 »',
    );
    expect(refusal(() => barReader(root, { pseudonym: 'Troll75', reason: 'Spam', by: '', at: AT }))).toContain(
      'nom du modérateur',
    );
    expect(existsSync(barred())).toBe(false);
  });
});
