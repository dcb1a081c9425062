'use client';

import { useEffect } from 'react';
import { SearchForm } from '@/components/site/search-form';

// An unexpected failure while rendering a reader page: the masthead and footer stay, the
// reader gets a way on (retry, search, the front page and the News Feed). The status is 500.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-3xl py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">Error</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg text-muted">
        This page could not be shown just now. Try again, search for what you were looking for, or
        read the latest news.
      </p>
      <p className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="bg-ink px-4 py-2 font-bold text-paper hover:bg-accent">
          Try again
        </button>
        <a href="/" className="px-1 py-2 font-semibold text-accent hover:underline">
          Go to the front page
        </a>
        <a href="/news-feed" className="px-1 py-2 font-semibold text-accent hover:underline">
          Latest news
        </a>
      </p>
      <div className="mt-10">
        <SearchForm id="error-search" />
      </div>
    </div>
  );
}
