import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addModerator } from '../../services/comments/desk/accounts.ts';
import { createDesk } from '../../services/comments/desk/desk.ts';
import type { LogEvent } from '../../services/comments/log.ts';
import { filesOnlyWriter, type Writer } from '../../services/comments/writer.ts';
import { ARTICLE, NOW, copyContent } from './helpers.ts';

export const PASSWORD = 'une phrase de passe assez longue';
export const SITE_ORIGIN = 'https://www.journal.test';

export interface TestDesk {
  url: string;
  dir: string;
  accountsFile: string;
  clock: { now: Date };
  logs: LogEvent[];
  close: () => Promise<void>;
}

/** The desk alone on a free loopback port, over a fresh copy of the content, with the moderators named. */
export async function startDesk(
  options: { moderators?: string[]; dir?: string; writer?: Writer } = {},
): Promise<TestDesk> {
  const dir = options.dir ?? copyContent();
  const scratch = mkdtempSync(join(tmpdir(), 'kiosque-desk-'));
  const accountsFile = join(scratch, 'moderateurs.json');
  for (const name of options.moderators ?? ['Claire']) {
    await addModerator(accountsFile, { name, password: PASSWORD, replace: false, now: NOW });
  }
  const clock = { now: NOW };
  const logs: LogEvent[] = [];
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const desk = createDesk({
    contentDir: dir,
    writer: options.writer ?? filesOnlyWriter(),
    log: (event) => logs.push(event),
    accountsFile,
    deskOrigin: url,
    siteOrigin: SITE_ORIGIN,
    // A test stands for clients at several addresses with this header; the service itself never reads it.
    clientAddress: (req) => String(req.headers['x-test-client'] ?? req.socket.remoteAddress),
    now: () => clock.now,
  });
  server.on('request', (req, res) => void desk.handle(req, res));
  return {
    url,
    dir,
    accountsFile,
    clock,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A comment on the fixture article, pending unless told, written as the intake service writes them. */
export function writePending(
  dir: string,
  name: string,
  fields: { pseudonym?: string; at?: string; text?: string; article?: string; status?: string } = {},
): string {
  const article = fields.article ?? ARTICLE;
  mkdirSync(join(dir, 'comments', article), { recursive: true });
  writeFileSync(
    join(dir, 'comments', article, `${name}.md`),
    `---\narticle: ${article}\npseudonym: ${JSON.stringify(fields.pseudonym ?? 'Lectrice du 11e')}\npublishedAt: ${fields.at ?? '2026-11-29T09:00:00.000Z'}\nstatus: ${fields.status ?? 'pending'}\n${fields.status === 'rejected' ? 'reason: Hors sujet\n' : ''}---\n\n${fields.text ?? 'Un avis mesuré sur cet article.'}\n`,
  );
  return `${article}/${name}`;
}

/** A browser's side of the desk: its cookie, and the page's form token. */
export class Moderator {
  cookie = '';
  constructor(readonly desk: TestDesk) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie !== '') headers.set('cookie', this.cookie);
    const response = await fetch(`${this.desk.url}${path}`, { ...init, headers, redirect: 'manual' });
    const set = response.headers.get('set-cookie');
    if (set !== null) this.cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    return response;
  }

  /** Posts a form as the desk's own page does: from its origin. */
  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.desk.url, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async signIn(name = 'Claire', password = PASSWORD): Promise<Response> {
    return this.post('/moderation/connexion/', { nom: name, mot_de_passe: password, suite: '/moderation/' });
  }

  async page(path = '/moderation/'): Promise<string> {
    const response = await this.request(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response.text();
  }

  /** The hidden fields of the decision forms of one comment on a queue page. */
  async formOf(id: string, path = '/moderation/'): Promise<Record<string, string>> {
    const html = await this.page(path);
    const item = html.split('<li class="item"').find((part) => part.includes(`name="id" value="${id}"`));
    if (item === undefined) throw new Error(`${id} is not on ${path}`);
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(item)?.[1] ?? '';
    return { jeton: field('jeton'), id, version: field('version'), retour: field('retour').replace(/&amp;/g, '&') };
  }

  async decide(id: string, decision: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
    return this.post('/moderation/decision', { ...(await this.formOf(id)), decision, ...extra }, headers);
  }
}
