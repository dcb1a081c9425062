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
