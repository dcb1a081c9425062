import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

// drizzle's own bookkeeping, kept exactly as drizzle-orm's SQLite migrator keeps it
// (node_modules/drizzle-orm/sqlite-core/dialect.js, `migrate`): one row per applied migration
// with the SHA-256 of its .sql file and the journal's `when` as created_at. A migration counts
// as applied when its `when` is not newer than the newest created_at, so databases migrated
// by drizzle's migrator and by this one are the same to both.
const TABLE = '__drizzle_migrations';

export interface MigrationRun {
  applied: number;
}

// Applies the migrations of db/migrations/meta/_journal.json that the database lacks, all in one
// transaction. drizzle's migrator reads the newest applied migration before a plain BEGIN, so two
// processes opening an empty database at once both decide to apply the same migrations and one
// fails with "table already exists". Here the decision is made after BEGIN IMMEDIATE, under
// SQLite's write lock: whoever comes second waits (up to `busyTimeoutMs`) and then finds nothing
// left to do. A database that is already up to date is recognised by a read, without the lock,
// so opening it never waits for another process's long write (a seed, a backup restore check).
export function applyMigrations(sqlite: Database.Database, migrationsFolder: string, busyTimeoutMs: number): MigrationRun {
  const migrations = readMigrationFiles({ migrationsFolder });
  const newest = Math.max(0, ...migrations.map((m) => m.folderMillis));
  if (lastAppliedAt(sqlite) >= newest) return { applied: 0 };

  const previousTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  try {
    return sqlite
      .transaction((): MigrationRun => {
        sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
        const last = lastAppliedAt(sqlite);
        const record = sqlite.prepare(`INSERT INTO ${TABLE} ("hash", "created_at") VALUES (?, ?)`);
        let applied = 0;
        for (const migration of migrations) {
          if (migration.folderMillis <= last) continue;
          for (const statement of migration.sql) sqlite.exec(statement);
          record.run(migration.hash, migration.folderMillis);
          applied++;
        }
        return { applied };
      })
      .immediate();
  } finally {
    sqlite.pragma(`busy_timeout = ${previousTimeout}`);
  }
}

// The journal time of the newest applied migration, 0 when none is.
function lastAppliedAt(sqlite: Database.Database): number {
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(TABLE);
  if (!exists) return 0;
  const row = sqlite.prepare(`SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1`).get() as
    | { created_at: number | string }
    | undefined;
  return row ? Number(row.created_at) : 0;
}
