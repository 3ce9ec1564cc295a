/**
 * One structured log line: `event` names what happened (`request`, `comment`, `decision`,
 * `push`, …), the other fields say how it went. Never a comment's text, a password, a cookie
 * or a token: logs are read by people who may not read those.
 */
export interface LogEvent {
  event: string;
  [field: string]: string | number | boolean | null | undefined;
}

export type Log = (event: LogEvent) => void;

/**
 * A request's `Origin` as a log line holds it: no one's personal data, and the usual clue to a
 * setting left out; cut, so that a client cannot fill the journal with one header.
 */
export const originForLog = (origin: string | undefined) => origin?.slice(0, 200) ?? null;

/** Writes each event as one JSON line on the standard output, with the time first. */
export function jsonLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Log {
  return (event) => write(JSON.stringify({ time: new Date().toISOString(), ...event }));
}
