// What the tests that drive real engines (Redis, nginx, Varnish) share: find each engine, and
// when one is missing and we are root on Debian (as in CI), install Debian's package — as
// scripts/ensure-browser.mjs does for Chromium. Anywhere else the caller fails and says what to
// install. Nothing is ever downloaded from elsewhere.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const installed = ({ command, pkg }) =>
  command
    ? spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
    : spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

/**
 * Makes sure each package is there: `command` is the program it provides (or, without one, the
 * package is looked up with dpkg). Throws with the apt-get line to run when it cannot install.
 */
export function ensureDebianPackages(packages, log = (line) => console.log(line)) {
  const missing = packages.filter((p) => !installed(p)).map((p) => p.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/etc/debian_version')) {
    throw new Error(`missing ${missing.join(', ')}: install them (Debian: apt-get install ${missing.join(' ')})`);
  }
  log(`installing ${missing.join(', ')} with apt`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { env, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${result.status ?? result.signal})`);
  }
  const still = packages.filter((p) => !installed(p)).map((p) => p.pkg);
  if (still.length > 0) throw new Error(`apt-get could not install ${still.join(', ')}`);
}

/** Where a program is, or null. */
export function commandPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || null;
}
