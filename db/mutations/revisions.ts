import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, bylines, media, revisions, tags } from '@/db/schema';
import type { BodyDoc } from '@/lib/body/types';
import { articleInputSchema, fieldErrors } from '@/lib/validation/article';
import { applyArticleUpdate, type SaveResult } from './articles';
import { appendAudit, auditedBy } from './audit';
import type { Actor } from './common';

// Restoring a revision is an ordinary save of the old content: it goes through applyArticleUpdate
// (optimistic lock, slug checks, redirects, search index, cache tags) and so becomes the newest
// revision itself; nothing is rewritten. Only content is restored — never the status or the
// publication time: restoring an old draft of a published article does not unpublish it, and
// restoring a published version of a draft does not publish it.

// What a restore leaves as it is now: the workflow (status, publication and public "Updated"
// times, review assignee, deadline and notes) and the public correction notes, which are a
// record of what readers were told and never roll back with the text.
const WORKFLOW_FIELDS = new Set([
  'status',
  'publishedAt',
  'scheduledAt',
  'updatedAt',
  'assigneeId',
  'reviewDeadline',
  'internalNotes',
  'corrections',
]);

/** References in the old snapshot that no longer exist, left out of the restored content. */
export interface DroppedReferences {
  tagIds: number[];
  bylineIds: number[];
  // Hero, social and body images deleted from the media library since.
  mediaIds: number[];
}

export type RestoreResult =
  | (Extract<SaveResult, { ok: true }> & { restoredVersion: number; dropped: DroppedReferences })
  | Exclude<SaveResult, { ok: true }>;

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0) : [];
}

function mediaId(value: unknown): number | null {
  const n = Number(value);
  return value != null && Number.isSafeInteger(n) && n > 0 ? n : null;
}

export async function restoreRevision(
  articleId: number,
  revisionId: number,
  expectedVersion: number,
  actor: Actor,
  options: { now?: Date } = {},
  db: DB = getDb(),
): Promise<RestoreResult> {
  // One transaction holds the reads, the save and the audit row together.
  return db.transaction((tx): RestoreResult => {
    const article = tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
      .get();
    const revision = tx
      .select({ version: revisions.version, snapshot: revisions.snapshot })
      .from(revisions)
      .where(and(eq(revisions.id, revisionId), eq(revisions.articleId, articleId)))
      .get();
    if (!article || !revision || !revision.snapshot || typeof revision.snapshot !== 'object') {
      return { ok: false, reason: 'not_found' };
    }
    const snapshot = revision.snapshot as Record<string, unknown>;

    const tagIds = ids(snapshot.tagIds);
    const bylineIds = ids(snapshot.bylineIds);
    const liveTags = new Set(
      tagIds.length ? tx.select({ id: tags.id }).from(tags).where(inArray(tags.id, tagIds)).all().map((r) => r.id) : [],
    );
    const liveBylines = new Set(
      bylineIds.length
        ? tx.select({ id: bylines.id }).from(bylines).where(inArray(bylines.id, bylineIds)).all().map((r) => r.id)
        : [],
    );
    const dropped: DroppedReferences = {
      tagIds: tagIds.filter((id) => !liveTags.has(id)),
      bylineIds: bylineIds.filter((id) => !liveBylines.has(id)),
      mediaIds: [],
    };

    const content = Object.fromEntries(Object.entries(snapshot).filter(([key]) => !WORKFLOW_FIELDS.has(key)));
    const parsed = articleInputSchema.safeParse({
      ...content,
      tagIds: tagIds.filter((id) => liveTags.has(id)),
      bylineIds: bylineIds.filter((id) => liveBylines.has(id)),
    });
    if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.error) };
    const input = parsed.data;

    const body = input.body as BodyDoc;
    const wantedMedia = [
      ...new Set([
        ...[input.heroMediaId, input.socialMediaId].flatMap((id) => (id == null ? [] : [id])),
        ...(body.content ?? []).flatMap((block) => (block.type === 'image' ? [mediaId(block.attrs.mediaId) ?? -1] : [])),
      ]),
    ];
    const liveMedia = new Set(
      wantedMedia.length
        ? tx.select({ id: media.id }).from(media).where(inArray(media.id, wantedMedia)).all().map((r) => r.id)
        : [],
    );
    dropped.mediaIds = wantedMedia.filter((id) => !liveMedia.has(id) && id > 0);
    if (input.heroMediaId != null && !liveMedia.has(input.heroMediaId)) input.heroMediaId = null;
    if (input.socialMediaId != null && !liveMedia.has(input.socialMediaId)) input.socialMediaId = null;
    input.body = {
      ...body,
      content: (body.content ?? []).filter((block) => block.type !== 'image' || liveMedia.has(Number(block.attrs.mediaId))),
    };

    const result = applyArticleUpdate(tx, articleId, expectedVersion, input, actor, {
      note: `Restored revision ${revision.version}`,
      now: options.now,
    });
    if (!result.ok) return result;
    appendAudit(tx, {
      action: 'article.revision_restored',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { revisionId, restoredVersion: revision.version, newVersion: result.version, dropped },
    });
    return { ...result, restoredVersion: revision.version, dropped };
  });
}

/** One sentence for the editor about what the restore had to leave out, or null. */
export function describeDropped(dropped: DroppedReferences): string | null {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (dropped.tagIds.length) parts.push(n(dropped.tagIds.length, 'tag', 'tags'));
  if (dropped.bylineIds.length) parts.push(n(dropped.bylineIds.length, 'byline', 'bylines'));
  if (dropped.mediaIds.length) parts.push(n(dropped.mediaIds.length, 'image', 'images'));
  if (parts.length === 0) return null;
  return `Left out because they no longer exist: ${parts.join(', ')}.`;
}
