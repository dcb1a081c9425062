// What the scheduler remembers between runs (and restarts), stored as one settings row so the
// dashboard can show it: when it last ran, and each scheduled article it could not publish, with
// the reason. Pure helpers; db/mutations/scheduled.ts writes the row, db/queries/dashboard.ts reads it.

export const SCHEDULER_SETTINGS_KEY = 'scheduler';

export interface SchedulerFailure {
  articleId: number;
  title: string;
  reason: string;
  // When it first failed, and when it was last tried (ISO).
  since: string;
  lastTriedAt: string;
}

export interface SchedulerReport {
  lastRunAt: string | null;
  lastPublishedIds: number[];
  failures: SchedulerFailure[];
}

export const EMPTY_SCHEDULER_REPORT: SchedulerReport = { lastRunAt: null, lastPublishedIds: [], failures: [] };

// A stored value as a report, whatever was stored (hand edits, older shapes).
export function parseSchedulerReport(value: unknown): SchedulerReport {
  if (!value || typeof value !== 'object') return EMPTY_SCHEDULER_REPORT;
  const v = value as Record<string, unknown>;
  const failures = Array.isArray(v.failures)
    ? v.failures.flatMap((f): SchedulerFailure[] => {
        if (!f || typeof f !== 'object') return [];
        const r = f as Record<string, unknown>;
        if (typeof r.articleId !== 'number' || typeof r.reason !== 'string') return [];
        const since = typeof r.since === 'string' ? r.since : new Date(0).toISOString();
        return [
          {
            articleId: r.articleId,
            title: typeof r.title === 'string' ? r.title : `Article ${r.articleId}`,
            reason: r.reason,
            since,
            lastTriedAt: typeof r.lastTriedAt === 'string' ? r.lastTriedAt : since,
          },
        ];
      })
    : [];
  return {
    lastRunAt: typeof v.lastRunAt === 'string' ? v.lastRunAt : null,
    lastPublishedIds: Array.isArray(v.lastPublishedIds) ? v.lastPublishedIds.filter((n): n is number => typeof n === 'number') : [],
    failures,
  };
}

// The failures after a run: this run's, each keeping the time it first failed if it was
// already failing. An article that published, or is no longer due, drops out.
export function mergeFailures(
  previous: SchedulerFailure[],
  current: { articleId: number; title: string; reason: string }[],
  now: Date,
): SchedulerFailure[] {
  const before = new Map(previous.map((f) => [f.articleId, f]));
  return current.map((f) => ({
    ...f,
    since: before.get(f.articleId)?.since ?? now.toISOString(),
    lastTriedAt: now.toISOString(),
  }));
}

// One scheduler runs for the whole cluster: the instance holding the lease of this name in the
// scheduler_lease table (db/mutations/scheduler-lease.ts), which also keeps its last run.
export const PUBLISH_DUE_LEASE = 'publish-due';

// One run, as the instance that ran it saw it. `error` says why it could not reach the publish
// route at all; articles it could not publish are counted in `failedCount` (and listed above).
export interface SchedulerRunReport {
  at: Date;
  publishedCount: number;
  failedCount: number;
  error: string | null;
}

export interface SchedulerLeaseState {
  holder: string | null;
  expiresAt: Date;
  lastRun: (SchedulerRunReport & { by: string | null }) | null;
}

export interface SchedulerHealth {
  ok: boolean;
  // Publishing runs somewhere in the cluster: some instance holds an unexpired lease, or this
  // one has just started and claims it on its first tick.
  running: boolean;
  holder: string | null;
  heldHere: boolean;
  leaseExpiresAt: string | null;
  lastRunAt: string | null;
  lastRunBy: string | null;
  lastPublishedCount: number;
  lastFailedCount: number;
  lastError: string | null;
}

// Room for a survivor's next tick to claim a lapsed lease, and for that tick to finish.
const TAKEOVER_SLACK_MS = 5_000;

// Whether the cluster's scheduler is alive, as any instance sees it from the shared lease row. A
// lease that lapsed less than one interval ago counts as alive (any instance's next tick takes it
// over), and so does a process that has only just started and not ticked yet (`starting`).
// Answering the same on every instance, holder or not, keeps a load balancer from dropping the
// ones that do not publish.
export function decideSchedulerHealth(
  lease: SchedulerLeaseState | null,
  here: { instanceId: string; now: Date; intervalMs: number; starting: boolean },
): SchedulerHealth {
  const now = here.now.getTime();
  const held = lease !== null && lease.holder !== null && lease.expiresAt.getTime() > now;
  const takingOver = lease !== null && now < lease.expiresAt.getTime() + here.intervalMs + TAKEOVER_SLACK_MS;
  return {
    ok: held || takingOver || here.starting,
    running: held || here.starting,
    holder: held ? lease.holder : null,
    heldHere: held && lease.holder === here.instanceId,
    leaseExpiresAt: lease ? lease.expiresAt.toISOString() : null,
    lastRunAt: lease?.lastRun ? lease.lastRun.at.toISOString() : null,
    lastRunBy: lease?.lastRun?.by ?? null,
    lastPublishedCount: lease?.lastRun?.publishedCount ?? 0,
    lastFailedCount: lease?.lastRun?.failedCount ?? 0,
    lastError: lease?.lastRun?.error ?? null,
  };
}
