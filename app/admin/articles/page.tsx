import type { Metadata } from 'next';
import { DeleteArticleButton, RestoreArticleButton } from '@/components/admin/article-list-actions';
import { ArticleListFilters } from '@/components/admin/article-list-filters';
import { ArticleStatusBadge, PendingChangesBadge } from '@/components/admin/article-list-status';
import { Card } from '@/components/ui';
import { listAdminArticleFilterOptions, listAdminArticles, type AdminArticleRow } from '@/db/queries/admin-articles';
import { getSiteSettings } from '@/db/queries/site';
import {
  ADMIN_STATUS_TABS,
  adminArticlesHref,
  decideAdminArticleFilters,
  STATUS_TAB_LABELS,
  type AdminArticleFilters,
} from '@/lib/articles/list-filters';
import { requirePermission } from '@/server/session';
import { formatDateTime } from '@/lib/time/dates';
import { can, scopeOf } from '@/lib/newsroom/permissions';

export const metadata: Metadata = { title: 'Articles' };

function when(row: AdminArticleRow, filters: AdminArticleFilters, tz: string): string {
  if (row.deletedAt) return `Deleted ${formatDateTime(row.deletedAt, tz)}`;
  if (row.status === 'scheduled' && row.scheduledAt) return `Goes live ${formatDateTime(row.scheduledAt, tz)}`;
  if (filters.sort === 'published' && row.publishedAt) return `Published ${formatDateTime(row.publishedAt, tz)}`;
  return `Edited ${formatDateTime(row.modifiedAt, tz)}`;
}

export default async function ArticlesPage({ searchParams }: PageProps<'/admin/articles'>) {
  const user = await requirePermission('admin.access');
  const scope = scopeOf(user.role, 'article.edit') === 'any' ? 'any' : 'own';
  const mayViewDeleted = can(user, 'article.restore');
  const filters = decideAdminArticleFilters(await searchParams, { mayViewDeleted });
  const [{ timeZone }, list, options] = await Promise.all([
    getSiteSettings(),
    listAdminArticles(filters, { id: user.id, scope }),
    listAdminArticleFilterOptions(),
  ]);
  const page = Math.min(filters.page, list.pageCount);
  const tabs = ADMIN_STATUS_TABS.filter((t) => t !== 'deleted' || mayViewDeleted);
  const filtered = filters.sectionId || filters.bylineId || filters.tagId || filters.q;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-3xl font-bold">Articles</h1>
          <p className="mt-1 text-sm text-muted">
            {scope === 'any' ? "The whole desk's articles." : 'Articles you created or are assigned to.'} Times are in {timeZone}.
          </p>
        </div>
        <a href="/admin/articles/new" className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper no-underline hover:bg-ink/85">
          New article
        </a>
      </div>

      <nav aria-label="Status" className="overflow-x-auto border-b border-rule">
        <ul className="flex gap-1 text-sm font-semibold whitespace-nowrap">
          {tabs.map((tab) => (
            <li key={tab}>
              <a
                href={adminArticlesHref(filters, { status: tab, page: 1 })}
                aria-current={tab === filters.status ? 'page' : undefined}
                data-testid={`tab-${tab}`}
                className="-mb-px block border-b-2 border-transparent px-3 py-2 text-muted no-underline hover:text-ink aria-[current=page]:border-ink aria-[current=page]:text-ink"
              >
                {STATUS_TAB_LABELS[tab]} <span className="font-normal tabular-nums">({list.counts[tab].toLocaleString('en-US')})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Card headingId="list-title" title={<>{STATUS_TAB_LABELS[filters.status]} articles</>} headingClassName="sr-only">
        <ArticleListFilters filters={filters} options={options} />
        <p className="border-t border-rule px-5 py-2 text-sm text-muted" data-testid="list-total">
          {list.total.toLocaleString('en-US')} {list.total === 1 ? 'article' : 'articles'}
          {filtered ? ' match these filters' : ''}
        </p>
        {list.rows.length === 0 ? (
          <p className="border-t border-rule px-5 py-8 text-center text-muted">
            {filtered ? 'No article matches these filters.' : filters.status === 'deleted' ? 'Nothing has been deleted.' : 'No articles here yet.'}
          </p>
        ) : (
          <ul className="divide-y divide-rule border-t border-rule">
            {list.rows.map((row) => (
              <li key={row.id} data-testid={`article-row-${row.id}`} className="grid gap-3 px-5 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <ArticleStatusBadge status={row.status} deleted={row.deletedAt !== null} />
                    {row.pendingSavedAt && !row.deletedAt ? <PendingChangesBadge savedAt={formatDateTime(row.pendingSavedAt, timeZone)} /> : null}
                    <a href={`/admin/articles/${row.id}`} className="font-semibold break-words hover:text-accent hover:underline">
                      {row.title || 'Untitled'}
                    </a>
                  </div>
                  <p className="mt-1 text-xs break-words text-muted">
                    {[
                      row.section?.name ?? 'No section',
                      row.bylines.length ? row.bylines.join(', ') : null,
                      when(row, filters, timeZone),
                      row.assigneeName ? `assigned to ${row.assigneeName}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                <div className="flex gap-2 sm:justify-end">
                  {row.deletedAt ? (
                    mayViewDeleted ? <RestoreArticleButton id={row.id} title={row.title} /> : null
                  ) : can(user, 'article.delete', { ownerId: row.createdBy }) ? (
                    <DeleteArticleButton id={row.id} version={row.version} title={row.title} />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        {list.pageCount > 1 ? (
          <nav aria-label="Pages" className="flex items-center justify-between border-t border-rule px-5 py-3 text-sm">
            {page > 1 ? (
              <a href={adminArticlesHref(filters, { page: page - 1 })} rel="prev" className="font-semibold">
                ← Previous
              </a>
            ) : (
              <span />
            )}
            <span className="text-muted" data-testid="page-of">
              Page {page} of {list.pageCount}
            </span>
            {page < list.pageCount ? (
              <a href={adminArticlesHref(filters, { page: page + 1 })} rel="next" className="font-semibold">
                Next →
              </a>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
