import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mintSessionCookie, testDb, type TestUser } from './auth-fixtures';
import { TEST_DB_PATH } from './fixtures';

// A second production server on a copy of the e2e data, for journeys that kill, break or
// restore a server: the shared one (scripts/e2e-server.mjs) stays up for everything else.

// One port per parallel Playwright worker, so two such journeys can run side by side: the suite's
// port (E2E_PORT, 3100 unless set; see playwright.config.ts) plus 50 plus the worker's parallel
// index (0 or 1 with two workers; unlike TEST_WORKER_INDEX it stays the same when a worker restarts).
export const OWN_PORT = Number(process.env.E2E_PORT || 3100) + 50 + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
export const OWN_BASE = `http://127.0.0.1:${OWN_PORT}`;
const root = path.join(__dirname, '..');

/** A fresh data directory holding a consistent copy of the e2e database and its auth secret. */
export async function copyTestData(prefix: string): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  await testDb().backup(path.join(dataDir, 'gazette.db'));
  fs.copyFileSync(path.join(path.dirname(TEST_DB_PATH), 'auth-secret'), path.join(dataDir, 'auth-secret'));
  return dataDir;
}

/**
 * Refuses a port something else listens on: a server these tests did not start would answer
 * their requests from a data folder they do not own.
 */
async function requireFreePort(port: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use; stop whatever listens there or move the e2e ports with E2E_PORT (see README.md)`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', resolve);
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

export async function startOwnServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  await requireFreePort(OWN_PORT);
  return spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '-p', String(OWN_PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      GAZETTE_DATA_DIR: dataDir,
      AUTH_SECRET: fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim(),
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(OWN_PORT),
      SITE_URL: OWN_BASE,
      TZ: 'America/Los_Angeles',
      ADMIN_EMAIL: 'admin@gazette.test',
      ADMIN_PASSWORD: 'e2e-admin-password-1',
      ...extraEnv,
    },
    stdio: 'ignore',
  });
}

/** Waits until `server` answers its health check; fails as soon as it has exited instead. */
export async function waitUntilUp(server: ChildProcess): Promise<void> {
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server on port ${OWN_PORT} exited (${server.exitCode ?? server.signalCode}) before it answered`);
    }
    try {
      if ((await fetch(`${OWN_BASE}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops `server` and waits until it has exited, so its port is free for the next one. */
export async function stopOwnServer(server: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill(signal);
  await exited;
}

/** A session cookie for `user`, signed with the key in `dataDir`, its session row in that database. */
export async function sessionCookie(user: TestUser, dataDir: string): Promise<string> {
  const secret = fs.readFileSync(path.join(dataDir, 'auth-secret'), 'utf8').trim();
  const file = path.join(dataDir, 'gazette.db');
  if (path.resolve(file) === path.resolve(TEST_DB_PATH)) return mintSessionCookie(testDb(), user, secret);
  const database = new Database(file, { fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  try {
    return await mintSessionCookie(database, user, secret);
  } finally {
    database.close();
  }
}
