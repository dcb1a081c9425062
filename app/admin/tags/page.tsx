import type { Metadata } from 'next';
import { listAdminTags, TAGS_PER_PAGE } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/lib/auth-guards';
import { CreateTagForm, EditTagForms } from './tag-forms';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage({ searchParams }: PageProps<'/admin/tags'>) {
  await requirePermission('tag.manage');
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 120) : '';
  const pageParam = Number(typeof params.page === 'string' ? params.page : '1');
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const { rows, total } = await listAdminTags({ q, page });
  const pageCount = Math.max(1, Math.ceil(total / TAGS_PER_PAGE));
  const link = (p: number) => `/admin/tags?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Tags</h1>
        <p className="mt-1 text-muted">Rename, merge and delete the site&apos;s topics. A changed slug or a merge leaves a permanent redirect.</p>
      </div>

      <section aria-labelledby="create-title" className="rounded-lg border border-rule bg-paper p-6">
        <h2 id="create-title" className="mb-4 text-lg font-bold">
          New tag
        </h2>
        <CreateTagForm />
      </section>

      <section aria-labelledby="list-title" className="rounded-lg border border-rule bg-paper">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule px-6 py-4">
          <h2 id="list-title" className="text-lg font-bold">
            All tags <span className="font-normal text-muted">({total})</span>
          </h2>
          <form role="search" method="get" action="/admin/tags" className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              Search tags
            </label>
            <input id="q" name="q" type="search" defaultValue={q} placeholder="Search tags" className="rounded-md border border-rule bg-paper px-3 py-1.5 text-sm" />
            <button type="submit" className="rounded-md border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
              Search
            </button>
          </form>
        </div>
        {rows.length === 0 ? (
          <p className="px-6 py-6 text-muted">{q ? 'No tag matches that search.' : 'No tags yet.'}</p>
        ) : (
          <ul className="divide-y divide-rule">
            {rows.map((t) => (
              <li key={t.id} data-testid={`tag-row-${t.slug}`} className="px-6 py-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-semibold">{t.name}</span>{' '}
                    <a href={`/tag/${t.slug}`} className="font-mono text-sm text-muted underline">
                      /tag/{t.slug}
                    </a>
                  </p>
                  <p className="text-sm text-muted" data-testid="tag-count">
                    {t.articleCount} {t.articleCount === 1 ? 'article' : 'articles'}
                  </p>
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-semibold underline">
                    Edit, merge or delete<span className="sr-only"> {t.name}</span>
                  </summary>
                  <EditTagForms id={t.id} initial={{ name: t.name, slug: t.slug, description: t.description }} />
                </details>
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex justify-between border-t border-rule px-6 py-3 text-sm">
            {page > 1 ? <a href={link(page - 1)}>← Previous</a> : <span />}
            <span className="text-muted">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? <a href={link(page + 1)}>Next →</a> : <span />}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
