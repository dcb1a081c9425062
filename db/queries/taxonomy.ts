import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags, bylines, media, tags } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import type { BylineKind } from '@/lib/domain';
import { isPublished, listArticleCardsByIds, toImageRef, type ArticleCard, type ImageRef } from './articles';

export interface TagPage {
  id: number;
  name: string;
  slug: string;
  description: string;
}

export interface BylinePage {
  id: number;
  name: string;
  slug: string;
  kind: BylineKind;
  jobTitle: string;
  bio: string;
  avatar: ImageRef | null;
}


export async function getTagBySlug(slug: string): Promise<TagPage | null> {
  'use cache';
  cacheLife('max');
  const [row] = await getDb()
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  cacheTag(row ? cacheTags.tag(row.id) : cacheTags.notFound);
  return row ?? null;
}

export async function getBylineBySlug(slug: string): Promise<BylinePage | null> {
  'use cache';
  cacheLife('max');
  const [row] = await getDb()
    .select({
      id: bylines.id,
      name: bylines.name,
      slug: bylines.slug,
      kind: bylines.kind,
      jobTitle: bylines.jobTitle,
      bio: bylines.bio,
      avatarFile: media.file,
      avatarWidth: media.width,
      avatarHeight: media.height,
    })
    .from(bylines)
    .leftJoin(media, eq(media.id, bylines.avatarMediaId))
    .where(eq(bylines.slug, slug))
    .limit(1);
  if (!row) {
    cacheTag(cacheTags.notFound);
    return null;
  }
  cacheTag(cacheTags.byline(row.id));
  const { avatarFile, avatarWidth, avatarHeight, ...byline } = row;
  return {
    ...byline,
    avatar: toImageRef(avatarFile, avatarWidth, avatarHeight, row.name),
  };
}

export async function listTagArticles(options: {
  tagId: number;
  limit: number;
  offset?: number;
}): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.tagList(options.tagId));
  cacheLife('max');
  const rows = await getDb()
    .select({ id: articles.id })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(eq(articleTags.tagId, options.tagId), isPublished))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return listArticleCardsByIds(rows.map((r) => r.id));
}

export async function listBylineArticles(options: {
  bylineId: number;
  limit: number;
  offset?: number;
}): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.bylineList(options.bylineId));
  cacheLife('max');
  const rows = await getDb()
    .select({ id: articles.id })
    .from(articleBylines)
    .innerJoin(articles, eq(articles.id, articleBylines.articleId))
    .where(and(eq(articleBylines.bylineId, options.bylineId), isPublished))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return listArticleCardsByIds(rows.map((r) => r.id));
}
