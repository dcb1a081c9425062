import type { Metadata } from 'next';

// Robots rules shared by every page. Public pages let Google show large image previews
// (Search Central's news guidance); private or duplicate pages (search results, previews,
// the newsroom, sign-in) are kept out of the index: the preview layout and the public pages'
// not-found answers use NOINDEX_ROBOTS, and proxy.ts also sends X-Robots-Tag on /admin, /login
// and /preview.
export const INDEX_ROBOTS = {
  index: true,
  follow: true,
  googleBot: { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
} satisfies NonNullable<Metadata['robots']>;

export const NOINDEX_ROBOTS = {
  index: false,
  follow: false,
  nocache: true,
  googleBot: { index: false, follow: false },
} satisfies NonNullable<Metadata['robots']>;

// Paths crawlers should not visit (robots.txt) — the same list the pages above mark noindex.
export const PRIVATE_PATH_PREFIXES = ['/admin', '/api', '/search', '/preview', '/login'] as const;

// `alternates.types` for the RSS feed(s) a page belongs to; the site-wide feed is always
// offered, the page's own feed first.
export function rssAlternates(feeds: { title: string; path: string }[]): Record<string, { title: string; url: string }[]> {
  return { 'application/rss+xml': feeds.map((f) => ({ title: f.title, url: f.path })) };
}

// The publisher as structured data names it: the site, its origin and the wordmark in
// public/logo.png (600×60, Google's publisher-logo shape).
export const PUBLISHER_LOGO = { path: '/logo.png', width: 600, height: 60 } as const;

export function publisherInfo(siteName: string, siteUrl: string) {
  return {
    name: siteName,
    url: siteUrl,
    logo: { url: `${siteUrl}${PUBLISHER_LOGO.path}`, width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
  };
}
