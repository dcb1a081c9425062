import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="px-6 py-6 text-muted">{children}</p>;
}

// Rows of a ListPanel. Without `empty` an empty list still renders its (empty) <ul>.
// Each row is the caller's own <li>, with its key.
export function ItemList<T>({ items, empty, children }: { items: readonly T[]; empty?: ReactNode; children: (item: T) => ReactNode }) {
  if (items.length === 0 && empty !== undefined) return <EmptyState>{empty}</EmptyState>;
  return <ul className="divide-y divide-rule">{items.map((item) => children(item))}</ul>;
}

// The first line of a row for something with its own public page: its name, the page's
// address as a link, and on the right a short fact about it (how often it is used).
export function ItemTitle({ name, href, meta, metaTestId }: { name: ReactNode; href: string; meta: ReactNode; metaTestId?: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <p>
        <span className="font-semibold">{name}</span>{' '}
        <a href={href} className="font-mono text-sm text-muted underline">
          {href}
        </a>
      </p>
      <p className="text-sm text-muted" data-testid={metaTestId}>
        {meta}
      </p>
    </div>
  );
}

// A row's fold-out forms. The summary names the row for screen readers, where a bare "Edit"
// on every row would not say which one it opens.
export function RowDisclosure({
  summary,
  subject,
  className,
  children,
}: {
  summary: string;
  subject: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <details className={className}>
      <summary className="cursor-pointer text-sm font-semibold underline">
        {summary}
        <span className="sr-only"> {subject}</span>
      </summary>
      {children}
    </details>
  );
}
