/**
 * Errors make a wrong page (a date that does not exist, an `h1` in the body, a link with no
 * text): they fail the build. Warnings are the house style: listed, never blocking.
 */
export type Severity = 'error' | 'warning';

/** A rule: its stable id, named in every message it gives, and how serious its finding is. */
export interface Rule {
  id: string;
  severity: Severity;
}

/** One finding, where an editor finds it: the file, the line, the field (`body` for the text). */
export interface Problem {
  file: string;
  line: number;
  field: string;
  rule: string;
  severity: Severity;
  /** In French: what is wrong and what to write instead. */
  message: string;
}

/** What a rule reports; the file is added by whoever runs the rules on that file. */
export type Finding = Omit<Problem, 'file'>;

/**
 * Editors read the messages: they get French spacing, a no-break space before « : » and
 * inside guillemets, a narrow one before « ; ! ? », so that a terminal never breaks them there.
 */
function frenchSpacing(message: string): string {
  return message
    .replace(/ ([:»])/g, '\u00A0$1')
    .replace(/« /g, '«\u00A0')
    .replace(/ ([;!?])/g, '\u202F$1');
}

export function finding(rule: Rule, line: number, field: string, message: string): Finding {
  return { line, field, rule: rule.id, severity: rule.severity, message: frenchSpacing(message) };
}

/** `content/articles/x.md:12: title: message [rule-id]`, the line an editor's tools can jump to. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message} [${problem.rule}]`;
}

/** By file, then line, so that a list reads each file from top to bottom. */
export function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The problems of one severity as a block, a heading line then one line each, or `undefined`
 * when there are none: errors, which stop publication, and warnings, which do not.
 */
export function listProblems(problems: readonly Problem[], severity: Severity): string | undefined {
  const chosen = problems.filter((problem) => problem.severity === severity);
  if (chosen.length === 0) return undefined;
  const heading =
    severity === 'error'
      ? `Relecture\u00A0: ${plural(chosen.length, 'erreur', 'erreurs')} à corriger avant publication`
      : `Relecture\u00A0: ${plural(chosen.length, 'avertissement', 'avertissements')} (style maison, ne bloquent pas)`;
  return [`${heading}\u00A0:`, ...chosen.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}
