import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';

// Databases migrated by drizzle's own migrator (every database made before db/migrate.ts) and by
// db/migrate.ts must look the same to both: same bookkeeping rows, nothing applied twice.

const MIGRATIONS = path.resolve(__dirname, 'migrations');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-migrate-'));
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
let n = 0;

function open(): Database.Database {
  return new Database(path.join(dir, `db-${n++}.sqlite`));
}

// A copy of the migrations folder whose journal stops after the first `count` entries: a
// database made by an older release.
function olderRelease(count: number): string {
  const folder = path.join(dir, `migrations-${count}`);
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return folder;
}

const bookkeeping = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all();
// The bookkeeping table's CREATE text differs in whitespace only; its columns are compared instead.
const objects = (sqlite: Database.Database) => [
  sqlite.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY type, name`).all(),
  sqlite.pragma('table_info(__drizzle_migrations)'),
];

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('applyMigrations', () => {
  it('keeps the same bookkeeping and schema as drizzle, and finds nothing to do in a database drizzle migrated', () => {
    const byDrizzle = open();
    migrate(drizzle(byDrizzle), { migrationsFolder: MIGRATIONS });
    const byUs = open();
    expect(applyMigrations(byUs, MIGRATIONS, 1_000)).toEqual({ applied: journal.entries.length });
    expect(bookkeeping(byUs)).toEqual(bookkeeping(byDrizzle));
    expect(objects(byUs)).toEqual(objects(byDrizzle));

    expect(applyMigrations(byDrizzle, MIGRATIONS, 1_000)).toEqual({ applied: 0 });
    expect(bookkeeping(byDrizzle)).toHaveLength(journal.entries.length);
    // …and drizzle's migrator finds nothing to do in ours.
    expect(() => migrate(drizzle(byUs), { migrationsFolder: MIGRATIONS })).not.toThrow();
    expect(bookkeeping(byUs)).toHaveLength(journal.entries.length);
    for (const sqlite of [byDrizzle, byUs]) sqlite.close();
  });

  it('applies only what a database of an older release lacks', () => {
    const sqlite = open();
    migrate(drizzle(sqlite), { migrationsFolder: olderRelease(3) });
    expect(applyMigrations(sqlite, MIGRATIONS, 1_000)).toEqual({ applied: journal.entries.length - 3 });
    const reference = open();
    applyMigrations(reference, MIGRATIONS, 1_000);
    expect(bookkeeping(sqlite)).toEqual(bookkeeping(reference));
    expect(objects(sqlite)).toEqual(objects(reference));
    for (const db of [sqlite, reference]) db.close();
  });

  it('leaves nothing behind when a migration fails', () => {
    const folder = olderRelease(journal.entries.length);
    const last = journal.entries.at(-1)?.tag as string;
    fs.appendFileSync(path.join(folder, `${last}.sql`), '\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const sqlite = open();
    expect(() => applyMigrations(sqlite, folder, 1_000)).toThrow(/syntax error/);
    expect(sqlite.prepare(`SELECT name FROM sqlite_master`).all()).toEqual([]);
    sqlite.close();
  });
});
