import type { ReactNode } from 'react';

const card = 'rounded-lg border border-rule bg-paper';

// A card section named by its heading, so headingId must be unique on the page. Panel and
// ListPanel are its usual forms; a page that spaces its card differently passes the classes.
export function Card({
  headingId,
  title,
  className,
  headingClassName,
  children,
}: {
  headingId: string;
  title: ReactNode;
  className?: string;
  headingClassName: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={className ? `${card} ${className}` : card}>
      <h2 id={headingId} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}

// A titled card with room around its content.
export function Panel({ headingId, title, intro, children }: { headingId: string; title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <Card headingId={headingId} title={title} className="p-6" headingClassName={intro ? 'text-lg font-bold' : 'mb-4 text-lg font-bold'}>
      {intro ? <p className="mb-4 text-sm text-muted">{intro}</p> : null}
      {children}
    </Card>
  );
}

// A card whose rows run edge to edge: a header bar (title, count, an optional search box or
// other control), then the list, then whatever follows it (a pager).
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
