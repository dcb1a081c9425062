import 'server-only';
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { containsText } from '@/db/like';
import { articles, bylines, media, users } from '@/db/schema';

export interface MediaFocus {
  file: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
}

// What the crop route needs to cut a library image. Not cached: the route asks only when a
// crop is missing from its disk cache (media.file is unique, so this is an index look-up).
export async function getMediaFocusByFile(file: string): Promise<MediaFocus | null> {
  const [row] = await getDb()
    .select({ file: media.file, width: media.width, height: media.height, focalX: media.focalX, focalY: media.focalY })
    .from(media)
    .where(eq(media.file, file))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// The newsroom's library (uncached: /admin is dynamic, and the picker must see a fresh upload).

export const MEDIA_PER_PAGE = 24;
// /_next/image widths are limited to next.config.ts's deviceSizes and imageSizes.
export const THUMBNAIL_WIDTH = 390;

/** The original, as /media serves it. */
export function mediaOriginalUrl(file: string): string {
  return `/media/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** A resized variant through Next's image optimizer (AVIF/WebP for browsers that take them). */
export function mediaVariantUrl(file: string, width: number = THUMBNAIL_WIDTH): string {
  return `/_next/image?url=${encodeURIComponent(mediaOriginalUrl(file))}&w=${width}&q=75`;
}

export function isRightsExpired(rightsExpireAt: Date | null, now: Date = new Date()): boolean {
  return rightsExpireAt != null && rightsExpireAt.getTime() <= now.getTime();
}

export interface MediaListItem {
  id: number;
  file: string;
  url: string;
  thumbnailUrl: string;
  originalName: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  rightsExpireAt: Date | null;
  rightsExpired: boolean;
  uploadedBy: number | null;
  createdAt: Date;
}

const listColumns = {
  id: media.id,
  file: media.file,
  originalName: media.originalName,
  mimeType: media.mimeType,
  size: media.size,
  width: media.width,
  height: media.height,
  alt: media.alt,
  caption: media.caption,
  credit: media.credit,
  rightsExpireAt: media.rightsExpireAt,
  uploadedBy: media.uploadedBy,
  createdAt: media.createdAt,
};

type ListRow = Pick<typeof media.$inferSelect, keyof typeof listColumns>;

function toListItem(row: ListRow, now: Date): MediaListItem {
  return {
    id: row.id,
    file: row.file,
    url: mediaOriginalUrl(row.file),
    thumbnailUrl: mediaVariantUrl(row.file),
    originalName: row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    rightsExpireAt: row.rightsExpireAt,
    rightsExpired: isRightsExpired(row.rightsExpireAt, now),
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt,
  };
}

// `%` and `_` typed into the search box are matched literally.
function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim().slice(0, 200);
  if (!text) return undefined;
  const words = text.split(/\s+/).slice(0, 8);
  // Every word must appear in one of the described fields (case-insensitive for ASCII).
  return and(
    ...words.map((word) => {
      return or(
        containsText(media.alt, word),
        containsText(media.caption, word),
        containsText(media.credit, word),
        containsText(media.sourceAgency, word),
        containsText(media.originalName, word),
      );
    }),
  );
}

/** The library, newest first, optionally searched by alt text, caption, credit, agency or file name. */
export async function listMedia({
  q,
  page = 1,
  perPage = MEDIA_PER_PAGE,
  now = new Date(),
}: {
  q?: string;
  page?: number;
  perPage?: number;
  now?: Date;
}): Promise<{ rows: MediaListItem[]; total: number; page: number; pageCount: number }> {
  const db = getDb();
  const where = searchCondition(q);
  const [counted] = await db.select({ total: count() }).from(media).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const rows = await db
    .select(listColumns)
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(perPage)
    .offset((current - 1) * perPage);
  return { rows: rows.map((r) => toListItem(r, now)), total, page: current, pageCount };
}

export interface MediaDetail extends MediaListItem {
  sourceAgency: string;
  usageRights: string;
  focalX: number;
  focalY: number;
  hash: string;
  uploaderName: string | null;
}

export async function getMediaItem(id: number, now: Date = new Date()): Promise<MediaDetail | null> {
  const [row] = await getDb()
    .select({ m: media, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(eq(media.id, id))
    .limit(1);
  if (!row) return null;
  const { m } = row;
  return {
    ...toListItem(m, now),
    sourceAgency: m.sourceAgency,
    usageRights: m.usageRights,
    focalX: m.focalX,
    focalY: m.focalY,
    hash: m.hash,
    uploaderName: row.uploaderName,
  };
}

/** Who owns a media item, for the permission check ('own' scope). Null when there is no such item. */
export async function getMediaOwner(id: number): Promise<{ ownerId: number | null } | null> {
  const [row] = await getDb().select({ ownerId: media.uploadedBy }).from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

export async function getMediaIdByHash(hash: string): Promise<number | null> {
  const [row] = await getDb().select({ id: media.id }).from(media).where(eq(media.hash, hash)).limit(1);
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Where an image is used: an article's hero or social image, an image node anywhere in an
// article body (trashed articles count: they can be restored), a byline's avatar.

export type MediaUse =
  | { kind: 'hero' | 'social' | 'body'; articleId: number; title: string; status: string; deleted: boolean }
  | { kind: 'avatar'; bylineId: number; name: string };

type Reader = Pick<DB, 'all'>;

/** Synchronous, so a mutation can ask inside its transaction. */
export function findMediaUses(db: Reader, mediaId: number): MediaUse[] {
  // Bound as an integer: a number bound as a REAL would read "5.0" in the text filter.
  const id = sql`CAST(${Math.trunc(mediaId)} AS INTEGER)`;
  const articleRows = db.all<{ id: number; title: string; status: string; deleted_at: number | null; hero: number; social: number; body: number }>(sql`
    SELECT a.id, a.title, a.status, a.deleted_at,
           a.hero_media_id = ${id} AS hero,
           ifnull(a.social_media_id = ${id}, 0) AS social,
           EXISTS (
             SELECT 1 FROM json_tree(a.body) AS t
             WHERE t.key = 'mediaId' AND t.type = 'integer' AND t.value = ${id}
               AND (
                 (t.path LIKE '%.attrs'
                   AND json_extract(a.body, substr(t.path, 1, length(t.path) - 6) || '.type') IN ('image', 'document', 'audio'))
                 -- A gallery's image: <node>.attrs.items[n].mediaId.
                 OR (rtrim(t.path, '0123456789[]') LIKE '%.attrs.items'
                   AND json_extract(a.body, substr(rtrim(t.path, '0123456789[]'), 1, length(rtrim(t.path, '0123456789[]')) - 12) || '.type') = 'gallery')
               )
           ) AS body
    FROM ${articles} AS a
    WHERE a.hero_media_id = ${id}
       OR a.social_media_id = ${id}
       -- Cheap text filter first; json_tree above confirms it is really an image node.
       OR instr(a.body, '"mediaId":' || ${id}) > 0
    ORDER BY a.id`);
  const uses: MediaUse[] = [];
  for (const row of articleRows) {
    const base = { articleId: row.id, title: row.title, status: row.status, deleted: row.deleted_at != null };
    if (row.hero) uses.push({ kind: 'hero', ...base });
    if (row.social) uses.push({ kind: 'social', ...base });
    if (row.body) uses.push({ kind: 'body', ...base });
  }
  const bylineRows = db.all<{ id: number; name: string }>(
    sql`SELECT id, name FROM ${bylines} WHERE avatar_media_id = ${id} ORDER BY id`,
  );
  for (const row of bylineRows) uses.push({ kind: 'avatar', bylineId: row.id, name: row.name });
  return uses;
}

export async function getMediaUses(mediaId: number): Promise<MediaUse[]> {
  return findMediaUses(getDb(), mediaId);
}

const USE_LABEL: Record<MediaUse['kind'], string> = {
  hero: 'main image',
  social: 'social image',
  body: 'in the text',
  avatar: 'avatar',
};

/** "“Bridge reopens” (main image), byline “Ana Kovalenko” (avatar) and 3 more" */
export function describeMediaUses(uses: readonly MediaUse[], limit = 4): string {
  const parts = uses.map((u) =>
    u.kind === 'avatar' ? `byline “${u.name}” (${USE_LABEL.avatar})` : `“${u.title}” (${USE_LABEL[u.kind]}${u.deleted ? ', in the trash' : ''})`,
  );
  const shown = parts.slice(0, limit).join(', ');
  return parts.length > limit ? `${shown} and ${parts.length - limit} more` : shown;
}
