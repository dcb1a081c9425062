import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { SectionFront } from '@/components/article/fronts';
import { JsonLd } from '@/components/seo/json-ld';
import { listSectionArticles } from '@/db/queries/articles';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getSectionBySlug, getSiteSettings, listSections } from '@/db/queries/site';
import { buildListingMetadata } from '@/lib/listing-seo';
import { NOINDEX_ROBOTS, publisherInfo } from '@/lib/seo';
import { absoluteUrl, getSiteUrl } from '@/lib/site-url';
import { buildBreadcrumbList, buildCollectionPage } from '@/lib/structured-data';

function sectionDescription(name: string, siteName: string): string {
  return `The latest ${name} stories from ${siteName}: reporting, analysis and updates as they happen.`;
}

export async function generateStaticParams() {
  const sections = await listSections();
  return sections.length > 0 ? sections.map((s) => ({ section: s.slug })) : [{ section: 'news' }];
}

export async function generateMetadata(props: PageProps<'/[section]'>): Promise<Metadata> {
  const { section } = await props.params;
  const [found, settings] = await Promise.all([getSectionBySlug(section), getSiteSettings()]);
  if (!found) return { title: 'Page not found', robots: NOINDEX_ROBOTS };
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    path: `/${found.slug}`,
    title: found.name,
    description: sectionDescription(found.name, settings.siteName),
    image: `/social-card/section/${found.slug}`,
    feeds: [{ title: `${found.name} — ${settings.siteName}`, path: `/${found.slug}/rss.xml` }],
  });
}

// Page 1; "?page=N" is served by app/(site)/paged/section (see next.config.ts).
export default async function SectionPage(props: PageProps<'/[section]'>) {
  const { section } = await props.params;
  const found = await getSectionBySlug(section);
  if (!found) {
    // A renamed section or an uppercase address answers 308.
    const target = await findRedirectTarget(`/${section}`);
    if (target) permanentRedirect(target);
    notFound();
  }
  const [articles, settings] = await Promise.all([
    listSectionArticles({ sectionId: found.id, limit: 30 }),
    getSiteSettings(),
  ]);
  const siteUrl = getSiteUrl();
  const url = absoluteUrl(`/${found.slug}`, siteUrl);
  return (
    <>
      <JsonLd
        data={[
          buildCollectionPage({
            url,
            name: found.name,
            description: sectionDescription(found.name, settings.siteName),
            items: articles.map((a) => ({ url: absoluteUrl(a.url, siteUrl), name: a.title })),
            publisher: publisherInfo(settings.siteName, siteUrl),
          }),
          buildBreadcrumbList([
            { name: 'Home', url: `${siteUrl}/` },
            { name: found.name, url },
          ]),
        ]}
      />
      <SectionFront slug={found.slug} page={1} />
    </>
  );
}
