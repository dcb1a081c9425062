import { getActiveBreaking } from '@/db/queries/home';
import { getSiteSettings, listSections } from '@/db/queries/site';
import { getNewsroomToday } from '@/db/queries/today';
import { BreakingBanner } from './breaking-banner';
import { Masthead } from './masthead';
import { SiteFooter } from './site-footer';

// Skip link, masthead, breaking-news banner, main landmark and footer around every reader page.
// The banner is here rather than on the front page so readers arriving on a story, a front, a
// search or a 404 see it too. It is read like the masthead's date: tagged 'settings' (set and
// cleared by the desk) and cached until it expires, so every page is rendered anew then; the
// browser hides an expired banner itself in between (components/site/breaking-banner.tsx).
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const [settings, sections, today, breaking] = await Promise.all([
    getSiteSettings(),
    listSections(),
    getNewsroomToday(),
    getActiveBreaking(),
  ]);
  return (
    <>
      {/* Sent to readers as a reader document: no framework, islands only (gateway/reader-document.mjs). */}
      <meta name="gazette-document" content="reader" />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Masthead
        siteName={settings.siteName}
        sections={sections}
        today={today.label}
        timeZone={today.timeZone}
        todayValidUntil={today.validUntil}
      />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 focus:outline-none">
        {breaking ? <BreakingBanner breaking={breaking} /> : null}
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} sections={sections} />
    </>
  );
}
