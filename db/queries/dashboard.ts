import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articles, media, pageViews, sections, settings, users } from '@/db/schema';
import type { ArticleStatus } from '@/lib/domain';
import { parseSchedulerReport, SCHEDULER_SETTINGS_KEY, type SchedulerReport } from '@/lib/newsroom/scheduler-report';
import { imageLabel } from '@/lib/media/rights';
import type { AdminViewer } from './admin-articles';
import { findMediaUses } from './media';

// The newsroom dashboard's lists (uncached, per request). Writers see their own work (created
// by or assigned to them); editors see the whole desk. Recently published and most read are
// public facts, the same for everyone.

export interface DashboardItem {
  id: number;
  title: string;
  status: ArticleStatus;
  section: string | null;
  modifiedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  reviewDeadline: Date | null;
  assigneeName: string | null;
  createdByName: string | null;
  views?: number;
}

const LIMIT = 8;

function baseQuery() {
  const creator = alias(users, 'creator');
  const assignee = alias(users, 'assignee');
  return getDb()
    .select({
      id: articles.id,
      title: articles.title,
      status: articles.status,
      section: sections.name,
      modifiedAt: articles.modifiedAt,
      publishedAt: articles.publishedAt,
      scheduledAt: articles.scheduledAt,
      reviewDeadline: articles.reviewDeadline,
      assigneeName: assignee.name,
      createdByName: creator.name,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(creator, eq(creator.id, articles.createdBy))
    .leftJoin(assignee, eq(assignee.id, articles.assigneeId));
}

function mineOrAll(viewer: AdminViewer): SQL | undefined {
  return viewer.scope === 'any' ? undefined : or(eq(articles.createdBy, viewer.id), eq(articles.assigneeId, viewer.id));
}

export interface Dashboard {
  myDrafts: DashboardItem[];
  waitingForReview: DashboardItem[];
  approved: DashboardItem[];
  scheduled: DashboardItem[];
  recentlyPublished: DashboardItem[];
  mostReadToday: DashboardItem[];
}

export async function getDashboard(viewer: AdminViewer, now = new Date()): Promise<Dashboard> {
  const live = isNull(articles.deletedAt);
  const [myDrafts, waitingForReview, approved, scheduled, recentlyPublished, mostReadToday] = await Promise.all([
    // Everyone's own drafts, editors included: "mine" means created by me.
    baseQuery()
      .where(and(eq(articles.status, 'draft'), live, eq(articles.createdBy, viewer.id)))
      .orderBy(desc(articles.modifiedAt))
      .limit(LIMIT),
    // Assigned to me (or mine, waiting) for writers; the whole queue for editors. Nearest deadline first.
    baseQuery()
      .where(and(eq(articles.status, 'in_review'), live, mineOrAll(viewer)))
      .orderBy(sql`${articles.reviewDeadline} IS NULL`, asc(articles.reviewDeadline), desc(articles.modifiedAt))
      .limit(LIMIT * 2),
    // Approved in review, waiting for someone to publish or schedule it; oldest approval first.
    baseQuery()
      .where(and(eq(articles.status, 'approved'), live, mineOrAll(viewer)))
      .orderBy(asc(articles.modifiedAt))
      .limit(LIMIT * 2),
    baseQuery()
      .where(and(eq(articles.status, 'scheduled'), live, mineOrAll(viewer)))
      .orderBy(asc(articles.scheduledAt))
      .limit(LIMIT * 2),
    baseQuery().where(and(eq(articles.status, 'published'), live)).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(LIMIT),
    listMostReadToday(now),
  ]);
  return { myDrafts, waitingForReview, approved, scheduled, recentlyPublished, mostReadToday };
}

export interface ExpiredRightsItem {
  // The article's id and headline, as every dashboard list has them.
  id: number;
  title: string;
  images: { mediaId: number; label: string; place: 'hero' | 'social' | 'body'; expiredAt: Date }[];
}

// How many lapsed images are looked at: the most recently lapsed first. Images are few and each
// look-up (findMediaUses) is a scan of article bodies, so the dashboard keeps to a handful.
const LAPSED_IMAGES = 25;

/**
 * Live articles that show an image whose usage rights have run out (lib/media/rights.ts): the
 * rights lapsed after the article went out, or it went out before rights were enforced. Most
 * recently lapsed first.
 */
export async function listLiveArticlesWithExpiredRights(now = new Date()): Promise<ExpiredRightsItem[]> {
  const db = getDb();
  const lapsed = await db
    .select({ id: media.id, alt: media.alt, caption: media.caption, originalName: media.originalName, rightsExpireAt: media.rightsExpireAt })
    .from(media)
    .where(and(isNotNull(media.rightsExpireAt), lte(media.rightsExpireAt, now)))
    .orderBy(desc(media.rightsExpireAt), desc(media.id))
    .limit(LAPSED_IMAGES);
  const byArticle = new Map<number, ExpiredRightsItem>();
  for (const image of lapsed) {
    for (const use of findMediaUses(db, image.id)) {
      if (use.kind === 'avatar' || use.deleted || use.status !== 'published') continue;
      const item = byArticle.get(use.articleId) ?? { id: use.articleId, title: use.title, images: [] };
      item.images.push({ mediaId: image.id, label: imageLabel(image), place: use.kind, expiredAt: image.rightsExpireAt! });
      byArticle.set(use.articleId, item);
    }
  }
  return [...byArticle.values()];
}

// Today's counts from the view beacon (page_views.day is the UTC day; the buffer is flushed in
// batches, so the last few seconds may be missing).
async function listMostReadToday(now: Date): Promise<DashboardItem[]> {
  const day = now.toISOString().slice(0, 10);
  const top = await getDb()
    .select({ articleId: pageViews.articleId, views: pageViews.count })
    .from(pageViews)
    .innerJoin(articles, eq(articles.id, pageViews.articleId))
    .where(and(eq(pageViews.day, day), eq(articles.status, 'published'), isNull(articles.deletedAt)))
    .orderBy(desc(pageViews.count), desc(pageViews.articleId))
    .limit(5);
  if (top.length === 0) return [];
  const rows = await baseQuery().where(sql`${articles.id} IN (${sql.join(top.map((t) => sql`${t.articleId}`), sql`, `)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return top.flatMap((t) => {
    const row = byId.get(t.articleId);
    return row ? [{ ...row, views: t.views }] : [];
  });
}

// What the scheduler recorded of its last run and of articles it could not publish.
export async function getSchedulerReport(): Promise<SchedulerReport> {
  const [row] = await getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, SCHEDULER_SETTINGS_KEY)).limit(1);
  return parseSchedulerReport(row?.value);
}
