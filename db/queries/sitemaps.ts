import 'server-only';
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags, bylines, media, sections, tags } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { articleSitemapCount, NEWS_SITEMAP_MAX_URLS, NEWS_SITEMAP_WINDOW_MS, SITEMAP_MAX_URLS } from '@/lib/seo/sitemaps';
import { articleUrl, isPublished, mediaUrl } from './articles';

// Reads for sitemaps. Each walks an index (see EXPLAIN QUERY PLAN notes beside them), so
// they stay fast at 100,000 articles; results are cached and tagged with the article lists,
// so a publish refreshes them. Times are returned as epoch milliseconds.


export interface SitemapArticle {
  path: string;
  lastModified: number;
  image: string | null;
}

export interface ArticleSitemapSummary {
  total: number;
  // Newest change per article sitemap (1-based page → epoch ms).
  lastModified: number[];
}

// Live articles, oldest first, through the partial covering index articles_sitemap_idx
// (migration 0002). Named explicitly: without statistics SQLite would pick the narrower
// (status, published_at) index and read every wide article row for deleted_at.
const LIVE_BY_PUBLICATION = sql`${articles} INDEXED BY articles_sitemap_idx`;
const LIVE = sql`status = 'published' AND deleted_at IS NULL`;

// Article sitemaps page through published articles oldest first, so a new article only ever
// changes the last page.
export async function getArticleSitemapSummary(): Promise<ArticleSitemapSummary> {
  'use cache';
  cacheTag(cacheTags.sitemaps);
  cacheLife('max');
  const db = getDb();
  const [row] = await db.all<{ total: number }>(sql`SELECT count(*) AS total FROM ${LIVE_BY_PUBLICATION} WHERE ${LIVE}`);
  const total = row?.total ?? 0;
  const pages = articleSitemapCount(total);
  const lastModified: number[] = [];
  for (let page = 0; page < pages; page++) {
    // The page's newest publication bounds its lastmod well enough for the index; the
    // per-URL lastmod inside the page carries updates.
    const [last] = await db.all<{ at: number | null }>(
      sql`SELECT published_at AS at FROM ${LIVE_BY_PUBLICATION} WHERE ${LIVE}
          ORDER BY published_at, id LIMIT 1 OFFSET ${Math.max(0, Math.min(total - 1, (page + 1) * SITEMAP_MAX_URLS - 1))}`,
    );
    lastModified.push(Math.round(last?.at ?? 0));
  }
  return { total, lastModified };
}

// One page (1-based) of published articles, oldest first. Not cached itself: its only
// caller caches the finished XML (app/sitemaps/[name]/article-sitemap.ts), which is far
// cheaper to serve than 50,000 rows to turn into XML again.
export async function listSitemapArticles(page: number): Promise<SitemapArticle[]> {
  const rows = await getDb().all<{
    slug: string;
    sectionSlug: string;
    publishedAt: number | null;
    updatedAt: number | null;
    heroFile: string | null;
  }>(
    sql`SELECT a.slug AS slug, s.slug AS sectionSlug, a.published_at AS publishedAt,
               a.updated_at AS updatedAt, m.file AS heroFile
          FROM ${articles} AS a INDEXED BY articles_sitemap_idx
          JOIN ${sections} AS s ON s.id = a.section_id
          LEFT JOIN ${media} AS m ON m.id = a.hero_media_id
         WHERE a.status = 'published' AND a.deleted_at IS NULL
         ORDER BY a.published_at, a.id
         LIMIT ${SITEMAP_MAX_URLS} OFFSET ${(page - 1) * SITEMAP_MAX_URLS}`,
  );
  return rows.map((r) => ({
    path: articleUrl(r.sectionSlug, r.slug),
    lastModified: Math.round(r.updatedAt ?? r.publishedAt ?? 0),
    image: r.heroFile ? mediaUrl(r.heroFile) : null,
  }));
}

export interface SitemapListing {
  path: string;
  lastModified: number | null;
}

// Sections with their newest article (one index seek per section on
// articles_section_status_published_idx).
export async function listSitemapSections(): Promise<SitemapListing[]> {
  'use cache';
  cacheTag(cacheTags.sections, cacheTags.sitemaps);
  cacheLife('max');
  const rows = await getDb()
    .select({
      slug: sections.slug,
      latest: sql<number | null>`(SELECT max(a.published_at) FROM ${articles} a
        WHERE a.section_id = ${sections.id} AND a.status = 'published' AND a.deleted_at IS NULL)`,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
  return rows.map((r) => ({ path: `/${r.slug}`, lastModified: r.latest }));
}

// Tags with at least one published article: one EXISTS probe per tag on the covering
// article_tags_tag_idx, stopping at the first live article. No lastmod: the newest article
// per tag would cost a walk over every tagged article (lastmod is optional).
export async function listSitemapTags(): Promise<SitemapListing[]> {
  'use cache';
  cacheTag(cacheTags.sitemaps);
  cacheLife('max');
  const rows = await getDb()
    .select({ slug: tags.slug })
    .from(tags)
    .where(
      sql`EXISTS (SELECT 1 FROM ${articleTags} at JOIN ${articles} a ON a.id = at.article_id
        WHERE at.tag_id = ${tags.id} AND a.status = 'published' AND a.deleted_at IS NULL)`,
    )
    .orderBy(asc(tags.slug));
  return rows.map((r) => ({ path: `/tag/${r.slug}`, lastModified: null }));
}

// Bylines with at least one published article (article_bylines_byline_idx, as above).
export async function listSitemapBylines(): Promise<SitemapListing[]> {
  'use cache';
  cacheTag(cacheTags.sitemaps);
  cacheLife('max');
  const rows = await getDb()
    .select({ slug: bylines.slug })
    .from(bylines)
    .where(
      sql`EXISTS (SELECT 1 FROM ${articleBylines} ab JOIN ${articles} a ON a.id = ab.article_id
        WHERE ab.byline_id = ${bylines.id} AND a.status = 'published' AND a.deleted_at IS NULL)`,
    )
    .orderBy(asc(bylines.slug));
  return rows.map((r) => ({ path: `/author/${r.slug}`, lastModified: null }));
}

export interface NewsSitemapArticle {
  path: string;
  title: string;
  publishedAt: number;
}

// Articles first published in the last 48 hours, newest first, at most 1,000
// (a range on articles_status_published_idx). Cached for a few minutes so items age out.
export async function listNewsSitemapArticles(): Promise<NewsSitemapArticle[]> {
  'use cache';
  cacheTag(cacheTags.sitemaps);
  cacheLife('minutes');
  const now = Date.now();
  const rows = await getDb()
    .select({ slug: articles.slug, sectionSlug: sections.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        isPublished,
        gte(articles.publishedAt, new Date(now - NEWS_SITEMAP_WINDOW_MS)),
        lte(articles.publishedAt, new Date(now)),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(NEWS_SITEMAP_MAX_URLS);
  return rows.map((r) => ({
    path: articleUrl(r.sectionSlug, r.slug),
    title: r.title,
    publishedAt: (r.publishedAt ?? new Date(0)).getTime(),
  }));
}
