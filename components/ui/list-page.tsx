import type { ReactNode } from 'react';
import { PageHeader } from './page-header';
import { ListPanel, Panel } from './panel';

// A desk page that keeps a list: the header, an optional panel that adds to the list, then the
// list in a ListPanel whose body is the children (rows, then a pager). The two headings take
// create-title and list-title unless the page names them otherwise.
export function ListPage({
  title,
  intro,
  notice,
  create,
  panels,
  list,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  // Under the header: the outcome of something done on another page.
  notice?: ReactNode;
  create?: { title: ReactNode; headingId?: string; children: ReactNode };
  // Further panels between the create panel and the list.
  panels?: ReactNode;
  list: { title: ReactNode; headingId?: string; count?: number; search?: ReactNode };
  children: ReactNode;
}) {
  return (
    <div className="space-y-8">
      <PageHeader title={title} intro={intro} />
      {notice}
      {create ? (
        <Panel headingId={create.headingId ?? 'create-title'} title={create.title}>
          {create.children}
        </Panel>
      ) : null}
      {panels}
      <ListPanel headingId={list.headingId ?? 'list-title'} title={list.title} count={list.count} search={list.search}>
        {children}
      </ListPanel>
    </div>
  );
}
