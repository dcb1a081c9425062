import type { Metadata } from 'next';
import { ItemList, ItemTitle, ListPage, ListPager, ListSearch, readListParams, RowDisclosure } from '@/components/ui';
import { listAdminTags, TAGS_PER_PAGE } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateTagForm, EditTagForms } from './tag-forms';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage({ searchParams }: PageProps<'/admin/tags'>) {
  await requirePermission('tag.manage');
  const { q, page } = readListParams(await searchParams, 120);
  const { rows, total } = await listAdminTags({ q, page });
  return (
    <ListPage
      title="Tags"
      intro="Rename, merge and delete the site's topics. A changed slug or a merge leaves a permanent redirect."
      create={{ title: 'New tag', children: <CreateTagForm /> }}
      list={{ title: 'All tags', count: total, search: <ListSearch action="/admin/tags" label="Search tags" query={q} /> }}
    >
      <ItemList items={rows} empty={q ? 'No tag matches that search.' : 'No tags yet.'}>
        {(t) => (
          <li key={t.id} data-testid={`tag-row-${t.slug}`} className="px-6 py-4">
            <ItemTitle
              name={t.name}
              href={`/tag/${t.slug}`}
              meta={<>{t.articleCount} {t.articleCount === 1 ? 'article' : 'articles'}</>}
              metaTestId="tag-count"
            />
            <RowDisclosure summary="Edit, merge or delete" subject={t.name} className="mt-2">
              <EditTagForms id={t.id} initial={{ name: t.name, slug: t.slug, description: t.description }} />
            </RowDisclosure>
          </li>
        )}
      </ItemList>
      <ListPager action="/admin/tags" query={q} page={page} total={total} perPage={TAGS_PER_PAGE} />
    </ListPage>
  );
}
