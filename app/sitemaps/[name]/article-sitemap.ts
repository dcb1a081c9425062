import { cacheLife, cacheTag } from 'next/cache';
import { listSitemapArticles } from '@/db/queries/sitemaps';
import { cacheTags } from '@/lib/site/cache-tags';
import { createIsoWithOffsetFormatter } from '@/lib/time/iso-offset-formatter';
import { buildUrlset } from '@/lib/seo/sitemaps';

// One article sitemap as finished XML (UTF-8 bytes), cached and tagged like its data: at
// 50,000 URLs the XML takes longer to write than the rows take to read, so the bytes are
// what is kept — bytes, not a string, because the cache serializes binary without escaping.
export async function getArticleSitemapXml(page: number, siteUrl: string, timeZone: string): Promise<Uint8Array> {
  'use cache';
  cacheTag(cacheTags.sitemaps);
  cacheLife('max');
  const articles = await listSitemapArticles(page);
  const lastmod = createIsoWithOffsetFormatter(timeZone);
  const xml = buildUrlset(
    articles.map((a) => ({
      loc: `${siteUrl}${a.path}`,
      lastmod: lastmod(new Date(a.lastModified)),
      images: a.image ? [`${siteUrl}${a.image}`] : [],
    })),
  );
  return new TextEncoder().encode(xml);
}
