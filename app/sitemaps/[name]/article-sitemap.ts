import { cacheLife, cacheTag } from 'next/cache';
import { listSitemapArticles } from '@/db/queries/sitemaps';
import { cacheTags } from '@/lib/cache-tags';
import { createIsoWithOffsetFormatter } from '@/lib/iso-offset-formatter';
import { buildUrlset } from '@/lib/sitemaps';

// One article sitemap as finished XML, cached and tagged like its data: at 50,000 URLs the
// XML takes longer to write than the rows take to read, so the string is what is kept.
export async function getArticleSitemapXml(page: number, siteUrl: string, timeZone: string): Promise<string> {
  'use cache';
  cacheTag(cacheTags.articleLists, cacheTags.sitemaps);
  cacheLife('max');
  const articles = await listSitemapArticles(page);
  const lastmod = createIsoWithOffsetFormatter(timeZone);
  return buildUrlset(
    articles.map((a) => ({
      loc: `${siteUrl}${a.path}`,
      lastmod: lastmod(new Date(a.lastModified)),
      images: a.image ? [`${siteUrl}${a.image}`] : [],
    })),
  );
}
