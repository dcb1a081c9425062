import type { SectionLink } from '@/db/queries/site';
import { Logo } from './logo';
import { TodayDate } from './today-date';

export function Masthead({
  siteName,
  sections,
  today,
  timeZone,
  currentSection,
}: {
  siteName: string;
  sections: SectionLink[];
  today: string;
  timeZone: string;
  currentSection?: string;
}) {
  return (
    <header role="banner" className="border-b border-ink">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:flex-col sm:gap-2 sm:py-5">
        <Logo siteName={siteName} />
        <p className="text-right text-xs font-medium tracking-wide text-muted uppercase sm:order-first sm:text-center">
          <TodayDate label={today} timeZone={timeZone} />
        </p>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap sm:justify-center">
          {sections.map((s) => (
            <li key={s.id}>
              <a
                href={`/${s.slug}`}
                aria-current={currentSection === s.slug ? 'page' : undefined}
                className="block px-3 py-2.5 hover:text-accent aria-[current=page]:text-accent"
              >
                {s.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
