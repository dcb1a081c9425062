import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { findMediaUses, describeMediaUses, type MediaUse } from '@/db/queries/media';
import { media } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { removeMediaFile } from '@/platform/media-upload';
import { getMediaDir } from '@/platform/paths';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused } from './common';

// Writes to the media library; each one transaction with its audit entry. The file on disk
// is written by the upload route before createMedia (and removed by it if the row fails);
// deleteMedia removes the file after the row is gone.

export interface NewMedia {
  file: string;
  originalName: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
  hash: string;
  uploadedBy: number | null;
}

export type CreateMediaResult = Done<{ id: number; file: string; duplicate: boolean }>;

/**
 * Adds an uploaded image. The same picture (same stored bytes) already in the library is
 * returned instead of stored twice: `duplicate` says so, and `file` names the existing file.
 */
export async function createMedia(input: NewMedia, actor: Actor, db: DB = getDb()): Promise<CreateMediaResult> {
  // No page shows an image until an article or byline uses it, so nothing to expire.
  return db.transaction((tx): CreateMediaResult => {
    const existing = tx.select({ id: media.id, file: media.file }).from(media).where(eq(media.hash, input.hash)).get();
    if (existing) return { ok: true, id: existing.id, file: existing.file, duplicate: true, invalidates: [] };
    const row = tx.insert(media).values(input).returning({ id: media.id }).get();
    appendAudit(tx, {
      action: 'media.uploaded',
      ...auditedBy(actor),
      targetType: 'media',
      targetId: row.id,
      details: { file: input.file, originalName: input.originalName, mimeType: input.mimeType, size: input.size },
    });
    return { ok: true, id: row.id, file: input.file, duplicate: false, invalidates: [] };
  });
}

export interface MediaChanges {
  alt?: string;
  caption?: string;
  credit?: string;
  sourceAgency?: string;
  usageRights?: string;
  rightsExpireAt?: Date | null;
  focalX?: number;
  focalY?: number;
}

export type UpdateMediaResult = Done<{ changed: (keyof MediaChanges)[] }> | Refused<'not_found' | 'invalid'>;

// Public pages that show an image: the articles using it (their pages, and the lists and
// feeds that show their main image, which carry the article's tag), the bylines wearing it as an
// avatar.
export function mediaCacheTags(uses: readonly MediaUse[]): string[] {
  const tags = new Set<string>();
  for (const use of uses) {
    tags.add(use.kind === 'avatar' ? cacheTags.byline(use.bylineId) : cacheTags.article(use.articleId));
  }
  return [...tags];
}

const TEXT_FIELDS = ['alt', 'caption', 'credit', 'sourceAgency', 'usageRights'] as const;

/** Changes an image's description, rights or focal point (fractions of width and height, 0–1). */
export async function updateMedia(id: number, changes: MediaChanges, actor: Actor, db: DB = getDb()): Promise<UpdateMediaResult> {
  for (const key of ['focalX', 'focalY'] as const) {
    const value = changes[key];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0 && value <= 1)) return { ok: false, reason: 'invalid' };
  }
  return db.transaction((tx): UpdateMediaResult => {
    const before = tx.select().from(media).where(eq(media.id, id)).get();
    if (!before) return { ok: false, reason: 'not_found' };
    const values: MediaChanges = {};
    const changed: (keyof MediaChanges)[] = [];
    for (const key of TEXT_FIELDS) {
      const value = changes[key];
      if (value !== undefined && value !== before[key]) {
        values[key] = value;
        changed.push(key);
      }
    }
    if (changes.rightsExpireAt !== undefined && (changes.rightsExpireAt?.getTime() ?? null) !== (before.rightsExpireAt?.getTime() ?? null)) {
      values.rightsExpireAt = changes.rightsExpireAt;
      changed.push('rightsExpireAt');
    }
    for (const key of ['focalX', 'focalY'] as const) {
      const value = changes[key];
      if (value !== undefined && value !== before[key]) {
        values[key] = value;
        changed.push(key);
      }
    }
    if (changed.length === 0) return { ok: true, changed, invalidates: [] };
    tx.update(media).set(values).where(eq(media.id, id)).run();
    appendAudit(tx, { action: 'media.updated', ...auditedBy(actor), targetType: 'media', targetId: id, details: { changed } });
    return { ok: true, changed, invalidates: mediaCacheTags(findMediaUses(tx, id)) };
  });
}

export type DeleteMediaResult =
  | Done<{ file: string; originalName: string }>
  | Refused<'not_found'>
  | Refused<'in_use', { uses: MediaUse[]; message: string }>;

/**
 * Deletes an image nobody uses, then its file. An image still used by an article (main,
 * social or in the text, trashed articles included) or a byline is refused, naming where.
 */
export async function deleteMedia(
  id: number,
  actor: Actor,
  options: { mediaDir?: string } = {},
  db: DB = getDb(),
): Promise<DeleteMediaResult> {
  const result = db.transaction((tx): DeleteMediaResult => {
    const row = tx.select({ file: media.file, originalName: media.originalName }).from(media).where(eq(media.id, id)).get();
    if (!row) return { ok: false, reason: 'not_found' };
    const uses = findMediaUses(tx, id);
    if (uses.length > 0) {
      return { ok: false, reason: 'in_use', uses, message: `This image cannot be deleted while it is used: ${describeMediaUses(uses)}. Remove it there first.` };
    }
    tx.delete(media).where(eq(media.id, id)).run();
    appendAudit(tx, { action: 'media.deleted', ...auditedBy(actor), targetType: 'media', targetId: id, details: { file: row.file, originalName: row.originalName } });
    // Nothing public showed it (it was unused), so no cache tag changes.
    return { ok: true, file: row.file, originalName: row.originalName, invalidates: [] };
  });
  if (result.ok) await removeMediaFile(options.mediaDir ?? getMediaDir(), result.file);
  return result;
}
