import type { Metadata } from 'next';
import { ItemList, ListPage, ListPager, ListSearch, readListParams } from '@/components/ui';
import { getSiteSettings } from '@/db/queries/site';
import { listRedirects, REDIRECTS_PER_PAGE } from '@/db/queries/redirect-list';
import { requirePermission } from '@/server/session';
import { formatDateTime } from '@/lib/time/dates';
import { deleteRedirectAction } from './actions';
import { AddRedirectForm } from './redirect-forms';

export const metadata: Metadata = { title: 'Redirects' };

export default async function RedirectsPage({ searchParams }: PageProps<'/admin/redirects'>) {
  await requirePermission('redirect.manage');
  const [{ timeZone }, params] = await Promise.all([getSiteSettings(), searchParams]);
  const { q, page } = readListParams(params, 200);
  const { rows, total } = await listRedirects({ q, page });
  return (
    <ListPage
      title="Redirects"
      intro="Old addresses answer with a permanent redirect to the live page. Loops and chains are refused."
      create={{ headingId: 'add-title', title: 'Add redirect', children: <AddRedirectForm /> }}
      list={{ title: 'All redirects', count: total, search: <ListSearch action="/admin/redirects" label="Search paths" query={q} /> }}
    >
      <ItemList items={rows} empty={q ? 'No redirect matches that search.' : 'No redirects yet.'}>
        {(r) => (
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
        )}
      </ItemList>
      <ListPager action="/admin/redirects" query={q} page={page} total={total} perPage={REDIRECTS_PER_PAGE} previousLabel="← Newer" nextLabel="Older →" />
    </ListPage>
  );
}
