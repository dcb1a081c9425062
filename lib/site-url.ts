// The public origin of the site (SITE_URL), used for canonical URLs, structured data,
// sitemaps and feeds: crawlers need absolute addresses. Read at render time, so a build and
// its server must be given the same value.
export const DEFAULT_SITE_URL = 'http://localhost:3000';

export function getSiteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  try {
    const url = new URL(raw);
    return url.origin;
  } catch {
    return DEFAULT_SITE_URL;
  }
}

// An absolute URL on the site for a path ("/news/x") or an already absolute URL.
export function absoluteUrl(pathOrUrl: string, siteUrl = getSiteUrl()): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return new URL(pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`, siteUrl).toString();
}
