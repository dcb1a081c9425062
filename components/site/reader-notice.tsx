import type { ReactNode } from 'react';
import { SearchForm } from './search-form';

// A page that has no story to show a reader (a 404, a withdrawn article): what happened, the way
// to the front page and a search box, then whatever the page adds.
export function ReaderNotice({
  eyebrow,
  title,
  searchId,
  children,
  more,
}: {
  eyebrow: string;
  title: string;
  searchId: string;
  children: ReactNode;
  more?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">{eyebrow}</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">{title}</h1>
      <p className="mt-4 text-lg text-muted">{children}</p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Go to the front page
        </a>
      </p>
      <div className="mt-8">
        <SearchForm id={searchId} />
      </div>
      {more}
    </div>
  );
}
