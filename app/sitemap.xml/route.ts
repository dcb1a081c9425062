import { getArticleSitemapSummary } from '@/db/queries/sitemaps';
import { getSiteSettings } from '@/db/queries/site';
import { isoWithOffset } from '@/lib/time/dates';
import { absoluteUrl, getSiteUrl } from '@/lib/site/url';
import { buildSitemapIndex, SITEMAP_HEADERS } from '@/lib/seo/sitemaps';

// The sitemap index: article sitemaps (50,000 URLs each) and the section, tag and byline ones.
export async function GET() {
  const [summary, settings] = await Promise.all([getArticleSitemapSummary(), getSiteSettings()]);
  const siteUrl = getSiteUrl();
  const tz = settings.timeZone;
  const articles = summary.lastModified.map((at, index) => ({
    loc: absoluteUrl(`/sitemaps/articles-${index + 1}.xml`, siteUrl),
    lastmod: at ? isoWithOffset(new Date(at), tz) : null,
  }));
  const latest = Math.max(0, ...summary.lastModified);
  const others = ['sections', 'tags', 'authors'].map((name) => ({
    loc: absoluteUrl(`/sitemaps/${name}.xml`, siteUrl),
    lastmod: latest ? isoWithOffset(new Date(latest), tz) : null,
  }));
  return new Response(buildSitemapIndex([...articles, ...others]), { headers: SITEMAP_HEADERS });
}
