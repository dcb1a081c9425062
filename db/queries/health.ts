import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { schedulerLease } from '@/db/schema';
import { PUBLISH_DUE_LEASE, type SchedulerLeaseState } from '@/lib/newsroom/scheduler-report';
import { checkDatabaseFile } from '@/platform/db-file-health';
import { getDatabasePath } from '@/platform/paths';

export interface DatabaseHealth {
  ok: boolean;
  migrationsApplied: number;
  migrationsExpected: number;
  error?: string;
}

function expectedMigrations(): number {
  const journal = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations', 'meta', '_journal.json');
  const parsed = JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: unknown[] };
  return parsed.entries.length;
}

// Readiness of the database: reachable, answering, and every migration applied.
export async function checkDatabase(): Promise<DatabaseHealth> {
  const file = checkDatabaseFile(getDatabasePath());
  if (!file.ok) return { ok: false, migrationsApplied: 0, migrationsExpected: 0, error: file.error };
  try {
    const row = await getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`);
    await getDb().get(sql`SELECT id FROM articles LIMIT 1`);
    const applied = row?.n ?? 0;
    const expected = expectedMigrations();
    return { ok: applied >= expected && expected > 0, migrationsApplied: applied, migrationsExpected: expected };
  } catch (error) {
    return {
      ok: false,
      migrationsApplied: 0,
      migrationsExpected: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

// The cluster's scheduler as the database records it (db/mutations/scheduler-lease.ts): who holds
// the lease, until when, and the last run. Null before any instance has ticked.
export async function getSchedulerLeaseState(): Promise<SchedulerLeaseState | null> {
  const [row] = await getDb().select().from(schedulerLease).where(eq(schedulerLease.name, PUBLISH_DUE_LEASE)).limit(1);
  if (!row) return null;
  return {
    holder: row.holder,
    expiresAt: row.expiresAt,
    lastRun: row.lastRunAt
      ? { at: row.lastRunAt, by: row.lastRunBy, publishedCount: row.lastPublishedCount, failedCount: row.lastFailedCount, error: row.lastError }
      : null,
  };
}
