import type { SectionLink } from '@/db/queries/site';

export function SiteFooter({ siteName, sections }: { siteName: string; sections: SectionLink[] }) {
  return (
    <footer role="contentinfo" className="mt-16 border-t-4 border-ink bg-panel">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:grid-cols-[1fr_2fr]">
        <div>
          <p className="font-serif text-2xl font-bold">{siteName}</p>
          <p className="mt-2 max-w-xs text-sm text-muted">
            Independent reporting on the city, its people and the decisions that shape them.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`/${s.slug}`} className="hover:text-accent hover:underline">
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="mx-auto max-w-7xl px-4 pb-8 text-xs text-muted">
        © {siteName}. All demo content is fictional.{' '}
        <a href="/corrections" className="underline hover:text-accent">
          Corrections and updates
        </a>
      </p>
    </footer>
  );
}
