import type { Metadata } from 'next';
import { ItemList, ListPager, ListPanel, ListSearch, PageHeader, Panel, readListParams } from '@/components/ui';
import { listAdminTags, TAGS_PER_PAGE } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateTagForm, EditTagForms } from './tag-forms';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage({ searchParams }: PageProps<'/admin/tags'>) {
  await requirePermission('tag.manage');
  const params = await searchParams;
  const { q, page } = readListParams(params, 120);
  const { rows, total } = await listAdminTags({ q, page });
  const pageCount = Math.max(1, Math.ceil(total / TAGS_PER_PAGE));
  return (
    <div className="space-y-8">
      <PageHeader title="Tags" intro="Rename, merge and delete the site's topics. A changed slug or a merge leaves a permanent redirect." />

      <Panel headingId="create-title" title="New tag">
        <CreateTagForm />
      </Panel>

      <ListPanel headingId="list-title" title="All tags" count={total} search={<ListSearch action="/admin/tags" label="Search tags" query={q} />}>
        <ItemList items={rows} empty={q ? 'No tag matches that search.' : 'No tags yet.'}>
          {(t) => (
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
          )}
        </ItemList>
        <ListPager action="/admin/tags" query={q} page={page} pageCount={pageCount} />
      </ListPanel>
    </div>
  );
}
