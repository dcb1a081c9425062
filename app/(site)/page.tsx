import { EditorsPicksRail, MostPopularRail, NewsFeedRail } from '@/components/article/rails';
import { SectionRail } from '@/components/home/section-rail';
import { TopStories } from '@/components/home/top-stories';
import { listSectionArticles } from '@/db/queries/articles';
import { getHomeFront } from '@/db/queries/home';
import { getSiteSettings, listSections } from '@/db/queries/site';
import { NEWS_FEED_SLUG } from '@/lib/seo/news-feed';
import type { Metadata } from 'next';
import { JsonLd } from '@/components/seo/json-ld';
import { buildListingMetadata } from '@/lib/seo/fronts';
import { publisherInfo } from '@/lib/seo/metadata';
import { getSiteUrl } from '@/lib/site/url';
import { buildOrganization, buildWebSite } from '@/lib/seo/structured-data';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    xAccount: settings.xAccount,
    path: '/',
    title: null,
    description: `${settings.siteName}: breaking news, analysis and the latest from the city, updated around the clock.`,
    image: '/social-card/home',
  });
}

// The front page (the breaking banner is the chrome's, components/site/site-chrome.tsx): the desk's lead and top stories, a rail per section, and
// the News Feed, Most Popular and Editors' Picks beside them.
export default async function HomePage() {
  const [front, sections, settings] = await Promise.all([
    getHomeFront(),
    listSections(),
    getSiteSettings(),
  ]);
  const onFront = new Set([front.lead?.id, ...front.top.map((a) => a.id)]);
  const rails = await Promise.all(
    sections
      .filter((s) => s.slug !== NEWS_FEED_SLUG)
      .map(async (section) => {
        const stories = await listSectionArticles({ sectionId: section.id, limit: 4 + onFront.size });
        return { section, stories: stories.filter((a) => !onFront.has(a.id)).slice(0, 4) };
      }),
  );

  return (
    <>
      <JsonLd data={[buildWebSite(publisherInfo(settings.siteName, getSiteUrl())), buildOrganization(publisherInfo(settings.siteName, getSiteUrl()))]} />
      <h1 className="sr-only">{settings.siteName}: the front page</h1>
      <div className="grid gap-x-10 gap-y-12 py-6 lg:grid-cols-[minmax(0,1fr)_300px] lg:py-8">
        <div className="min-w-0 lg:col-start-1 lg:row-start-1">
          <TopStories lead={front.lead} top={front.top} />
        </div>
        <aside
          aria-label="More news"
          className="space-y-10 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:border-l lg:border-rule lg:pl-8"
        >
          <NewsFeedRail />
          <MostPopularRail />
          <EditorsPicksRail />
        </aside>
        <div className="grid min-w-0 gap-x-8 gap-y-12 lg:col-start-1 lg:row-start-2 lg:grid-cols-2">
          {rails.map(({ section, stories }) => (
            <SectionRail key={section.id} name={section.name} slug={section.slug} stories={stories} />
          ))}
        </div>
      </div>
    </>
  );
}
