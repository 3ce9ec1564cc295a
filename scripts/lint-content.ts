import process from 'node:process';
import { lintContent } from '../src/integrations/content-lint-run.ts';
import { listProblems } from '../src/lib/content-lint/problem.ts';
import { formatNumber } from '../src/lib/typography.ts';

/*
 * `npm run lint:content [files…]`: the editorial lint the build runs, alone. With files (an
 * editor's save hook), only their problems are listed. Exits 1 when there is an error, 0 when
 * there are only warnings (docs/editors-guide.md, « Relecture automatique »).
 */
const files = process.argv.slice(2);
const report = await lintContent(process.cwd(), files.length > 0 ? files : undefined);
const warnings = listProblems(report.problems, 'warning');
const errors = listProblems(report.problems, 'error');
if (warnings) console.log(warnings);
if (errors) console.error(errors);
const errorCount = report.problems.filter((problem) => problem.severity === 'error').length;
const warningCount = report.problems.length - errorCount;
/** « 0 erreur », « 1 erreur », « 2 erreurs »: French takes the singular below two. */
const count = (n: number, word: string) => `${formatNumber(n)}\u00A0${word}${n >= 2 ? 's' : ''}`;
const seconds = report.seconds.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
console.log(
  `${formatNumber(report.files)} fichiers relus en ${seconds}\u00A0s (${formatNumber(report.read)} lus, les autres inchangés depuis la dernière relecture)\u202F; ${count(errorCount, 'erreur')}, ${count(warningCount, 'avertissement')}.`,
);
process.exitCode = errorCount > 0 ? 1 : 0;
