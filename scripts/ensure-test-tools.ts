/**
 * Runs before `npm test`: the end-to-end tests drive Debian's Chromium, and check every built
 * page with the Nu HTML Checker, which runs on Java. On a machine where either is missing and
 * we are root with apt (a fresh CI or developer machine here), it is installed; elsewhere the
 * message says what to do. Browser downloads by test tools do not work here, and vnu-jar's
 * own Java download is turned off (`allowScripts` in package.json).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** What is missing: the Debian package that brings it, and what to tell someone who is not root. */
const missing: { pkg: string; advice: string }[] = [];
if (!existsSync(chromium))
  missing.push({
    pkg: 'chromium',
    advice: `The end-to-end tests need Chromium at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  });
if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0)
  missing.push({
    pkg: 'default-jre-headless',
    advice:
      'The HTML validation test runs the Nu HTML Checker, which needs Java 11 or later as `java`. Install it (Debian: sudo apt-get install -y default-jre-headless).',
  });

if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    for (const { advice } of missing) console.error(advice);
    process.exit(1);
  }
  const packages = missing.map(({ pkg }) => pkg);
  console.log(`Installing Debian’s ${packages.join(' and ')} for the end-to-end tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
