import type { Metadata } from 'next';
import { ItemList, ItemTitle, ListPage, Panel, RowDisclosure } from '@/components/ui';
import { listAdminSections } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateSectionForm, DeleteSectionForm, EditSectionForm, SectionOrder } from './section-forms';

export const metadata: Metadata = { title: 'Sections' };

export default async function SectionsPage() {
  await requirePermission('section.manage');
  const sections = await listAdminSections();
  return (
    <ListPage
      title="Sections"
      intro="The site's sections, in the order the navigation shows them. A changed slug leaves permanent redirects."
      create={{ title: 'New section', children: <CreateSectionForm /> }}
      panels={
        <Panel headingId="order-title" title="Order" intro="Drag a row, or use its Move up and Move down buttons. Each change is saved at once.">
          <SectionOrder
            sections={sections.map((s) => ({ id: s.id, title: s.name, meta: `/${s.slug} · ${s.publishedCount} published` }))}
          />
        </Panel>
      }
      list={{ title: 'All sections', count: sections.length }}
    >
      <ItemList items={sections}>
        {(s) => (
          <li key={s.id} data-testid={`section-row-${s.slug}`} className="px-6 py-4">
            <ItemTitle name={s.name} href={`/${s.slug}`} meta={<>{s.publishedCount} published · {s.articleCount} in all</>} />
            {s.description ? <p className="mt-1 text-sm text-muted">{s.description}</p> : null}
            <RowDisclosure summary="Edit" subject={s.name} className="mt-3">
              <div className="mt-4 space-y-6">
                <EditSectionForm id={s.id} initial={{ name: s.name, slug: s.slug, description: s.description }} publishedCount={s.publishedCount} />
                <div className="border-t border-rule pt-4">
                  {s.articleCount > 0 ? (
                    <p className="text-sm text-muted">
                      This section cannot be deleted while {s.articleCount} {s.articleCount === 1 ? 'article uses' : 'articles use'} it.
                    </p>
                  ) : null}
                  <DeleteSectionForm id={s.id} name={s.name} />
                </div>
              </div>
            </RowDisclosure>
          </li>
        )}
      </ItemList>
    </ListPage>
  );
}
