import type { ReactNode } from 'react';

// One list on the newsroom dashboard: a titled panel of articles, each linking to its editor,
// with the line that children(item) gives under each title.
export function DashboardPanel<Item extends { id: number; title: string }>({
  id,
  title,
  items,
  empty,
  moreHref,
  tone,
  children,
}: {
  id: string;
  title: string;
  items: Item[];
  empty: string;
  moreHref?: string;
  // 'warning': something live needs the desk now (an accent border and title).
  tone?: 'warning';
  children: (item: Item) => ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`dashboard-${id}`} className={`flex flex-col rounded-lg border bg-paper ${tone === 'warning' ? 'border-accent' : 'border-rule'}`}>
      <div className="flex items-baseline justify-between gap-3 border-b border-rule px-5 py-3">
        <h2 id={`${id}-title`} className={`text-base font-bold ${tone === 'warning' ? 'text-accent' : ''}`}>
          {title} <span className="font-normal text-muted">({items.length})</span>
        </h2>
        {moreHref ? (
          <a href={moreHref} className="text-sm font-semibold text-accent hover:underline">
            See all<span className="sr-only"> {title.toLowerCase()}</span>
          </a>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-rule">
          {items.map((item) => (
            <li key={item.id} className="px-5 py-3">
              <a href={`/admin/articles/${item.id}`} className="font-semibold break-words hover:text-accent hover:underline">
                {item.title || 'Untitled'}
              </a>
              <p className="mt-0.5 text-xs text-muted">{children(item)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
