import type { Metadata } from 'next';
import { ItemList, ListPanel, PageHeader, Panel } from '@/components/ui';
import { listAdminSections } from '@/db/queries/admin-taxonomy';
import { requirePermission } from '@/server/session';
import { CreateSectionForm, DeleteSectionForm, EditSectionForm, SectionOrder } from './section-forms';

export const metadata: Metadata = { title: 'Sections' };

export default async function SectionsPage() {
  await requirePermission('section.manage');
  const sections = await listAdminSections();
  return (
    <div className="space-y-8">
      <PageHeader title="Sections" intro="The site's sections, in the order the navigation shows them. A changed slug leaves permanent redirects." />

      <Panel headingId="create-title" title="New section">
        <CreateSectionForm />
      </Panel>

      <Panel headingId="order-title" title="Order" intro="Drag a row, or use its Move up and Move down buttons. Each change is saved at once.">
        <SectionOrder
          sections={sections.map((s) => ({ id: s.id, title: s.name, meta: `/${s.slug} · ${s.publishedCount} published` }))}
        />
      </Panel>

      <ListPanel headingId="list-title" title="All sections" count={sections.length}>
        <ItemList items={sections}>
          {(s) => (
            <li key={s.id} data-testid={`section-row-${s.slug}`} className="px-6 py-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p>
                  <span className="font-semibold">{s.name}</span>{' '}
                  <a href={`/${s.slug}`} className="font-mono text-sm text-muted underline">
                    /{s.slug}
                  </a>
                </p>
                <p className="text-sm text-muted">
                  {s.publishedCount} published · {s.articleCount} in all
                </p>
              </div>
              {s.description ? <p className="mt-1 text-sm text-muted">{s.description}</p> : null}
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-semibold underline">
                  Edit<span className="sr-only"> {s.name}</span>
                </summary>
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
              </details>
            </li>
          )}
        </ItemList>
      </ListPanel>
    </div>
  );
}
