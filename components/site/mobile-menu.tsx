import type { SectionLink } from '@/db/queries/site';
import { SearchForm } from './search-form';

// The phone menu: a <details> disclosure, so it opens and closes without JavaScript.
export function MobileMenu({ sections }: { sections: SectionLink[] }) {
  return (
    <details data-testid="mobile-menu" className="group sm:hidden">
      <summary className="flex cursor-pointer list-none items-center gap-2 border border-rule px-3 py-2 text-sm font-bold [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" className="group-open:hidden" />
          <path d="M6 6l12 12M18 6L6 18" className="hidden group-open:block" />
        </svg>
        Menu
      </summary>
      <div className="absolute inset-x-0 z-40 mt-3 border-b-4 border-ink bg-paper px-4 pt-4 pb-6 shadow-lg">
        <SearchForm id="mobile-search" />
        <nav aria-label="All sections" className="mt-4">
          <ul className="grid grid-cols-2 gap-x-4 text-base font-semibold">
            {sections.map((s) => (
              <li key={s.id} className="border-b border-rule">
                <a href={`/${s.slug}`} className="block py-3 hover:text-accent">
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </details>
  );
}
