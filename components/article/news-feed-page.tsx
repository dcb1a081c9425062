import type { ArticleCard } from '@/db/queries/articles';
import { frontTitle } from '@/lib/seo/fronts';
import { pageHref } from '@/lib/site/pagination';
import { NewsFeedList } from './news-feed-list';
import { ShowMore } from './show-more';

// The News Feed's own front: short items under day headings, a page at a time, with a link
// back to the newer page and "Show More" for the next one.
export function NewsFeedPage({
  title,
  description,
  base,
  page,
  totalPages,
  items,
  timeZone,
  now,
}: {
  title: string;
  description: string;
  base: string;
  page: number;
  totalPages: number;
  items: ArticleCard[];
  timeZone: string;
  now: Date;
}) {
  return (
    <div className="mx-auto max-w-3xl py-8">
      <header className="border-b-4 border-ink pb-6">
        <h1 className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">{frontTitle(title, page)}</h1>
        {description ? <p className="mt-3 max-w-2xl font-serif text-lg text-muted">{description}</p> : null}
      </header>
      {page > 1 ? (
        <p className="mt-4 text-sm">
          <a href={pageHref(base, page - 1)} rel="prev" className="font-semibold text-accent hover:underline">
            ← Newer items
          </a>
        </p>
      ) : null}
      <NewsFeedList id="news-feed-list" items={items} timeZone={timeZone} now={now} headingLevel={2} variant="page" />
      {page < totalPages ? (
        <ShowMore
          href={pageHref(base, page + 1)}
          listId="news-feed-list"
          className="no-print mt-8 block border-2 border-ink py-3 text-center font-bold hover:bg-ink hover:text-paper"
        />
      ) : (
        <p className="mt-8 text-center text-sm text-muted">You have reached the end of the News Feed.</p>
      )}
    </div>
  );
}
