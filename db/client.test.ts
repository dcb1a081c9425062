import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from './client';

// Another process writing while the server's transaction runs (npm run user, a backup, the e2e
// suite): simulated with a second connection that writes from inside the transaction.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-client-'));
const file = path.join(dir, 'gazette.db');
const { db, sqlite } = openConnection(file);
db.run(sql`CREATE TABLE counter (n INTEGER NOT NULL)`);
db.run(sql`INSERT INTO counter (n) VALUES (0)`);
const other = new Database(file);
other.pragma('busy_timeout = 0');

afterAll(() => {
  other.close();
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const readThenWrite = (between: () => void, config?: { behavior: 'deferred' | 'immediate' }) =>
  db.transaction((tx) => {
    const { n } = tx.get<{ n: number }>(sql`SELECT n FROM counter`);
    between();
    tx.run(sql`UPDATE counter SET n = ${n + 1}`);
  }, config);

describe('transactions', () => {
  it('take the write lock first: another writer waits, and the read-then-write never fails half-way', () => {
    let otherWrote = true;
    readThenWrite(() => {
      try {
        other.prepare('UPDATE counter SET n = 100').run();
      } catch (error) {
        otherWrote = false;
        expect((error as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
      }
    });
    expect(otherWrote).toBe(false);
    expect(other.prepare('SELECT n FROM counter').pluck().get()).toBe(1);
  });

  it('would fail with "database is locked" as DEFERRED (why IMMEDIATE is the default)', () => {
    let failure: unknown = null;
    try {
      readThenWrite(() => other.prepare('UPDATE counter SET n = 100').run(), { behavior: 'deferred' });
    } catch (error) {
      failure = error;
    }
    const cause = (failure as { cause?: { code?: string; message?: string } } | null)?.cause;
    expect(cause?.code).toMatch(/^SQLITE_BUSY/);
    expect(cause?.message).toBe('database is locked');
  });
});
