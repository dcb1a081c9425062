import type { Metadata } from 'next';
import { pageHref } from '../site/pagination';
import { publisherInfo, rssAlternates } from './metadata';
import { absoluteUrl } from '../site/url';
import {
  buildBreadcrumbList,
  buildCollectionPage,
  buildProfilePage,
  type JsonLdObject,
} from './structured-data';

// Metadata for the listing pages (home, section, tag, author, corrections): canonical on
// SITE_URL, a generated social card, and the page's RSS feed next to the site's.

export interface ListingSeoInput {
  siteUrl: string;
  siteName: string;
  path: string;
  title: string | null;
  description: string;
  // The generated social card ("/social-card/section/news").
  image: string;
  feeds?: { title: string; path: string }[];
  ogType?: 'website' | 'profile';
  // The publication's X account ("@gazette"), for twitter:site.
  xAccount?: string | null;
}

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

export function buildListingMetadata(input: ListingSeoInput): Metadata {
  const url = absoluteUrl(input.path, input.siteUrl);
  const image = { url: absoluteUrl(input.image, input.siteUrl), ...SOCIAL_CARD_SIZE, alt: input.title ?? input.siteName };
  const feeds = [...(input.feeds ?? []), { title: input.siteName, path: '/rss.xml' }];
  return {
    ...(input.title ? { title: input.title } : {}),
    description: input.description,
    alternates: { canonical: url, types: rssAlternates(feeds) },
    openGraph: {
      type: input.ogType ?? 'website',
      url,
      siteName: input.siteName,
      locale: 'en_US',
      title: input.title ?? input.siteName,
      description: input.description,
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      ...(input.xAccount ? { site: input.xAccount } : {}),
      title: input.title ?? input.siteName,
      description: input.description,
      // The same words as og:image:alt, as twitter:image:alt.
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

// Section, tag and byline fronts. Page 1 and page N are made by the same builder, so they carry
// the same title pattern, description, social card, feed and JSON-LD; only the address (page N
// is its own canonical "?page=N", lib/site/pagination.ts) and the listed articles differ.

export type FrontKind = 'section' | 'tag' | 'author';

// What a front is about, as the desk wrote it: `description` is a section's or tag's
// description or a byline's bio, '' when there is none.
export type FrontSubject =
  | { kind: 'section' | 'tag'; slug: string; name: string; description: string }
  | {
      kind: 'author';
      slug: string;
      name: string;
      description: string;
      byline: { kind: 'person' | 'desk'; jobTitle: string; avatar: string | null };
    };

export function frontPath(kind: FrontKind, slug: string): string {
  return kind === 'section' ? `/${slug}` : `/${kind}/${slug}`;
}

export function frontTitle(name: string, page: number): string {
  return page > 1 ? `${name} — page ${page}` : name;
}

// The desk's own words when it wrote some, else a line that names the front and the site.
function decideFrontDescription(subject: FrontSubject, siteName: string): string {
  if (subject.description) return subject.description;
  switch (subject.kind) {
    case 'section':
      return `The latest ${subject.name} stories from ${siteName}: reporting, analysis and updates as they happen.`;
    case 'tag':
      return `Every ${siteName} story about ${subject.name}, newest first.`;
    case 'author':
      return `Stories by ${subject.name} for ${siteName}.`;
  }
}

interface FrontSeoInput {
  siteUrl: string;
  siteName: string;
  subject: FrontSubject;
  page: number;
  // The articles listed on this page, in order.
  items: { url: string; title: string }[];
  xAccount?: string | null;
}

// The metadata and the JSON-LD of one page of a front: a section or tag page is a
// CollectionPage listing its articles, a byline page the byline's ProfilePage; both sit under
// Home in a BreadcrumbList.
export function buildFrontSeo(input: FrontSeoInput): { metadata: Metadata; jsonLd: JsonLdObject[] } {
  const { siteUrl, siteName, subject, page } = input;
  const base = frontPath(subject.kind, subject.slug);
  const path = pageHref(base, page);
  const title = frontTitle(subject.name, page);
  const description = decideFrontDescription(subject, siteName);
  const pageUrl = absoluteUrl(path, siteUrl);
  const frontUrl = absoluteUrl(base, siteUrl);
  const publisher = publisherInfo(siteName, siteUrl);
  const metadata = buildListingMetadata({
    siteUrl,
    siteName,
    xAccount: input.xAccount,
    path,
    title,
    description,
    ...(subject.kind === 'author'
      ? { image: subject.byline.avatar ?? '/social-card/home', ogType: 'profile' }
      : {
          image: `/social-card/${subject.kind}/${subject.slug}`,
          feeds: [{ title: `${subject.name} — ${siteName}`, path: `${base}/rss.xml` }],
        }),
  });
  const main =
    subject.kind === 'author'
      ? buildProfilePage(
          {
            name: subject.name,
            url: frontUrl,
            kind: subject.byline.kind,
            jobTitle: subject.byline.jobTitle,
            description,
            image: subject.byline.avatar ? absoluteUrl(subject.byline.avatar, siteUrl) : null,
          },
          { url: pageUrl, publisher },
        )
      : buildCollectionPage({
          url: pageUrl,
          name: title,
          description,
          items: input.items.map((a) => ({ url: absoluteUrl(a.url, siteUrl), name: a.title })),
          publisher,
        });
  const breadcrumbs = buildBreadcrumbList([
    { name: 'Home', url: `${siteUrl}/` },
    { name: subject.name, url: frontUrl },
  ]);
  return { metadata, jsonLd: [main, breadcrumbs] };
}
