import 'server-only';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { schedulerLease } from '@/db/schema';
import { PUBLISH_DUE_LEASE, type SchedulerRunReport } from '@/lib/newsroom/scheduler-report';
import type { Done, Refused } from './common';

// One scheduler for the cluster. Every server instance sharing the data folder ticks; on each
// tick it claims the lease, and only the instance that gets it publishes. The holder renews it on
// every tick, so it keeps it while it lives; one that dies stops renewing and any other takes it
// over once `expiresAt` has passed; one that stops gracefully lets it go, and the next tick of
// any instance takes it at once. Not audited: renewals come every few seconds (like the editor's
// heartbeats in ./presence.ts), and no reader page shows the lease.

export type ClaimLeaseResult = Done<{ expiresAt: Date }> | Refused<'held_elsewhere', { holder: string | null; expiresAt: Date }>;

// Takes the lease if it is free, lapsed or already ours, in one statement, so two instances
// claiming at the same moment cannot both win.
export async function claimSchedulerLease(holder: string, now: Date, leaseMs: number, db: DB = getDb()): Promise<ClaimLeaseResult> {
  const expiresAt = new Date(now.getTime() + leaseMs);
  return db.transaction((tx) => {
    const won = tx
      .insert(schedulerLease)
      .values({ name: PUBLISH_DUE_LEASE, holder, expiresAt })
      .onConflictDoUpdate({
        target: schedulerLease.name,
        set: { holder, expiresAt },
        setWhere: or(isNull(schedulerLease.holder), eq(schedulerLease.holder, holder), lte(schedulerLease.expiresAt, now)),
      })
      .returning({ expiresAt: schedulerLease.expiresAt })
      .get();
    if (won) return { ok: true, expiresAt: won.expiresAt, invalidates: [] };
    const current = tx
      .select({ holder: schedulerLease.holder, expiresAt: schedulerLease.expiresAt })
      .from(schedulerLease)
      .where(eq(schedulerLease.name, PUBLISH_DUE_LEASE))
      .get();
    return { ok: false, reason: 'held_elsewhere', holder: current?.holder ?? null, expiresAt: current?.expiresAt ?? now };
  });
}

// Lets the lease go on a graceful stop. Synchronous underneath (better-sqlite3), so it completes
// from an exit hook (platform/shutdown.ts). A lease held by someone else is left alone.
export async function releaseSchedulerLease(holder: string, now: Date, db: DB = getDb()): Promise<Done<{ released: boolean }>> {
  return db.transaction((tx) => {
    const released = tx
      .update(schedulerLease)
      .set({ holder: null, expiresAt: now })
      .where(and(eq(schedulerLease.name, PUBLISH_DUE_LEASE), eq(schedulerLease.holder, holder)))
      .run();
    return { ok: true, released: released.changes > 0, invalidates: [] };
  });
}

// Keeps the last run's report beside the lease, for every instance's /api/health to read. The
// run happened whether or not the lease has since passed on, so it is recorded either way.
export async function recordSchedulerRun(holder: string, report: SchedulerRunReport, db: DB = getDb()): Promise<Done> {
  return db.transaction((tx) => {
    tx.update(schedulerLease)
      .set({
        lastRunAt: report.at,
        lastRunBy: holder,
        lastPublishedCount: report.publishedCount,
        lastFailedCount: report.failedCount,
        lastError: report.error,
      })
      .where(eq(schedulerLease.name, PUBLISH_DUE_LEASE))
      .run();
    return { ok: true, invalidates: [] };
  });
}
