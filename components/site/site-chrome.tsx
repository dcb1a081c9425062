import { getSiteSettings, listSections } from '@/db/queries/site';
import { getNewsroomToday } from '@/db/queries/today';
import { Masthead } from './masthead';
import { SiteFooter } from './site-footer';

// Skip link, masthead, main landmark and footer around every reader page.
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const [settings, sections, today] = await Promise.all([
    getSiteSettings(),
    listSections(),
    getNewsroomToday(),
  ]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Masthead
        siteName={settings.siteName}
        sections={sections}
        today={today.label}
        timeZone={today.timeZone}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 focus:outline-none">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} sections={sections} />
    </>
  );
}
