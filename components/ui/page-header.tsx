import type { ReactNode } from 'react';

export function PageHeader({ title, intro }: { title: ReactNode; intro?: ReactNode }) {
  return (
    <div>
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {intro ? <p className="mt-1 text-muted">{intro}</p> : null}
    </div>
  );
}
