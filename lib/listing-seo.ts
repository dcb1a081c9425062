import type { Metadata } from 'next';
import { rssAlternates } from './seo';
import { absoluteUrl } from './site-url';

// Metadata for the listing pages (home, section, tag, author): canonical on SITE_URL, a
// generated social card, and the page's RSS feed next to the site's.

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
      title: input.title ?? input.siteName,
      description: input.description,
      images: [image.url],
    },
  };
}
