import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { AuthorFront } from '@/components/article/fronts';
import { JsonLd } from '@/components/seo/json-ld';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getSiteSettings } from '@/db/queries/site';
import { getBylineBySlug } from '@/db/queries/taxonomy';
import { buildListingMetadata } from '@/lib/listing-seo';
import { NOINDEX_ROBOTS, publisherInfo } from '@/lib/seo';
import { absoluteUrl, getSiteUrl } from '@/lib/site-url';
import { buildBreadcrumbList, buildProfilePage } from '@/lib/structured-data';

function bylineDescription(byline: { name: string; bio: string }, siteName: string): string {
  return byline.bio || `Stories by ${byline.name} for ${siteName}.`;
}

export async function generateStaticParams() {
  return [{ slug: 'placeholder' }];
}

export async function generateMetadata(props: PageProps<'/author/[slug]'>): Promise<Metadata> {
  const { slug } = await props.params;
  const [byline, settings] = await Promise.all([getBylineBySlug(slug), getSiteSettings()]);
  if (!byline) return { title: 'Page not found', robots: NOINDEX_ROBOTS };
  return buildListingMetadata({
    siteUrl: getSiteUrl(),
    siteName: settings.siteName,
    path: `/author/${byline.slug}`,
    title: byline.name,
    description: bylineDescription(byline, settings.siteName),
    image: byline.avatar?.src ?? '/social-card/home',
    ogType: 'profile',
  });
}

// Page 1; "?page=N" is served by app/(site)/paged/author (see next.config.ts).
export default async function AuthorPage(props: PageProps<'/author/[slug]'>) {
  const { slug } = await props.params;
  const byline = await getBylineBySlug(slug);
  if (!byline) {
    const target = await findRedirectTarget(`/author/${slug}`);
    if (target) permanentRedirect(target);
    notFound();
  }
  const settings = await getSiteSettings();
  const siteUrl = getSiteUrl();
  const url = absoluteUrl(`/author/${byline.slug}`, siteUrl);
  return (
    <>
      <JsonLd
        data={[
          buildProfilePage(
            {
              name: byline.name,
              url,
              kind: byline.kind,
              jobTitle: byline.jobTitle,
              description: bylineDescription(byline, settings.siteName),
              image: byline.avatar ? absoluteUrl(byline.avatar.src, siteUrl) : null,
            },
            { url, publisher: publisherInfo(settings.siteName, siteUrl) },
          ),
          buildBreadcrumbList([
            { name: 'Home', url: `${siteUrl}/` },
            { name: byline.name, url },
          ]),
        ]}
      />
      <AuthorFront slug={byline.slug} page={1} />
    </>
  );
}
