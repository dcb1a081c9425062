import { getSiteSettings } from '@/db/queries/site';
import { listNewsSitemapArticles } from '@/db/queries/sitemaps';
import { isoWithOffset } from '@/lib/time/dates';
import { absoluteUrl, getSiteUrl } from '@/lib/site/url';
import { buildNewsSitemap, SITEMAP_HEADERS } from '@/lib/seo/sitemaps';

// Google News sitemap: articles published in the last 48 hours, at most 1,000.
export async function GET() {
  const [articles, settings] = await Promise.all([listNewsSitemapArticles(), getSiteSettings()]);
  const siteUrl = getSiteUrl();
  const xml = buildNewsSitemap(
    articles.map((a) => ({
      loc: absoluteUrl(a.path, siteUrl),
      title: a.title,
      publicationDate: isoWithOffset(new Date(a.publishedAt), settings.timeZone),
    })),
    { name: settings.siteName, language: 'en' },
  );
  return new Response(xml, { headers: SITEMAP_HEADERS });
}
