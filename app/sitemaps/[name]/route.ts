import { getSiteSettings } from '@/db/queries/site';
import {
  getArticleSitemapSummary,
  listSitemapBylines,
  listSitemapSections,
  listSitemapTags,
  type SitemapListing,
} from '@/db/queries/sitemaps';
import { isoWithOffset } from '@/lib/time/dates';
import { absoluteUrl, getSiteUrl } from '@/lib/site/url';
import { buildUrlset, parseArticleSitemapName, SITEMAP_HEADERS } from '@/lib/seo/sitemaps';
import { getArticleSitemapXml } from './article-sitemap';

const LISTINGS: Record<string, () => Promise<SitemapListing[]>> = {
  'sections.xml': listSitemapSections,
  'tags.xml': listSitemapTags,
  'authors.xml': listSitemapBylines,
};

// /sitemaps/articles-N.xml, /sitemaps/sections.xml, /sitemaps/tags.xml, /sitemaps/authors.xml
export async function GET(_request: Request, ctx: RouteContext<'/sitemaps/[name]'>) {
  const { name } = await ctx.params;
  const siteUrl = getSiteUrl();
  const { timeZone } = await getSiteSettings();
  const lastmod = (at: number | null) => (at ? isoWithOffset(new Date(at), timeZone) : null);

  const page = parseArticleSitemapName(name);
  if (page !== null) {
    const summary = await getArticleSitemapSummary();
    if (page > summary.lastModified.length) return new Response('Not found', { status: 404 });
    const bytes = await getArticleSitemapXml(page, siteUrl, timeZone);
    return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: SITEMAP_HEADERS });
  }

  const list = Object.hasOwn(LISTINGS, name) ? LISTINGS[name] : undefined;
  if (!list) return new Response('Not found', { status: 404 });
  const rows = await list();
  const xml = buildUrlset(rows.map((r) => ({ loc: absoluteUrl(r.path, siteUrl), lastmod: lastmod(r.lastModified) })));
  return new Response(xml, { headers: SITEMAP_HEADERS });
}
