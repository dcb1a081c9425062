import type { SectionLink } from '@/db/queries/site';
import { Logo } from './logo';
import { MobileMenu } from './mobile-menu';
import { TodayDate } from './today-date';

export function Masthead({
  siteName,
  sections,
  today,
  timeZone,
  todayValidUntil,
  currentSection,
}: {
  siteName: string;
  sections: SectionLink[];
  today: string;
  timeZone: string;
  /** When `today` stops being true (epoch ms): the island corrects the date from then on. */
  todayValidUntil: number;
  currentSection?: string;
}) {
  return (
    <header role="banner" className="border-b border-ink">
      <div className="relative mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:flex-col sm:gap-2 sm:py-5">
        <Logo siteName={siteName} />
        <p className="text-right text-[0.7rem] font-medium whitespace-nowrap text-muted uppercase sm:order-first sm:text-center sm:text-xs sm:tracking-wide">
          <TodayDate label={today} timeZone={timeZone} validUntil={todayValidUntil} />
        </p>
        <MobileMenu sections={sections} />
        <a
          href="/search"
          className="absolute top-5 right-4 hidden items-center gap-1.5 text-sm font-semibold hover:text-accent sm:inline-flex"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2.5">
            <circle cx="11" cy="11" r="7" />
            <path d="M20 20l-4-4" />
          </svg>
          Search
        </a>
      </div>
      <nav aria-label="Sections" className="border-t border-rule">
        {/* Centred while the names fit; "safe" starts them at the left edge when they overflow,
            where plain centring pushed the first ones out of the scroll range. */}
        <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap sm:justify-center-safe">
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
