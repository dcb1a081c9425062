import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articles, bylines, liveCoverage, liveUpdates, media, sections } from '@/db/schema';
import type { BodyDoc, BodyMedia } from '@/lib/body/types';
import type { BylineKind } from '@/lib/domain';
import { decideCoverageState, liveUpdateDoc, orderLiveUpdates } from '@/lib/live/updates';
import { cacheTags } from '@/lib/site/cache-tags';
import { articleUrl, mediaUrl } from './articles';

// A story's live coverage as its page shows it (the reader page, through the cached
// getPublicLiveCoverage, tagged like the story), and as the newsroom's live desk works on it.

export interface LiveUpdateView {
  id: number;
  title: string;
  doc: BodyDoc;
  // The text as typed, for crawlers' articleBody and the desk's edit form.
  text: string;
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
  author: { name: string; slug: string | null; kind: BylineKind };
}

export interface LiveCoverageView {
  state: 'live' | 'ended';
  startedAt: string;
  endedAt: string | null;
  keyPoints: string[];
  updates: LiveUpdateView[];
  media: Record<number, BodyMedia>;
  // The latest change to any of it (an update posted, edited or deleted; the coverage saved).
  modifiedAt: string;
}

/** The coverage of one story, whatever its status (the preview shows a draft's). Uncached. */
export async function buildLiveCoverage(articleId: number): Promise<LiveCoverageView | null> {
  const db = getDb();
  const coverage = await db.select().from(liveCoverage).where(eq(liveCoverage.articleId, articleId)).get();
  if (!coverage) return null;
  const rows = await db
    .select({ update: liveUpdates, bylineSlug: bylines.slug, bylineName: bylines.name, bylineKind: bylines.kind })
    .from(liveUpdates)
    .leftJoin(bylines, eq(bylines.id, liveUpdates.bylineId))
    .where(and(eq(liveUpdates.articleId, articleId), isNull(liveUpdates.deletedAt)))
    .all();
  // Deleted updates still count for "modified": a deletion changes the page.
  const latest = await db
    .select({ at: sql<number | null>`max(${liveUpdates.updatedAt})` })
    .from(liveUpdates)
    .where(eq(liveUpdates.articleId, articleId))
    .get();
  const mediaIds = [...new Set(rows.map((r) => r.update.mediaId).filter((id): id is number => id !== null))];
  const mediaRows = mediaIds.length ? await db.select().from(media).where(inArray(media.id, mediaIds)).all() : [];
  const bodyMedia: Record<number, BodyMedia> = {};
  for (const m of mediaRows) {
    bodyMedia[m.id] = { id: m.id, src: mediaUrl(m.file), width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit };
  }
  const updates = orderLiveUpdates(rows.map((r) => ({ ...r.update, bylineSlug: r.bylineSlug, bylineName: r.bylineName, bylineKind: r.bylineKind }))).map(
    (u): LiveUpdateView => ({
      id: u.id,
      title: u.title,
      doc: liveUpdateDoc({ body: u.body, mediaId: u.mediaId && bodyMedia[u.mediaId] ? u.mediaId : null, embedUrl: u.embedUrl }),
      text: u.body,
      pinned: u.pinned,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
      author: { name: u.bylineName ?? u.authorName, slug: u.bylineSlug ?? null, kind: u.bylineKind ?? 'person' },
    }),
  );
  const times = [coverage.updatedAt.getTime(), Number(latest?.at ?? 0)];
  return {
    state: decideCoverageState(coverage) ?? 'live',
    startedAt: coverage.startedAt.toISOString(),
    endedAt: coverage.endedAt?.toISOString() ?? null,
    keyPoints: coverage.keyPoints,
    updates,
    media: bodyMedia,
    modifiedAt: new Date(Math.max(...times)).toISOString(),
  };
}

/** A public story's coverage, cached with the story's page ('article:N' is what a post expires). */
export async function getPublicLiveCoverage(articleId: number): Promise<LiveCoverageView | null> {
  'use cache';
  cacheLife('max');
  cacheTag(cacheTags.article(articleId));
  return buildLiveCoverage(articleId);
}

// ---- the newsroom ----------------------------------------------------------------------------

export interface DeskLiveUpdate {
  id: number;
  title: string;
  body: string;
  mediaId: number | null;
  mediaSrc: string | null;
  embedUrl: string | null;
  pinned: boolean;
  version: number;
  authorId: number | null;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeskLiveCoverage {
  article: { id: number; title: string; status: string; url: string; createdBy: number | null };
  coverage: { version: number; startedAt: string; endedAt: string | null; keyPoints: string[] } | null;
  updates: DeskLiveUpdate[];
}

/** The live desk of one story: its coverage and every update that is not deleted. Uncached. */
export async function getDeskLiveCoverage(articleId: number): Promise<DeskLiveCoverage | null> {
  const db = getDb();
  const story = await db
    .select({ id: articles.id, title: articles.title, status: articles.status, slug: articles.slug, sectionSlug: sections.slug, createdBy: articles.createdBy })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
    .get();
  if (!story) return null;
  const coverage = await db.select().from(liveCoverage).where(eq(liveCoverage.articleId, articleId)).get();
  const rows = await db
    .select({ update: liveUpdates, bylineName: bylines.name, mediaFile: media.file })
    .from(liveUpdates)
    .leftJoin(bylines, eq(bylines.id, liveUpdates.bylineId))
    .leftJoin(media, eq(media.id, liveUpdates.mediaId))
    .where(and(eq(liveUpdates.articleId, articleId), isNull(liveUpdates.deletedAt)))
    .all();
  return {
    article: { id: story.id, title: story.title, status: story.status, url: articleUrl(story.sectionSlug, story.slug), createdBy: story.createdBy },
    coverage: coverage
      ? { version: coverage.version, startedAt: coverage.startedAt.toISOString(), endedAt: coverage.endedAt?.toISOString() ?? null, keyPoints: coverage.keyPoints }
      : null,
    updates: orderLiveUpdates(rows.map((r) => ({ ...r.update, bylineName: r.bylineName, mediaFile: r.mediaFile }))).map((u) => ({
      id: u.id,
      title: u.title,
      body: u.body,
      mediaId: u.mediaId,
      mediaSrc: u.mediaFile ? mediaUrl(u.mediaFile) : null,
      embedUrl: u.embedUrl,
      pinned: u.pinned,
      version: u.version,
      authorId: u.authorId,
      authorName: u.bylineName ?? u.authorName,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    })),
  };
}

/** An update as the permission rules see it (its poster, its story's creator), or null when it is gone. */
export async function getLiveUpdateOwnership(
  articleId: number,
  updateId: number,
): Promise<{ ownerId: number | null; articleOwnerId: number | null } | null> {
  const row = await getDb()
    .select({ ownerId: liveUpdates.authorId, articleOwnerId: articles.createdBy })
    .from(liveUpdates)
    .innerJoin(articles, eq(articles.id, liveUpdates.articleId))
    .where(and(eq(liveUpdates.id, updateId), eq(liveUpdates.articleId, articleId), isNull(liveUpdates.deletedAt), isNull(articles.deletedAt)))
    .get();
  return row ?? null;
}
