#!/usr/bin/env node
// The server Playwright tests against (see webServer in playwright.config.ts): a fresh,
// seeded database under ./test-data, a production build made against it, and
// the production server (scripts/start.mjs: Next behind the page cache) on 127.0.0.1:3100.
//
// The build prerenders pages from the database it sees, so build and data must belong
// together: by default both are made anew. With E2E_SKIP_BUILD=1 the existing build and
// ./test-data are reused, but only when ./test-data was made by that very build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, 'test-data');
const buildIdFile = path.join(root, '.next', 'BUILD_ID');
// Written after a successful e2e build: which build this data directory belongs to.
const marker = path.join(dataDir, '.e2e-build-id');
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = process.env.E2E_PORT || '3100';
const HOST = '127.0.0.1';

const env = {
  ...process.env,
  GAZETTE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT,
  // Canonical URLs, sitemaps and feeds name the server the tests talk to.
  SITE_URL: process.env.SITE_URL || `http://${HOST}:${PORT}`,
  // The server's own zone is deliberately far from the newsroom's (Europe/Kyiv):
  // dates on pages must follow the newsroom setting, never the machine.
  TZ: 'America/Los_Angeles',
  // Scheduled articles go live within two seconds in tests.
  GAZETTE_SCHEDULER_INTERVAL_MS: '2000',
  // The first-run admin (db/first-run.ts) the newsroom journeys sign in with (e2e/auth-fixtures.ts).
  ADMIN_EMAIL: 'admin@gazette.test',
  ADMIN_PASSWORD: 'e2e-admin-password-1',
  // Test-only route handlers (POST /api/views/flush); never set in production.
  GAZETTE_TEST_HOOKS: '1',
  // The journeys speak as a reverse proxy would, naming the client in X-Forwarded-For, so they
  // can be several readers or sign-in addresses at once. Without it the server would replace
  // that header with the socket's address (gateway/request-guard.mjs).
  TRUSTED_PROXY: '1',
  // Every journey speaks from this machine, so per-client budgets would make one journey's
  // searches another's 429. e2e/readers-first.spec.ts proves the budgets on a server of its own.
  GAZETTE_RATE_LIMITS: 'off',
};

let child = null;
let stopping = false;

// Each step runs in its own process group, so a signal reaches all of it (`npm run build`
// starts a shell, which starts `next build`, which starts workers), not only its first process.
const ownGroup = process.platform !== 'win32';

function stopChild(signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return false;
  try {
    if (ownGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    child.kill(signal);
  }
  return true;
}

// Playwright stops the web server with a signal (gracefulShutdown in playwright.config.ts);
// pass it on to whatever runs now.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    if (!stopChild(signal)) process.exit(0);
  });
}
// Never leave a build or server behind, whatever ends this script.
process.on('exit', () => stopChild('SIGTERM'));

function run(command, args) {
  return new Promise((resolve) => {
    console.log(`e2e-server: ${command} ${args.join(' ')}`);
    // Output goes to the console and to test-data/server.log, which scripts/check-logs.mjs
    // searches for secrets after the run.
    child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup });
    const log = fs.createWriteStream(path.join(dataDir, 'server.log'), { flags: 'a' });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      log.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      log.write(chunk);
    });
    child.on('error', (error) => {
      console.error(`e2e-server: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

function reusableBuild() {
  if (process.env.E2E_SKIP_BUILD !== '1') return false;
  const buildId = readOrNull(buildIdFile);
  if (!buildId || readOrNull(marker) !== buildId) {
    console.log('e2e-server: E2E_SKIP_BUILD=1 but the build and ./test-data do not belong together; rebuilding');
    return false;
  }
  return fs.existsSync(path.join(dataDir, 'gazette.db'));
}

async function main() {
  if (reusableBuild()) {
    console.log('e2e-server: E2E_SKIP_BUILD=1, reusing .next and ./test-data');
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // `npm run build` migrates and seeds the empty database, then builds against it.
    const code = await run(npm, ['run', 'build']);
    if (stopping) process.exit(code);
    if (code !== 0) {
      console.error(`e2e-server: npm run build failed (exit ${code})`);
      process.exit(code);
    }
    const buildId = readOrNull(buildIdFile);
    if (buildId) fs.writeFileSync(marker, `${buildId}\n`);
  }
  // A production server needs AUTH_SECRET: the key `npm run build` (db:prepare) made for ./test-data.
  env.AUTH_SECRET ||= readOrNull(path.join(dataDir, 'auth-secret')) ?? '';
  // The local binary, not `npx next`, so signals reach the server without a wrapper between.
  // The production server: Next behind the page cache (scripts/start.mjs).
  const code = await run(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', PORT, '-H', HOST]);
  process.exit(stopping ? 0 : code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
