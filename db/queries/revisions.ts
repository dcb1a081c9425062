import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, bylines, media, revisions, sections, tags, users } from '@/db/schema';
import type { ArticleStatus } from '@/lib/domain';
import type { RevisionLookups } from '@/lib/articles/revision-diff';

// The newsroom's view of an article's history (uncached: per request, behind a permission check
// in the page). Every save writes one revision holding a full snapshot (db/mutations/articles.ts).

export interface RevisionArticle {
  id: number;
  title: string;
  status: ArticleStatus;
  version: number;
  // Whose article it is, for the 'own' scope of 'article.edit'.
  createdBy: number | null;
}

export interface RevisionListItem {
  id: number;
  version: number;
  note: string;
  createdAt: Date;
  userName: string | null;
  userEmail: string | null;
}

export interface RevisionSnapshot {
  id: number;
  version: number;
  createdAt: Date;
  snapshot: unknown;
}

/** The article a revisions page or restore is about; null when unknown or deleted. */
export async function getRevisionArticle(articleId: number): Promise<RevisionArticle | null> {
  const [row] = await getDb()
    .select({
      id: articles.id,
      title: articles.title,
      status: articles.status,
      version: articles.version,
      createdBy: articles.createdBy,
    })
    .from(articles)
    .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** Every revision of the article, newest first, with who saved it. */
export async function listRevisions(articleId: number): Promise<RevisionListItem[]> {
  return getDb()
    .select({
      id: revisions.id,
      version: revisions.version,
      note: revisions.note,
      createdAt: revisions.createdAt,
      userName: users.name,
      userEmail: users.email,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt), desc(revisions.id));
}

/** The snapshots of the given revisions of this article (a revision of another article is left out). */
export async function getRevisionSnapshots(articleId: number, ids: number[]): Promise<Map<number, RevisionSnapshot>> {
  const wanted = ids.filter((id) => Number.isSafeInteger(id) && id > 0);
  if (wanted.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: revisions.id, version: revisions.version, createdAt: revisions.createdAt, snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), inArray(revisions.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}

function idsOf(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(idsOf);
  const n = Number(value);
  return value != null && Number.isSafeInteger(n) && n > 0 ? [n] : [];
}

// Media ids of the images in a body, wherever they sit.
function bodyMediaIds(node: unknown, out: number[] = []): number[] {
  if (!node || typeof node !== 'object') return out;
  const n = node as { type?: unknown; attrs?: { mediaId?: unknown }; content?: unknown };
  if (n.type === 'image') out.push(...idsOf(n.attrs?.mediaId));
  if (Array.isArray(n.content)) for (const child of n.content) bodyMediaIds(child, out);
  return out;
}

/** Names for every section, tag, byline, image and related story the snapshots mention (ids since deleted are absent). */
export async function getRevisionLookups(snapshots: unknown[]): Promise<RevisionLookups> {
  const sectionIds = new Set<number>();
  const tagIds = new Set<number>();
  const bylineIds = new Set<number>();
  const mediaIds = new Set<number>();
  const userIds = new Set<number>();
  const articleIds = new Set<number>();
  for (const raw of snapshots) {
    if (!raw || typeof raw !== 'object') continue;
    const s = raw as Record<string, unknown>;
    idsOf(s.sectionId).forEach((id) => sectionIds.add(id));
    idsOf(s.tagIds).forEach((id) => tagIds.add(id));
    idsOf(s.bylineIds).forEach((id) => bylineIds.add(id));
    [...idsOf(s.heroMediaId), ...idsOf(s.socialMediaId), ...bodyMediaIds(s.body)].forEach((id) => mediaIds.add(id));
    idsOf(s.assigneeId).forEach((id) => userIds.add(id));
    idsOf(s.relatedIds).forEach((id) => articleIds.add(id));
  }
  const db = getDb();
  const [sectionRows, tagRows, bylineRows, mediaRows, userRows, articleRows] = await Promise.all([
    sectionIds.size ? db.select({ id: sections.id, name: sections.name }).from(sections).where(inArray(sections.id, [...sectionIds])) : [],
    tagIds.size ? db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, [...tagIds])) : [],
    bylineIds.size ? db.select({ id: bylines.id, name: bylines.name }).from(bylines).where(inArray(bylines.id, [...bylineIds])) : [],
    mediaIds.size
      ? db
          .select({ id: media.id, alt: media.alt, originalName: media.originalName })
          .from(media)
          .where(inArray(media.id, [...mediaIds]))
      : [],
    userIds.size ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...userIds])) : [],
    articleIds.size ? db.select({ id: articles.id, title: articles.title }).from(articles).where(inArray(articles.id, [...articleIds])) : [],
  ]);
  return {
    sections: Object.fromEntries(sectionRows.map((r) => [r.id, r.name])),
    tags: Object.fromEntries(tagRows.map((r) => [r.id, r.name])),
    bylines: Object.fromEntries(bylineRows.map((r) => [r.id, r.name])),
    media: Object.fromEntries(mediaRows.map((r) => [r.id, r.alt.trim() || r.originalName])),
    users: Object.fromEntries(userRows.map((r) => [r.id, r.name])),
    articles: Object.fromEntries(articleRows.map((r) => [r.id, r.title])),
  };
}
