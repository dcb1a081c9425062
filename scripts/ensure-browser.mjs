#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium to drive, then says which one.
// Order: Playwright's own browser, a system Chromium, Debian's package (installed
// when we are root on Debian, as in CI), Playwright's downloader. playwright.config.ts
// repeats the first two checks to pick the same executable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function bundledChromium() {
  try {
    const file = chromium.executablePath();
    return file && fs.existsSync(file) ? file : null;
  } catch {
    // Unsupported platforms throw instead of returning a path.
    return null;
  }
}

function systemChromium() {
  return SYSTEM_CHROMIUMS.find((file) => fs.existsSync(file)) ?? null;
}

function versionOf(file) {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

function run(command, args, env = process.env) {
  console.log(`ensure-browser: running ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function choose(kind, file) {
  const version = versionOf(file);
  console.log(`ensure-browser: using ${kind} at ${file}${version ? ` (${version})` : ''}`);
  process.exit(0);
}

const bundled = bundledChromium();
if (bundled) choose("Playwright's bundled Chromium", bundled);

const system = systemChromium();
if (system) choose('system Chromium', system);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && fs.existsSync('/etc/debian_version')) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', 'chromium'], env)) {
    const installed = systemChromium();
    if (installed) choose("Debian's chromium package", installed);
  }
  console.log('ensure-browser: installing Debian chromium failed, trying Playwright\'s downloader');
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (run(npx, ['playwright', 'install', 'chromium'])) {
  const downloaded = bundledChromium();
  if (downloaded) choose("Playwright's bundled Chromium", downloaded);
}

console.error(
  'ensure-browser: no Chromium found. Install one: `npx playwright install chromium` (needs internet), ' +
    'or your system package (`apt-get install chromium` on Debian) so that /usr/bin/chromium exists.',
);
process.exit(1);
