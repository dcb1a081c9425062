// The public origin of the site (SITE_URL), used for canonical URLs, structured data,
// sitemaps and feeds: crawlers need absolute addresses. Read at render time, so a build and
// its server must be given the same value.

// Without SITE_URL, the site is this server on the port it listens on: PORT (which
// scripts/start.mjs sets to the port it serves), or Next's 3000.
export function defaultSiteUrl(port = process.env.PORT): string {
  const given = port?.trim() ?? '';
  const valid = /^\d{1,5}$/.test(given) && Number(given) >= 1 && Number(given) <= 65535;
  return `http://localhost:${valid ? Number(given) : 3000}`;
}

export function getSiteUrl(): string {
  const raw = process.env.SITE_URL?.trim();
  if (!raw) return defaultSiteUrl();
  try {
    return new URL(raw).origin;
  } catch {
    return defaultSiteUrl();
  }
}

// An absolute URL on the site for a path ("/news/x") or an already absolute URL.
export function absoluteUrl(pathOrUrl: string, siteUrl = getSiteUrl()): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return new URL(pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`, siteUrl).toString();
}
