import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import {
  articleBylines,
  articles,
  articleTags,
  bylines,
  curation,
  media,
  sections,
  tags,
  type Article,
} from '@/db/schema';
import { sanitizeBody } from '@/lib/body/sanitize';
import { collectMediaIds } from '@/lib/body/text';
import type { BodyDoc, BodyMedia } from '@/lib/body/types';
import { cacheTags, cardTags } from '@/lib/site/cache-tags';
import type { ArticleKind, ArticleNote, BylineKind } from '@/lib/domain';
import { readingTimeMinutes } from '@/lib/articles/reading-time';

export interface ImageRef {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface BylineRef {
  id: number;
  name: string;
  slug: string;
  kind: BylineKind;
}

export interface ArticleCard {
  id: number;
  url: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  section: { name: string; slug: string };
  publishedAt: string;
  hero: ImageRef | null;
  bylines: BylineRef[];
}

export interface ArticleByline extends BylineRef {
  jobTitle: string;
  bio: string;
  avatar: ImageRef | null;
}

export interface ArticlePage {
  id: number;
  url: string;
  slug: string;
  // A word or two above the headline; empty for most stories.
  kicker: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  section: { id: number; name: string; slug: string };
  publishedAt: string;
  updatedAt: string;
  wordCount: number;
  readingMinutes: number;
  body: BodyDoc;
  media: Record<number, BodyMedia>;
  hero: (ImageRef & { caption: string; credit: string }) | null;
  bylines: ArticleByline[];
  tags: { id: number; name: string; slug: string }[];
  videoUrl: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  corrections: ArticleNote[];
}

export function mediaUrl(file: string): string {
  return `/media/${file}`;
}

// An image reference from a left-joined media row, or null when there is none.
export function toImageRef(
  file: string | null,
  width: number | null,
  height: number | null,
  alt: string,
): ImageRef | null {
  return file && width && height ? { src: mediaUrl(file), width, height, alt } : null;
}

export function articleUrl(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}`;
}

// Visible to readers: published and not deleted. Every reader query filters with this.
export const isPublished = and(eq(articles.status, 'published'), isNull(articles.deletedAt));

const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  dek: articles.dek,
  kind: articles.kind,
  publishedAt: articles.publishedAt,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  heroFile: media.file,
  heroWidth: media.width,
  heroHeight: media.height,
  heroAlt: media.alt,
};

type CardRow = {
  id: number;
  slug: string;
  title: string;
  dek: string;
  kind: ArticleKind;
  publishedAt: Date | null;
  sectionName: string;
  sectionSlug: string;
  heroFile: string | null;
  heroWidth: number | null;
  heroHeight: number | null;
  heroAlt: string | null;
};

async function listBylinesFor(articleIds: number[]): Promise<Map<number, BylineRef[]>> {
  const result = new Map<number, BylineRef[]>();
  if (articleIds.length === 0) return result;
  const rows = await getDb()
    .select({
      articleId: articleBylines.articleId,
      id: bylines.id,
      name: bylines.name,
      slug: bylines.slug,
      kind: bylines.kind,
    })
    .from(articleBylines)
    .innerJoin(bylines, eq(bylines.id, articleBylines.bylineId))
    .where(inArray(articleBylines.articleId, articleIds))
    .orderBy(asc(articleBylines.articleId), asc(articleBylines.position));
  for (const { articleId, ...byline } of rows) {
    const list = result.get(articleId) ?? [];
    list.push(byline);
    result.set(articleId, list);
  }
  return result;
}

// Cards are built only inside cached lists (every caller is a 'use cache' function): each card
// tags the list with its article, so an edit to the story reaches every list that shows it.
async function toCards(rows: CardRow[]): Promise<ArticleCard[]> {
  cacheTag(cacheTags.articleLists, ...cardTags(rows));
  const bylinesByArticle = await listBylinesFor(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    url: articleUrl(r.sectionSlug, r.slug),
    title: r.title,
    dek: r.dek,
    kind: r.kind,
    section: { name: r.sectionName, slug: r.sectionSlug },
    publishedAt: (r.publishedAt ?? new Date(0)).toISOString(),
    hero: toImageRef(r.heroFile, r.heroWidth, r.heroHeight, r.heroAlt ?? ''),
    bylines: bylinesByArticle.get(r.id) ?? [],
  }));
}

// `+articles.section_id` keeps SQLite from driving the join from sections: with 98% of articles
// live, its statistics made "each section's live articles, then sort them all" look cheaper
// than reading the newest from articles_status_published_idx — 700 ms instead of 0.3 ms for
// the six latest stories at 100,000 articles. A section's own list still uses its index
// through its WHERE clause.
function cardQuery() {
  return getDb()
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, sql`+${articles.sectionId}`))
    .leftJoin(media, eq(media.id, articles.heroMediaId));
}

// Cards for the given published article ids, in the order given.
export async function listArticleCardsByIds(ids: number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = await cardQuery().where(and(isPublished, inArray(articles.id, ids)));
  const cards = await toCards(rows);
  const byId = new Map(cards.map((c) => [c.id, c]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// The newest published articles, optionally of one kind or leaving one kind out.
export async function listLatestArticles(options: {
  limit: number;
  offset?: number;
  excludeKind?: ArticleKind;
}): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.latest);
  cacheLife('max');
  const { limit, offset = 0, excludeKind } = options;
  const rows = await cardQuery()
    .where(
      excludeKind
        ? and(isPublished, sql`${articles.kind} <> ${excludeKind}`)
        : isPublished,
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
  return toCards(rows);
}

export async function listSectionArticles(options: {
  sectionId: number;
  limit: number;
  offset?: number;
}): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.section(options.sectionId));
  cacheLife('max');
  const rows = await cardQuery()
    .where(and(isPublished, eq(articles.sectionId, options.sectionId)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return toCards(rows);
}

// Short News Feed items, newest first.
export async function listNewsFeed(options: { limit: number; offset?: number }): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.newsFeed);
  cacheLife('max');
  const rows = await cardQuery()
    .where(and(isPublished, eq(articles.kind, 'feed')))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return toCards(rows);
}

// The most-read articles over the last `days` days (UTC days, counted by the view beacon).
// Two cache entries: the week's ranking of ids (a sum over every view row: refreshed every five
// minutes, tagged 'popular' only) and the cards built from it (tagged with their articles). An
// edit or an unpublish of a listed story rebuilds only the cards — a few index look-ups — so it
// shows at once without re-summing the week; an unpublished article drops out because cards are
// published only. A new story enters the ranking when the ranking refreshes.
export async function listMostPopular(options: { limit: number; days?: number }): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.popular);
  cacheLife({ stale: 60, revalidate: 300, expire: 3600 });
  // Extra candidates stand in for any that are no longer published.
  const ids = await listMostReadIds(options.days ?? 7, options.limit * 2 + 10);
  return (await listArticleCardsByIds(ids)).slice(0, options.limit);
}

async function listMostReadIds(days: number, candidates: number): Promise<number[]> {
  'use cache';
  cacheTag(cacheTags.popular);
  // Views arrive continuously; the widget may lag by up to five minutes.
  cacheLife({ stale: 60, revalidate: 300, expire: 3600 });
  const since = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  // INDEXED BY: the day range is what narrows page_views as it grows (a covering index, so the
  // sum never touches the table); without statistics SQLite may prefer the primary key.
  const top = await getDb().all<{ articleId: number }>(sql`
    SELECT pv.article_id AS articleId, sum(pv.count) AS views
    FROM page_views AS pv INDEXED BY page_views_day_idx
    WHERE pv.day >= ${since}
    GROUP BY pv.article_id
    ORDER BY views DESC, pv.article_id DESC
    LIMIT ${candidates}`);
  return top.map((t) => t.articleId);
}

// Editors' Picks, in the order the desk set.
export async function listEditorsPicks(): Promise<ArticleCard[]> {
  'use cache';
  cacheTag(cacheTags.curation);
  cacheLife('max');
  const rows = await getDb()
    .select({ ...cardColumns, position: curation.position })
    .from(curation)
    .innerJoin(articles, eq(articles.id, curation.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(and(eq(curation.slot, 'picks'), isPublished))
    .orderBy(asc(curation.position));
  return toCards(rows);
}

// One published article as its page shows it, or null when there is none at
// that address (unknown, draft, scheduled, unpublished or deleted).
export async function getPublishedArticle(
  sectionSlug: string,
  slug: string,
): Promise<ArticlePage | null> {
  'use cache';
  cacheLife('max');
  const db = getDb();
  const [row] = await db
    .select({
      article: articles,
      sectionName: sections.name,
      sectionSlug: sections.slug,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(sections.slug, sectionSlug), eq(articles.slug, slug), isPublished))
    .limit(1);
  if (!row) {
    // An article published or moved here later replaces this cached "not found".
    cacheTag(cacheTags.notFound);
    return null;
  }
  const a = row.article;
  // Not 'section:N': that is the section's list, expired by every story published in it. The
  // section's name is the navigation's ('sections', on every page).
  cacheTag(cacheTags.article(a.id));
  const page = await buildArticlePage(row, {
    publishedAt: a.publishedAt ?? a.createdAt,
    updatedAt: a.updatedAt ?? a.publishedAt ?? a.createdAt,
  });
  for (const b of page.bylines) cacheTag(cacheTags.byline(b.id));
  for (const t of page.tags) cacheTag(cacheTags.tag(t.id));
  return page;
}

/**
 * An article row as its page shows it: bylines with avatars, tags, body images and the hero.
 * Shared by the cached reader query above and the uncached preview (db/queries/preview.ts), so a
 * preview is exactly what readers will get. The caller says which times the page shows.
 */
export async function buildArticlePage(
  row: { article: Article; sectionName: string; sectionSlug: string },
  times: { publishedAt: Date; updatedAt: Date },
): Promise<ArticlePage> {
  const db = getDb();
  const a = row.article;
  const body = sanitizeBody(a.body);
  const mediaIds = collectMediaIds(body);
  if (a.heroMediaId) mediaIds.push(a.heroMediaId);

  const [bylineRows, tagRows, mediaRows] = await Promise.all([
    db
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
      .from(articleBylines)
      .innerJoin(bylines, eq(bylines.id, articleBylines.bylineId))
      .leftJoin(media, eq(media.id, bylines.avatarMediaId))
      .where(eq(articleBylines.articleId, a.id))
      .orderBy(asc(articleBylines.position)),
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, a.id))
      .orderBy(asc(articleTags.position)),
    mediaIds.length ? db.select().from(media).where(inArray(media.id, mediaIds)) : Promise.resolve([]),
  ]);

  const bodyMedia: Record<number, BodyMedia> = {};
  for (const m of mediaRows) {
    bodyMedia[m.id] = {
      id: m.id,
      src: mediaUrl(m.file),
      width: m.width,
      height: m.height,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      mimeType: m.mimeType,
      size: m.size,
    };
  }
  const heroMedia = a.heroMediaId ? mediaRows.find((m) => m.id === a.heroMediaId) : undefined;

  return {
    id: a.id,
    url: articleUrl(row.sectionSlug, a.slug),
    slug: a.slug,
    kicker: a.kicker,
    title: a.title,
    dek: a.dek,
    kind: a.kind,
    section: { id: a.sectionId, name: row.sectionName, slug: row.sectionSlug },
    publishedAt: times.publishedAt.toISOString(),
    updatedAt: times.updatedAt.toISOString(),
    wordCount: a.wordCount,
    readingMinutes: readingTimeMinutes(a.wordCount),
    body,
    media: bodyMedia,
    hero: heroMedia
      ? {
          src: mediaUrl(heroMedia.file),
          width: heroMedia.width,
          height: heroMedia.height,
          alt: heroMedia.alt,
          caption: a.heroCaption || heroMedia.caption,
          credit: a.heroCredit || heroMedia.credit,
        }
      : null,
    bylines: bylineRows.map((b) => ({
      id: b.id,
      name: b.name,
      slug: b.slug,
      kind: b.kind,
      jobTitle: b.jobTitle,
      bio: b.bio,
      avatar: toImageRef(b.avatarFile, b.avatarWidth, b.avatarHeight, b.name),
    })),
    tags: tagRows,
    videoUrl: a.videoUrl,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    corrections: a.corrections,
  };
}

// Whether an id names an article readers can see: the view beacon counts nothing else. Not
// cached: one primary-key lookup is cheaper than a cache entry per id an outsider may send.
export async function isLiveArticleId(id: number): Promise<boolean> {
  const row = await getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.id, id), isPublished))
    .get();
  return row !== undefined;
}

// A handful of published addresses for build-time prerendering.
export async function listRecentArticleParams(limit: number): Promise<{ section: string; slug: string }[]> {
  const rows = await getDb()
    .select({ section: sections.slug, slug: articles.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(isPublished)
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
  return rows;
}
