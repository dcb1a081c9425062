import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { containsText, startsWithText } from '@/db/like';
import { articles, bylines, curation, media, sections, tags, users } from '@/db/schema';
import type { BylineKind } from '@/lib/domain';
import type { CurationSlot } from '@/lib/validation/taxonomy';
import { mediaUrl } from './articles';

// The newsroom's views of sections, tags, bylines and the home page's slots. Uncached: admin
// pages render per request, and an editor must see their own change at once.

// ---------------------------------------------------------------------------------------------
// Sections

export interface AdminSection {
  id: number;
  name: string;
  slug: string;
  description: string;
  position: number;
  articleCount: number;
  publishedCount: number;
}

// Counts are correlated subqueries on the outer row, named in full (an unqualified "id" would
// bind to the inner table's own id).
export async function listAdminSections(db: DB = getDb()): Promise<AdminSection[]> {
  return db
    .select({
      id: sections.id,
      name: sections.name,
      slug: sections.slug,
      description: sections.description,
      position: sections.position,
      articleCount: sql<number>`(SELECT count(*) FROM articles a WHERE a.section_id = "sections"."id")`,
      publishedCount: sql<number>`(SELECT count(*) FROM articles a WHERE a.section_id = "sections"."id" AND a.status = 'published' AND a.deleted_at IS NULL)`,
    })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

// ---------------------------------------------------------------------------------------------
// Tags

export const TAGS_PER_PAGE = 50;

export interface AdminTag {
  id: number;
  name: string;
  slug: string;
  description: string;
  articleCount: number;
}

export async function listAdminTags({ q, page }: { q?: string; page: number }, db: DB = getDb()): Promise<{ rows: AdminTag[]; total: number }> {
  const text = q?.trim();
  const where = text ? sql`(${containsText(tags.name, text)} OR ${containsText(tags.slug, text)})` : undefined;
  const [counted] = await db.select({ total: count() }).from(tags).where(where);
  const rows = await db
    .select({
      id: tags.id,
      name: tags.name,
      slug: tags.slug,
      description: tags.description,
      articleCount: sql<number>`(SELECT count(*) FROM article_tags at WHERE at.tag_id = "tags"."id")`,
    })
    .from(tags)
    .where(where)
    .orderBy(sql`lower(${tags.name})`, asc(tags.id))
    .limit(TAGS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * TAGS_PER_PAGE);
  return { rows, total: counted?.total ?? 0 };
}

export interface TagOption {
  id: number;
  name: string;
  slug: string;
}

/** Up to `limit` tags whose name or slug contains `q`, those starting with it first. */
export async function searchTags(q: string, limit = 10, db: DB = getDb()): Promise<TagOption[]> {
  const text = q.trim().slice(0, 120);
  const columns = { id: tags.id, name: tags.name, slug: tags.slug };
  if (!text) return db.select(columns).from(tags).orderBy(sql`lower(${tags.name})`).limit(limit);
  const prefix = sql`(${startsWithText(tags.name, text)} OR ${startsWithText(tags.slug, text)})`;
  return db
    .select(columns)
    .from(tags)
    .where(sql`(${containsText(tags.name, text)} OR ${containsText(tags.slug, text)})`)
    .orderBy(sql`${prefix} DESC`, sql`length(${tags.name})`, sql`lower(${tags.name})`)
    .limit(limit);
}

/** A tag named by its slug or (ignoring case) its name, as typed into the merge form. */
export async function findTagByNameOrSlug(text: string, db: DB = getDb()): Promise<TagOption | null> {
  const value = text.trim();
  if (!value) return null;
  const [row] = await db
    .select({ id: tags.id, name: tags.name, slug: tags.slug })
    .from(tags)
    .where(sql`${tags.slug} = ${value.toLowerCase()} OR lower(${tags.name}) = lower(${value})`)
    .orderBy(sql`${tags.slug} = ${value.toLowerCase()} DESC`)
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Bylines

export interface AdminByline {
  id: number;
  name: string;
  slug: string;
  kind: BylineKind;
  jobTitle: string;
  bio: string;
  avatarMediaId: number | null;
  avatarSrc: string | null;
  avatarAlt: string;
  userId: number | null;
  userName: string | null;
  articleCount: number;
}

export async function listAdminBylines(db: DB = getDb()): Promise<AdminByline[]> {
  const rows = await db
    .select({
      id: bylines.id,
      name: bylines.name,
      slug: bylines.slug,
      kind: bylines.kind,
      jobTitle: bylines.jobTitle,
      bio: bylines.bio,
      avatarMediaId: bylines.avatarMediaId,
      avatarFile: media.file,
      avatarAlt: media.alt,
      userId: bylines.userId,
      userName: users.name,
      articleCount: sql<number>`(SELECT count(*) FROM article_bylines ab WHERE ab.byline_id = "bylines"."id")`,
    })
    .from(bylines)
    .leftJoin(media, eq(media.id, bylines.avatarMediaId))
    .leftJoin(users, eq(users.id, bylines.userId))
    .orderBy(asc(bylines.kind), sql`lower(${bylines.name})`);
  return rows.map(({ avatarFile, avatarAlt, ...r }) => ({ ...r, avatarSrc: avatarFile ? mediaUrl(avatarFile) : null, avatarAlt: avatarAlt ?? '' }));
}

export interface BylineOption {
  id: number;
  name: string;
  slug: string;
  kind: BylineKind;
}

export async function searchBylines(q: string, limit = 10, db: DB = getDb()): Promise<BylineOption[]> {
  const text = q.trim().slice(0, 120);
  const columns = { id: bylines.id, name: bylines.name, slug: bylines.slug, kind: bylines.kind };
  if (!text) return db.select(columns).from(bylines).orderBy(sql`lower(${bylines.name})`).limit(limit);
  const prefix = sql`(${startsWithText(bylines.name, text)} OR ${startsWithText(bylines.slug, text)})`;
  return db
    .select(columns)
    .from(bylines)
    .where(sql`(${containsText(bylines.name, text)} OR ${containsText(bylines.slug, text)})`)
    .orderBy(sql`${prefix} DESC`, sql`lower(${bylines.name})`)
    .limit(limit);
}

export interface AvatarChoice {
  id: number;
  label: string;
  src: string;
}

/** Recent library images to pick an avatar from (plus the ones bylines already use). */
export async function listAvatarChoices(limit = 60, db: DB = getDb()): Promise<AvatarChoice[]> {
  const inUse = db.select({ id: bylines.avatarMediaId }).from(bylines);
  const rows = await db
    .select({ id: media.id, alt: media.alt, originalName: media.originalName, file: media.file })
    .from(media)
    .where(
      and(
        like(media.mimeType, 'image/%'),
        or(inArray(media.id, inUse), sql`${media.id} IN (SELECT id FROM media ORDER BY created_at DESC, id DESC LIMIT ${limit})`),
      ),
    )
    .orderBy(desc(media.createdAt), desc(media.id));
  return rows.map((r) => ({ id: r.id, label: `#${r.id} — ${r.alt || r.originalName}`, src: mediaUrl(r.file) }));
}

export interface UserChoice {
  id: number;
  name: string;
  email: string;
}

export async function listUserChoices(db: DB = getDb()): Promise<UserChoice[]> {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.disabled), sql`lower(${users.name})`);
}

// ---------------------------------------------------------------------------------------------
// Home page curation

export interface CuratedItem {
  id: number;
  title: string;
  section: string;
  publishedAt: string | null;
  // False when the story was unpublished or deleted since: the public page skips it.
  live: boolean;
}

export type CurationSlots = Record<CurationSlot, CuratedItem[]>;

export async function getCurationSlots(db: DB = getDb()): Promise<CurationSlots> {
  const rows = await db
    .select({
      slot: curation.slot,
      id: articles.id,
      title: articles.title,
      section: sections.name,
      publishedAt: articles.publishedAt,
      status: articles.status,
      deletedAt: articles.deletedAt,
    })
    .from(curation)
    .innerJoin(articles, eq(articles.id, curation.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .orderBy(asc(curation.slot), asc(curation.position));
  const slots: CurationSlots = { lead: [], top: [], picks: [] };
  for (const r of rows) {
    slots[r.slot].push({
      id: r.id,
      title: r.title,
      section: r.section,
      publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
      live: r.status === 'published' && r.deletedAt == null,
    });
  }
  return slots;
}

export interface ArticleSearchHit {
  id: number;
  title: string;
  section: string;
  publishedAt: string;
}

/** Published articles whose title contains `q` (newest first); the newest ones for an empty query. */
export async function searchPublishedArticles(q: string, limit = 15, db: DB = getDb()): Promise<ArticleSearchHit[]> {
  const text = q.trim().slice(0, 200);
  const rows = await db
    .select({ id: articles.id, title: articles.title, section: sections.name, publishedAt: articles.publishedAt })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        eq(articles.status, 'published'),
        isNull(articles.deletedAt),
        text ? containsText(articles.title, text) : undefined,
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: (r.publishedAt ?? new Date(0)).toISOString() }));
}
