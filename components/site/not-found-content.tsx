import { listSections } from '@/db/queries/site';
import { SearchForm } from './search-form';

// The 404's content. Next renders a not-found boundary into every page of its layout, so whatever
// this reads every page depends on: the sections (already the navigation's, on every page), never
// a list of stories — that would make every page expire with every publish, here and at the edge.
export async function NotFoundContent() {
  const sections = await listSections();
  return (
    <div className="mx-auto max-w-3xl py-16">
      <p className="text-sm font-bold tracking-wider text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg text-muted">
        The page you were looking for does not exist, or it has moved. Try the front page, a section,
        or a search.
      </p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-accent hover:underline">
          Go to the front page
        </a>
      </p>
      <div className="mt-8">
        <SearchForm id="not-found-search" />
      </div>
      {sections.length > 0 ? (
        <nav aria-labelledby="not-found-sections-heading" className="mt-12">
          <h2
            id="not-found-sections-heading"
            className="border-t-4 border-ink pt-2 text-sm font-extrabold tracking-wider uppercase"
          >
            Browse the sections
          </h2>
          <ul className="mt-3 grid grid-cols-2 gap-x-6 sm:grid-cols-3">
            {sections.map((s) => (
              <li key={s.id} className="border-b border-rule py-2">
                <a href={`/${s.slug}`} className="font-serif text-lg font-semibold hover:underline">
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
