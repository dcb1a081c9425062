import type { Metadata } from 'next';
import { getSiteSettings } from '@/db/queries/site';
import { listRedirects, REDIRECTS_PER_PAGE } from '@/db/queries/redirect-list';
import { requirePermission } from '@/lib/auth-guards';
import { formatDateTime } from '@/lib/dates';
import { deleteRedirectAction } from './actions';
import { AddRedirectForm } from './redirect-forms';

export const metadata: Metadata = { title: 'Redirects' };

export default async function RedirectsPage({ searchParams }: PageProps<'/admin/redirects'>) {
  await requirePermission('redirect.manage');
  const [{ timeZone }, params] = await Promise.all([getSiteSettings(), searchParams]);
  const q = typeof params.q === 'string' ? params.q.slice(0, 200) : '';
  const pageParam = Number(typeof params.page === 'string' ? params.page : '1');
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const { rows, total } = await listRedirects({ q, page });
  const pageCount = Math.max(1, Math.ceil(total / REDIRECTS_PER_PAGE));
  const link = (p: number) => `/admin/redirects?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Redirects</h1>
        <p className="mt-1 text-muted">
          Old addresses answer with a permanent redirect to the live page. Loops and chains are refused.
        </p>
      </div>

      <section aria-labelledby="add-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="add-title" className="mb-4 text-lg font-bold">
          Add redirect
        </h2>
        <AddRedirectForm />
      </section>

      <section aria-labelledby="list-title" className="rounded-lg border border-rule bg-paper">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule px-6 py-4">
          <h2 id="list-title" className="text-lg font-bold">
            All redirects <span className="font-normal text-muted">({total})</span>
          </h2>
          <form role="search" method="get" action="/admin/redirects" className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              Search paths
            </label>
            <input id="q" name="q" type="search" defaultValue={q} placeholder="Search paths" className="rounded-md border border-rule bg-paper px-3 py-1.5 text-sm" />
            <button type="submit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
              Search
            </button>
          </form>
        </div>
        {rows.length === 0 ? (
          <p className="px-6 py-6 text-muted">{q ? 'No redirect matches that search.' : 'No redirects yet.'}</p>
        ) : (
          <ul className="divide-y divide-rule">
            {rows.map((r) => (
              <li key={r.id} data-testid={`redirect-row-${r.from}`} className="grid gap-2 px-6 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
                <div className="min-w-0">
                  <p className="font-mono text-sm break-all">
                    {r.from} <span aria-label="redirects to">→</span> {r.to}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-2 text-xs text-muted">
                    <span className="rounded bg-panel px-1.5 py-0.5 font-semibold text-ink">{r.source === 'auto' ? 'Automatic' : 'Manual'}</span>
                    <span>
                      {r.createdByName ? `${r.createdByName}, ` : ''}
                      {formatDateTime(r.createdAt, timeZone)}
                    </span>
                  </p>
                </div>
                <details className="text-sm">
                  <summary className="cursor-pointer rounded-md border border-accent px-3 py-1.5 font-semibold text-accent">
                    Delete<span className="sr-only"> redirect from {r.from}</span>
                  </summary>
                  <form action={deleteRedirectAction} className="mt-2">
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-semibold text-accent-ink">
                      Confirm delete<span className="sr-only"> of redirect from {r.from}</span>
                    </button>
                  </form>
                </details>
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex justify-between border-t border-rule px-6 py-3 text-sm">
            {page > 1 ? <a href={link(page - 1)}>← Newer</a> : <span />}
            <span className="text-muted">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <a href={link(page + 1)}>Older →</a> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
