import type { Metadata } from 'next';
import { DashboardPanel } from '@/components/admin/dashboard-panel';
import { DashboardScheduler } from '@/components/admin/dashboard-scheduler';
import { roleLabel } from '@/components/admin/role-label';
import { getDashboard, getSchedulerReport, listLiveArticlesWithExpiredRights } from '@/db/queries/dashboard';
import { getSiteSettings } from '@/db/queries/site';
import { requirePermission } from '@/server/session';
import { scopeOf } from '@/lib/newsroom/permissions';
import { formatDateTime } from '@/lib/time/dates';
import { getSchedulerStatus } from '@/server/scheduler';

export const metadata: Metadata = { title: 'Dashboard' };

const PLACE = { hero: 'Hero', social: 'Social image', body: 'Image in the body' } as const;

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

export default async function DashboardPage() {
  const user = await requirePermission('admin.access');
  const scope = scopeOf(user.role, 'article.edit') === 'any' ? 'any' : 'own';
  // Pulling or fixing a live story is for those who may publish anyone's (lib/newsroom/permissions.ts).
  const seesRights = scopeOf(user.role, 'article.publish') === 'any';
  const [{ timeZone }, dashboard, report, expiredRights] = await Promise.all([
    getSiteSettings(),
    getDashboard({ id: user.id, scope }),
    getSchedulerReport(),
    seesRights ? listLiveArticlesWithExpiredRights() : Promise.resolve(null),
  ]);
  const status = getSchedulerStatus();
  // Writers see failures of their own scheduled articles; editors the whole desk's.
  const mine = new Set(dashboard.scheduled.map((a) => a.id));
  const failures = scope === 'any' ? report.failures : report.failures.filter((f) => mine.has(f.articleId));
  const isEditor = scope === 'any';
  const when = (d: Date) => formatDateTime(d, timeZone);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">Good to see you, {user.name.split(' ')[0]}</h1>
          <p className="mt-1 text-sm text-muted">
            Signed in as <span data-testid="dashboard-role">{roleLabel(user.role)}</span>. Times are in the newsroom&apos;s zone ({timeZone}).
          </p>
        </div>
        <div className="flex gap-2">
          <a href="/admin/articles" className="rounded-md border border-rule bg-paper px-4 py-2 text-sm font-semibold no-underline hover:border-ink">
            All articles
          </a>
          <a href="/admin/articles/new" className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper no-underline hover:bg-ink/85">
            New article
          </a>
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {expiredRights && expiredRights.length > 0 ? (
          <DashboardPanel id="expired-rights" title="Live with expired image rights" items={expiredRights} empty="" tone="warning">
            {(a) =>
              a.images
                .map((image) => `${PLACE[image.place]} “${image.label}”: rights expired ${when(image.expiredAt)}`)
                .join(' · ')
            }
          </DashboardPanel>
        ) : null}
        <DashboardPanel id="drafts" title="My drafts" items={dashboard.myDrafts} empty="No drafts of yours. Start one with “New article”." moreHref="/admin/articles?status=draft">
          {(a) => `${a.section ?? 'No section'} · edited ${when(a.modifiedAt)}`}
        </DashboardPanel>
        <DashboardPanel
          id="review"
          title={isEditor ? 'Waiting for review' : 'Waiting for review (yours)'}
          items={dashboard.waitingForReview}
          empty={isEditor ? 'Nothing is waiting for review.' : 'Nothing assigned to you is waiting for review.'}
          moreHref="/admin/articles?status=in_review"
        >
          {(a) =>
            [
              a.assigneeName ? `Assigned to ${a.assigneeName}` : 'Unassigned',
              a.reviewDeadline ? `due ${when(a.reviewDeadline)}` : 'no deadline',
              a.createdByName ? `by ${a.createdByName}` : null,
            ]
              .filter(Boolean)
              .join(' · ')
          }
        </DashboardPanel>
        <DashboardPanel
          id="approved"
          title={isEditor ? 'Approved, ready to publish' : 'Approved (yours)'}
          items={dashboard.approved}
          empty="Nothing approved is waiting to go out."
          moreHref="/admin/articles?status=approved"
        >
          {(a) => [a.section ?? 'No section', `approved ${when(a.modifiedAt)}`, a.createdByName ? `by ${a.createdByName}` : null].filter(Boolean).join(' · ')}
        </DashboardPanel>
        <DashboardPanel id="scheduled" title="Scheduled" items={dashboard.scheduled} empty="Nothing is scheduled." moreHref="/admin/articles?status=scheduled">
          {(a) => `${a.section ?? 'No section'} · goes live ${a.scheduledAt ? when(a.scheduledAt) : '(no time set)'}`}
        </DashboardPanel>
        <DashboardScheduler
          lastRunAt={latest(status.lastRunAt, report.lastRunAt)}
          running={status.running}
          intervalMs={status.intervalMs}
          lastError={status.lastError}
          failures={failures}
          timeZone={timeZone}
        />
        <DashboardPanel id="published" title="Recently published" items={dashboard.recentlyPublished} empty="Nothing published yet." moreHref="/admin/articles?status=published&sort=published">
          {(a) => `${a.section ?? 'No section'} · ${a.publishedAt ? when(a.publishedAt) : ''}`}
        </DashboardPanel>
        <DashboardPanel id="most-read" title="Most read today" items={dashboard.mostReadToday} empty="No views counted yet today (the day is counted in UTC).">
          {(a) => `${a.section ?? 'No section'} · ${(a.views ?? 0).toLocaleString('en-US')} ${a.views === 1 ? 'view' : 'views'} today`}
        </DashboardPanel>
      </div>
    </div>
  );
}
