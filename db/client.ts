import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { getDatabasePath } from '../platform/paths';
import { onShutdown } from '../platform/shutdown';
import { applyMigrations } from './migrate';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema>;

export interface Connection {
  db: DB;
  sqlite: Database.Database;
}

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

// How long a write waits for another process's write lock before failing with "database is
// locked": long enough for `npm run user` or a backup, short enough that a request never hangs.
export const BUSY_TIMEOUT_MS = 5_000;
// How long a start waits for another process that is migrating or seeding the same database
// (several servers starting at once on one data folder; docs/operations.md).
export const START_BUSY_TIMEOUT_MS = 120_000;

// The only place that opens SQLite. Creates the file if needed, sets the pragmas
// every connection needs and applies pending migrations (db/migrate.ts). Command-line scripts
// call it with their own path; the app uses the shared `db` below.
export function openConnection(file = getDatabasePath(), options: { busyTimeoutMs?: number } = {}): Connection {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
  switchToWal(sqlite);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  writeTransactionsTakeTheLockFirst(db);
  applyMigrations(sqlite, MIGRATIONS, START_BUSY_TIMEOUT_MS);
  // Gathers planner statistics where they are missing or stale (cheap; SQLite's
  // recommendation for long-lived connections).
  sqlite.pragma('optimize=0x10002');
  return { db, sqlite };
}

// WAL is a property of the file, set once by whichever process gets there first. Switching needs
// the file to itself, and SQLite answers "database is locked" at once, without its busy wait, while
// another process has the new file open — as happens when several servers start together on an
// empty data folder (db/concurrent-start.test.ts). So: try again for up to START_BUSY_TIMEOUT_MS,
// then give up with SQLite's own error.
function switchToWal(sqlite: Database.Database): void {
  const deadline = Date.now() + START_BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, Math.min(5 * 2 ** attempt, 100));
    }
  }
}

// Transactions begin IMMEDIATE unless they say otherwise. A DEFERRED one that reads first and
// writes later fails at once with "database is locked" (SQLITE_BUSY, no busy wait) when another
// process — `npm run user`, a backup, the e2e suite — wrote in between; an IMMEDIATE one takes
// the write lock up front and waits up to busy_timeout for it. Within the server nothing
// changes: better-sqlite3 runs one transaction at a time on its one connection.
function writeTransactionsTakeTheLockFirst(db: DB): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run: Parameters<DB['transaction']>[0], config?: Parameters<DB['transaction']>[1]) =>
    transaction(run, { behavior: 'immediate', ...config })) as DB['transaction'];
}

// A read-only handle on a database file that must already exist (backup
// verification, restore checks). Never migrates, never writes.
export function openReadOnly(file: string): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return sqlite;
}

// One connection per server process, kept on globalThis so `next dev` reloads
// do not leak file handles. Opened on first use, not on import.
const globalForDb = globalThis as unknown as { gazetteDb?: Connection };

export function getConnection(): Connection {
  if (!globalForDb.gazetteDb) {
    const connection = openConnection();
    globalForDb.gazetteDb = connection;
    // Checkpoints the WAL and releases the file when the server exits.
    onShutdown('close database', () => connection.sqlite.close(), 100);
  }
  return globalForDb.gazetteDb;
}

export function getDb(): DB {
  return getConnection().db;
}
