import { listSections } from '@/db/queries/site';
import { ReaderNotice } from './reader-notice';

// The 404's content. Next renders a not-found boundary into every page of its layout, so whatever
// this reads every page depends on: the sections (already the navigation's, on every page), never
// a list of stories — that would make every page expire with every publish, here and at the edge.
export async function NotFoundContent() {
  const sections = await listSections();
  return (
    <ReaderNotice
      eyebrow="Error 404"
      title="Page not found"
      searchId="not-found-search"
      more={
        sections.length > 0 ? (
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
        ) : null
      }
    >
      The page you were looking for does not exist, or it has moved. Try the front page, a section, or
      a search.
    </ReaderNotice>
  );
}
