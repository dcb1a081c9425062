import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { isPublished } from './articles';

// How many published articles a paginated list holds, so its pages know where they end
// (a page past the end is a 404, never an empty page).


export async function countSectionArticles(sectionId: number): Promise<number> {
  'use cache';
  cacheTag(cacheTags.section(sectionId));
  cacheLife('max');
  const [row] = await getDb()
    .select({ n: count() })
    .from(articles)
    .where(and(isPublished, eq(articles.sectionId, sectionId)));
  return row?.n ?? 0;
}

export async function countTagArticles(tagId: number): Promise<number> {
  'use cache';
  cacheTag(cacheTags.tagList(tagId));
  cacheLife('max');
  const [row] = await getDb()
    .select({ n: count() })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(isPublished, eq(articleTags.tagId, tagId)));
  return row?.n ?? 0;
}

export async function countBylineArticles(bylineId: number): Promise<number> {
  'use cache';
  cacheTag(cacheTags.bylineList(bylineId));
  cacheLife('max');
  const [row] = await getDb()
    .select({ n: count() })
    .from(articleBylines)
    .innerJoin(articles, eq(articles.id, articleBylines.articleId))
    .where(and(isPublished, eq(articleBylines.bylineId, bylineId)));
  return row?.n ?? 0;
}

// News Feed items (articles of kind 'feed'), as the rail and the News Feed front list them.
export async function countNewsFeed(): Promise<number> {
  'use cache';
  cacheTag(cacheTags.newsFeed);
  cacheLife('max');
  const [row] = await getDb()
    .select({ n: count() })
    .from(articles)
    .where(and(isPublished, eq(articles.kind, 'feed')));
  return row?.n ?? 0;
}
