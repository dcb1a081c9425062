import { listLatestArticles } from '@/db/queries/articles';
import { SearchForm } from './search-form';

export async function NotFoundContent() {
  const latest = await listLatestArticles({ limit: 6, excludeKind: 'feed' });
  return (
    <div className="mx-auto max-w-3xl py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg text-muted">
        The page you were looking for does not exist, or it has moved. Try the front page, or one of
        the latest stories below.
      </p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Go to the front page
        </a>
      </p>
      <div className="mt-8">
        <SearchForm id="not-found-search" />
      </div>
      {latest.length > 0 ? (
        <section aria-labelledby="latest-heading" className="mt-12">
          <h2 id="latest-heading" className="border-t-4 border-ink pt-2 text-sm font-extrabold tracking-wider uppercase">
            Latest news
          </h2>
          <ul className="mt-3 divide-y divide-rule">
            {latest.map((a) => (
              <li key={a.id} className="py-3">
                <a href={a.url} className="font-serif text-lg font-semibold hover:underline">
                  {a.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
