import { resolve } from 'node:path';
import { trustedProxies, type TrustedProxies } from './client-address.ts';
import { moderatorsFile } from './desk/accounts.ts';

/** The service's settings, read from the environment (the table in docs/comments.md). */
export interface ServiceConfig {
  contentDir: string;
  host: string;
  port: number;
  allowedOrigins: string[];
  sessionSecret: string | undefined;
  perMinute: number;
  trustedProxies: TrustedProxies;
  /** The moderation desk's public origin: POSTs to it must come from there; https makes its cookie `Secure`. */
  deskOrigin: string;
  /** The moderators' accounts, outside the content (they must never reach git). */
  moderatorsFile: string;
}

/** A setting the service cannot start with; the message names the variable. */
export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function origins(raw: string): string[] {
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      const url = URL.canParse(origin) ? new URL(origin) : undefined;
      if (url === undefined || url.origin === 'null') {
        throw new ConfigError(`KIOSQUE_COMMENTS_ORIGINS: "${origin}" is not an origin like http://localhost:4321`);
      }
      // Browsers send the origin in this form: lower case, no default port, no path.
      return url.origin;
    });
}

function proxies(raw: string): TrustedProxies {
  try {
    return trustedProxies(
      raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    );
  } catch (error) {
    throw new ConfigError(`KIOSQUE_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
}

function deskOrigin(raw: string | undefined, host: string, port: number): string {
  if (raw === undefined || raw.trim() === '') return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/') {
    throw new ConfigError(`KIOSQUE_DESK_ORIGIN: "${raw}" is not an origin like https://www.journal.fr`);
  }
  return url.origin;
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServiceConfig {
  const secret = env['KIOSQUE_SESSION_SECRET'];
  const host = env['KIOSQUE_COMMENTS_HOST'] ?? '127.0.0.1';
  const port = integer(env, 'KIOSQUE_COMMENTS_PORT', 4323, 0, 65_535);
  return {
    contentDir: resolve(env['KIOSQUE_CONTENT_DIR'] ?? './content'),
    host,
    port,
    allowedOrigins: origins(env['KIOSQUE_COMMENTS_ORIGINS'] ?? 'http://localhost:4321,http://127.0.0.1:4321'),
    sessionSecret: secret === undefined || secret === '' ? undefined : secret,
    perMinute: integer(env, 'KIOSQUE_COMMENTS_PER_MINUTE', 1, 1, 1_000_000),
    trustedProxies: proxies(env['KIOSQUE_TRUSTED_PROXIES'] ?? ''),
    deskOrigin: deskOrigin(env['KIOSQUE_DESK_ORIGIN'], host, port),
    moderatorsFile: moderatorsFile(env),
  };
}
