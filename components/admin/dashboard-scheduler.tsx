import type { SchedulerFailure } from '@/lib/newsroom/scheduler-report';
import { formatDateTime } from '@/lib/time/dates';

// The scheduler's health on the dashboard: when it last ran and what it could not publish.
export function DashboardScheduler({
  lastRunAt,
  running,
  intervalMs,
  lastError,
  failures,
  timeZone,
}: {
  lastRunAt: string | null;
  running: boolean;
  intervalMs: number;
  lastError: string | null;
  failures: SchedulerFailure[];
  timeZone: string;
}) {
  return (
    <section aria-labelledby="scheduler-title" data-testid="dashboard-scheduler" className="rounded-lg border border-rule bg-paper">
      <div className="border-b border-rule px-5 py-3">
        <h2 id="scheduler-title" className="text-base font-bold">
          Scheduler
        </h2>
      </div>
      <div className="space-y-3 px-5 py-4 text-sm">
        <p data-testid="scheduler-last-run">
          {lastRunAt ? (
            <>
              Last ran <time dateTime={lastRunAt}>{formatDateTime(new Date(lastRunAt), timeZone)}</time>
            </>
          ) : (
            'Has not run yet.'
          )}
          <span className="text-muted">
            {running ? ` · checks every ${Math.round(intervalMs / 1000)} s` : ' · not running in this server process'}
          </span>
        </p>
        {lastError ? (
          <p className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 font-medium text-accent">The last run failed: {lastError}</p>
        ) : null}
        {failures.length === 0 ? (
          <p className="text-muted">Every article that fell due went live.</p>
        ) : (
          <div>
            <p className="font-semibold text-accent">
              {failures.length === 1 ? 'One article could not be published:' : `${failures.length} articles could not be published:`}
            </p>
            <ul className="mt-2 space-y-2" data-testid="scheduler-failures">
              {failures.map((f) => (
                <li key={f.articleId} className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2">
                  <a href={`/admin/articles/${f.articleId}`} className="font-semibold hover:underline">
                    {f.title}
                  </a>
                  <p className="mt-0.5">{f.reason}</p>
                  <p className="mt-0.5 text-xs text-muted">
                    Failing since {formatDateTime(new Date(f.since), timeZone)}; it stays scheduled and is tried again on every run.
                  </p>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
