import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  moderator: string;
  /** The account's `accountVersion` when the session opened: a new password ends the session. */
  account: string;
  /** Put in every form and checked on every POST: a page from another site cannot know it. */
  token: string;
  createdAt: number;
  seenAt: number;
  /** What the next page says once, after a decision made without JavaScript. */
  flash?: { kind: 'ok' | 'error'; text: string } | undefined;
}

/** A moderator idle this long signs in again… */
const IDLE_MS = 2 * 60 * 60 * 1000;
/** …and after a working day, even a busy one. */
const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

/**
 * Sessions held in the service's memory, named by a random 32-byte id that the cookie
 * carries; a restart signs everyone out, which costs a moderator one sign-in.
 */
export function createSessionStore(now: () => Date) {
  const sessions = new Map<string, Session>();

  const expired = (session: Session, at: number) =>
    at - session.seenAt > IDLE_MS || at - session.createdAt > ABSOLUTE_MS;

  function sweep(at: number): void {
    for (const [id, session] of sessions) if (expired(session, at)) sessions.delete(id);
  }

  return {
    open(moderator: string, account: string): { id: string; session: Session } {
      const at = now().getTime();
      sweep(at);
      const id = randomBytes(32).toString('base64url');
      const session: Session = {
        moderator,
        account,
        token: randomBytes(32).toString('base64url'),
        createdAt: at,
        seenAt: at,
      };
      sessions.set(id, session);
      return { id, session };
    },

    /** The live session of that id, its idle clock restarted. */
    find(id: string | undefined): Session | undefined {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      const at = now().getTime();
      if (session === undefined) return undefined;
      if (expired(session, at)) {
        sessions.delete(id);
        return undefined;
      }
      session.seenAt = at;
      return session;
    },

    close(id: string | undefined): void {
      if (id !== undefined) sessions.delete(id);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Whether a form's token is the session's, compared in constant time. */
export function tokenMatches(session: Session, token: string | undefined): boolean {
  if (token === undefined) return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(session.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
