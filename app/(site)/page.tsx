import type { Metadata } from 'next';
import { ArticleCard } from '@/components/article/article-card';
import { EditorsPicksRail, MostPopularRail, NewsFeedRail } from '@/components/article/rails';
import { JsonLd } from '@/components/seo/json-ld';
import { listLatestArticles } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/site';
import { buildListingMetadata } from '@/lib/listing-seo';
import { publisherInfo } from '@/lib/seo';
import { getSiteUrl } from '@/lib/site-url';
import { buildOrganization, buildWebSite } from '@/lib/structured-data';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    path: '/',
    title: null,
    description: `${settings.siteName}: breaking news, analysis and the latest from the city, updated around the clock.`,
    image: '/social-card/home',
  });
}

// Until the curated front lands, the home page leads with the latest stories.
export default async function HomePage() {
  const [latest, settings] = await Promise.all([
    listLatestArticles({ limit: 25, excludeKind: 'feed' }),
    getSiteSettings(),
  ]);
  const [lead, ...rest] = latest;
  const publisher = publisherInfo(settings.siteName, getSiteUrl());
  return (
    <div className="grid gap-x-10 gap-y-12 py-6 lg:grid-cols-[minmax(0,1fr)_300px] lg:py-8">
      <JsonLd data={[buildWebSite(publisher), buildOrganization(publisher)]} />
      <div className="min-w-0">
        <h1 className="sr-only">Latest news</h1>
        {lead ? (
          <div className="border-b border-rule pb-8">
            <ArticleCard article={lead} variant="lead" headingLevel={2} preloadImage />
          </div>
        ) : (
          <p className="py-12 text-center text-muted">No stories have been published yet.</p>
        )}
        <ul className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 xl:grid-cols-3">
          {rest.map((a) => (
            <li key={a.id}>
              <ArticleCard article={a} headingLevel={2} />
            </li>
          ))}
        </ul>
      </div>
      <aside aria-label="More news" className="space-y-10 lg:border-l lg:border-rule lg:pl-8">
        <NewsFeedRail />
        <MostPopularRail />
        <EditorsPicksRail />
      </aside>
    </div>
  );
}
