import { isDeepStrictEqual } from 'node:util';
import { samePseudonym } from '../../src/lib/pseudonyms.ts';
import { parseBarred, pseudonymOf } from '../moderation/barred.ts';

/** The entries of a barred list's text; `undefined` when it is not a list of entries. */
function entriesOf(text: string): unknown[] | undefined {
  try {
    return parseBarred(text);
  } catch {
    return undefined;
  }
}

/**
 * `barred.yaml` after a rebase replays a local bar onto a remote that barred someone else.
 * Both appended an entry at the end of the file, which git reads as two changes of the same
 * place and stops on. A bar only ever appends (`appendBarred`), so the local change is made
 * again on the remote's file: its text kept byte for byte, the local entries after it.
 *
 * `base`, `local` and `remote` are the file before the local commit, after it, and as the
 * remote has it. `undefined` when the local change is anything but entries appended, or when
 * the result would not read back as the remote's entries followed by the local ones: that stays
 * a conflict for a person. When every reader barred here is on the remote's list already,
 * the remote's file is kept as it is.
 *
 * Why not git's `merge=union`: union keeps both sides of any clash, so a hand fix of the last
 * entry's reason beside a new bar gives an entry with two `reason:` keys, a file the service
 * cannot read, and then every comment is refused; and an entry removed on one side comes back.
 */
export function reappendBars(base: string, local: string, remote: string): string | undefined {
  if (!local.startsWith(base)) return undefined;
  let added = local.slice(base.length);
  // `appendBarred` first ends a last line that had no line break.
  if (base !== '' && !base.endsWith('\n')) added = added.replace(/^\r?\n/, '');
  const appended = entriesOf(added);
  const before = entriesOf(remote);
  if (appended === undefined || before === undefined || appended.length === 0) return undefined;
  const barredThere = (entry: unknown) =>
    before.some((other) => {
      const [a, b] = [pseudonymOf(entry), pseudonymOf(other)];
      return a !== undefined && b !== undefined && samePseudonym(a, b);
    });
  if (appended.every(barredThere)) return remote;
  const eol = remote.includes('\r\n') ? '\r\n' : '\n';
  const merged = `${remote}${remote === '' || remote.endsWith('\n') ? '' : eol}${added}`;
  return isDeepStrictEqual(entriesOf(merged), [...before, ...appended]) ? merged : undefined;
}
