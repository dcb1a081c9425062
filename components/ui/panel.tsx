import type { ReactNode } from 'react';

const card = 'rounded-lg border border-rule bg-paper';

// A titled card. The section is named by its heading, so headingId must be unique on the page.
export function Panel({ headingId, title, intro, children }: { headingId: string; title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className={`${card} p-6`}>
      <h2 id={headingId} className={intro ? 'text-lg font-bold' : 'mb-4 text-lg font-bold'}>
        {title}
      </h2>
      {intro ? <p className="mb-4 text-sm text-muted">{intro}</p> : null}
      {children}
    </section>
  );
}

// A card whose rows run edge to edge: a header bar (title, count, an optional search box),
// then the list, then whatever follows it (a pager).
export function ListPanel({
  headingId,
  title,
  count,
  search,
  children,
}: {
  headingId: string;
  title: ReactNode;
  count?: number;
  search?: ReactNode;
  children: ReactNode;
}) {
  const heading = (className: string) => (
    <h2 id={headingId} className={className}>
      {title} {count === undefined ? null : <span className="font-normal text-muted">({count})</span>}
    </h2>
  );
  return (
    <section aria-labelledby={headingId} className={card}>
      {search ? (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-rule px-6 py-4">
          {heading('text-lg font-bold')}
          {search}
        </div>
      ) : (
        heading('border-b border-rule px-6 py-4 text-lg font-bold')
      )}
      {children}
    </section>
  );
}
