import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { TagFront } from '@/components/article/fronts';
import { JsonLd } from '@/components/seo/json-ld';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getSiteSettings } from '@/db/queries/site';
import { getTagBySlug, listTagArticles } from '@/db/queries/taxonomy';
import { buildListingMetadata } from '@/lib/listing-seo';
import { NOINDEX_ROBOTS, publisherInfo } from '@/lib/seo';
import { absoluteUrl, getSiteUrl } from '@/lib/site-url';
import { buildBreadcrumbList, buildCollectionPage } from '@/lib/structured-data';

function tagDescription(tag: { name: string; description: string }, siteName: string): string {
  return tag.description || `Every ${siteName} story about ${tag.name}, newest first.`;
}

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/tag/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  const [tag, settings] = await Promise.all([getTagBySlug(slug), getSiteSettings()]);
  if (!tag) return { title: 'Page not found', robots: NOINDEX_ROBOTS };
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    path: `/tag/${tag.slug}`,
    title: tag.name,
    description: tagDescription(tag, settings.siteName),
    image: `/social-card/tag/${tag.slug}`,
    feeds: [{ title: `${tag.name} — ${settings.siteName}`, path: `/tag/${tag.slug}/rss.xml` }],
  });
}

// Page 1; "?page=N" is served by app/(site)/paged/tag (see next.config.ts).
export default async function TagPage(props: PageProps<'/tag/[slug]'>) {
  const { slug } = await props.params;
  const tag = await getTagBySlug(slug);
  if (!tag) {
    const target = await findRedirectTarget(`/tag/${slug}`);
    if (target) permanentRedirect(target);
    notFound();
  }
  const [articles, settings] = await Promise.all([listTagArticles({ tagId: tag.id, limit: 30 }), getSiteSettings()]);
  const siteUrl = getSiteUrl();
  const url = absoluteUrl(`/tag/${tag.slug}`, siteUrl);
  return (
    <>
      <JsonLd
        data={[
          buildCollectionPage({
            url,
            name: tag.name,
            description: tagDescription(tag, settings.siteName),
            items: articles.map((a) => ({ url: absoluteUrl(a.url, siteUrl), name: a.title })),
            publisher: publisherInfo(settings.siteName, siteUrl),
          }),
          buildBreadcrumbList([
            { name: 'Home', url: `${siteUrl}/` },
            { name: tag.name, url },
          ]),
        ]}
      />
      <TagFront slug={tag.slug} page={1} />
    </>
  );
}
