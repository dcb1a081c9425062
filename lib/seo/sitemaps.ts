// Sitemap XML per sitemaps.org, Google's image extension and Google News rules. Pure
// builders: URLs come in absolute, dates as W3C datetimes with the newsroom's offset.

export const SITEMAP_MAX_URLS = 50_000;
// Google News: only articles published in the last two days, at most 1,000 of them.
export const NEWS_SITEMAP_MAX_URLS = 1_000;
export const NEWS_SITEMAP_WINDOW_MS = 48 * 3_600_000;

export const SITEMAP_HEADERS = {
  'Content-Type': 'application/xml; charset=utf-8',
  // Crawlers and CDNs may keep a sitemap for five minutes and serve it stale for a day while
  // refreshing; publishes refresh the server's copy through cache tags.
  'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=86400',
  'X-Content-Type-Options': 'nosniff',
} as const;

const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 forbids outright.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

export function articleSitemapCount(totalArticles: number): number {
  return Math.max(1, Math.ceil(totalArticles / SITEMAP_MAX_URLS));
}

// "articles-3.xml" → 3; anything else → null.
export function parseArticleSitemapName(name: string): number | null {
  const match = /^articles-([1-9]\d{0,5})\.xml$/.exec(name);
  return match ? Number(match[1]) : null;
}

export interface SitemapIndexEntry {
  loc: string;
  lastmod?: string | null;
}

export function buildSitemapIndex(entries: SitemapIndexEntry[]): string {
  const items = entries.map(
    (e) => `<sitemap><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
  images?: string[];
}

export function buildUrlset(entries: SitemapUrl[]): string {
  if (entries.length > SITEMAP_MAX_URLS) throw new Error(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs`);
  const items = entries.map((e) => {
    const images = (e.images ?? [])
      .map((src) => `<image:image><image:loc>${escapeXml(src)}</image:loc></image:image>`)
      .join('');
    return `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}${images}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n${items.join('\n')}\n</urlset>\n`;
}

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publicationDate: string;
}

export function buildNewsSitemap(
  entries: NewsSitemapEntry[],
  publication: { name: string; language: string },
): string {
  const name = escapeXml(publication.name);
  const language = escapeXml(publication.language);
  const items = entries.slice(0, NEWS_SITEMAP_MAX_URLS).map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${e.publicationDate}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${items.join('\n')}\n</urlset>\n`;
}
