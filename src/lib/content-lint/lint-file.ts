import { siteConfig } from '../../site.config.ts';
import { documentKind } from '../markdown/document-kind.ts';
import { checkDates, datesArePossible } from './dates.ts';
import { checkLengths } from './lengths.ts';
import { type LinkOptions, checkLinks } from './links.ts';
import { checkMarks } from './marks.ts';
import { checkAlt, pictureOf } from './pictures.ts';
import { type Finding, type Rule, finding } from './problem.ts';
import { readSource, splitFrontmatter } from './source.ts';
import { checkHeadings } from './structure.ts';

const invalidYaml: Rule = { id: 'frontmatter-yaml', severity: 'error' };

/**
 * What the rules that look across files need of one file, kept with its findings so that an
 * unchanged file is never read again: its tags and its picture, with their lines.
 */
interface FileSummary {
  tags: { name: string; line: number }[];
  picture: { src: string; line: number } | undefined;
}

export interface FileLint {
  findings: Finding[];
  summary: FileSummary;
}

const NOTHING: FileSummary = { tags: [], picture: undefined };

const defaults: LinkOptions = { httpOnlyHosts: siteConfig.httpOnlyHosts, siteUrl: siteConfig.url };

/**
 * Every rule that reads one file alone. Articles get them all, standing pages all but those
 * about an article's fields; a comment is a reader's text, kept as sent: only its dates, which
 * a moderator's tool writes, are checked, and its YAML is read only when one looks impossible.
 */
export function lintFile(file: string, text: string, options: LinkOptions = defaults): FileLint {
  const kind = documentKind(file);
  if (kind === 'comment') {
    const { frontmatter } = splitFrontmatter(text.split(/\r?\n/));
    if (frontmatter === undefined || datesArePossible(frontmatter)) return { findings: [], summary: NOTHING };
  }
  const source = readSource(file, text);
  if (source.yamlError) {
    const { line, message } = source.yamlError;
    return {
      findings: [
        finding(
          invalidYaml,
          line,
          'frontmatter',
          `ce n’est pas du YAML valide (${message}) : mettez entre guillemets une valeur qui contient « : » ou « # »`,
        ),
      ],
      summary: NOTHING,
    };
  }
  const findings = [...checkDates(source)];
  if (kind !== 'comment') {
    findings.push(...checkLengths(source), ...checkAlt(source), ...checkLinks(source, options));
    findings.push(...checkHeadings(source), ...checkMarks(source));
  }
  const tags =
    kind === 'article'
      ? source.fields.flatMap((f) =>
          f.path === 'tags' && typeof f.value === 'string' ? [{ name: f.value, line: f.line }] : [],
        )
      : [];
  return { findings, summary: { tags, picture: pictureOf(source) } };
}
