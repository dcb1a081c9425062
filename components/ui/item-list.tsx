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
