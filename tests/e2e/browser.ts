import { existsSync } from 'node:fs';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere when a machine keeps it in another place. */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  return path;
}

/**
 * Flags for a sandboxed machine without internet: no background calls home (they would be
 * refused by the closed network), no GPU, and no sandbox when running as root.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
