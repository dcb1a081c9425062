import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, bylines, media, revisions, tags } from '@/db/schema';
import type { BodyDoc } from '@/lib/body/types';
import { articleInputSchema, fieldErrors } from '@/lib/validation/article';
import { decideEditsArePending } from '@/lib/articles/pending';
import { applyArticleUpdate, conflictOf, type SaveResult } from './articles';
import { pendingState, writeWorkingCopy } from './working-copies';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Refused } from './common';

// Restoring a revision of a draft is an ordinary save of the old content: it goes through
// applyArticleUpdate (optimistic lock, slug checks, redirects, search index, cache tags) and so
// becomes the newest revision itself; nothing is rewritten. A published or scheduled article's
// restore never goes live by itself: the old content becomes the article's pending changes
// (./working-copies.ts), to check in the editor and apply with "Update". Only content is
// restored — never the status or the publication time — and the address (section and slug)
// stays as it is unless the caller asks for it too: an old slug would move a live story back to
// an address that now redirects to it.

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
  // Chosen related stories no longer published (or the article itself). Absent from results
  // recorded before related stories existed.
  relatedIds?: number[];
}

export type RestoreResult =
  // `pending`: the content waits in the pending changes instead of being saved to the article.
  | (Extract<SaveResult, { ok: true }> & { restoredVersion: number; dropped: DroppedReferences; pending: boolean })
  | Exclude<SaveResult, { ok: true }>
  // A live article's pending changes would be replaced: they are nobody's revision yet, so the
  // restore waits until someone applies (Update) or discards them.
  | Refused<'pending_changes', { savedBy: string | null; savedAt: string }>;

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
  options: { now?: Date; restoreAddress?: boolean } = {},
  db: DB = getDb(),
): Promise<RestoreResult> {
  const now = options.now ?? new Date();
  // One transaction holds the reads, the save and the audit row together.
  return db.transaction((tx): RestoreResult => {
    const article = tx
      .select()
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
    const relatedIds = ids(snapshot.relatedIds);
    const liveRelated = new Set(
      relatedIds.length
        ? tx
            .select({ id: articles.id })
            .from(articles)
            .where(and(inArray(articles.id, relatedIds), eq(articles.status, 'published'), isNull(articles.deletedAt)))
            .all()
            .map((r) => r.id)
            .filter((id) => id !== articleId)
        : [],
    );
    const dropped: DroppedReferences = {
      tagIds: tagIds.filter((id) => !liveTags.has(id)),
      bylineIds: bylineIds.filter((id) => !liveBylines.has(id)),
      mediaIds: [],
      relatedIds: relatedIds.filter((id) => !liveRelated.has(id)),
    };

    const content = Object.fromEntries(Object.entries(snapshot).filter(([key]) => !WORKFLOW_FIELDS.has(key)));
    const parsed = articleInputSchema.safeParse({
      ...content,
      tagIds: tagIds.filter((id) => liveTags.has(id)),
      bylineIds: bylineIds.filter((id) => liveBylines.has(id)),
      relatedIds: relatedIds.filter((id) => liveRelated.has(id)),
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

    if (!options.restoreAddress) {
      input.slug = article.slug;
      input.sectionId = article.sectionId;
    }

    const note = `Restored revision ${revision.version}`;
    const pending = decideEditsArePending(article.status);
    let result: SaveResult;
    if (pending) {
      // The same stale-page check a save makes, so nobody restores over a version they never saw.
      if (article.version !== expectedVersion) return { ok: false, reason: 'conflict', current: conflictOf(tx, article) };
      const waiting = pendingState(tx, articleId, article.version).pending;
      if (waiting) return { ok: false, reason: 'pending_changes', savedBy: waiting.savedBy, savedAt: waiting.savedAt };
      writeWorkingCopy(tx, articleId, { baseVersion: article.version, content: input, note }, actor, now);
      result = { ok: true, id: articleId, version: article.version, status: article.status, invalidates: [] };
    } else {
      result = applyArticleUpdate(tx, articleId, expectedVersion, input, actor, { note, now });
      if (!result.ok) return result;
    }
    appendAudit(tx, {
      action: 'article.revision_restored',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { revisionId, restoredVersion: revision.version, newVersion: result.version, dropped, pending, address: Boolean(options.restoreAddress) },
      at: now,
    });
    return { ...result, restoredVersion: revision.version, dropped, pending };
  });
}

/** One sentence for the editor about what the restore had to leave out, or null. */
export function describeDropped(dropped: DroppedReferences): string | null {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (dropped.tagIds.length) parts.push(n(dropped.tagIds.length, 'tag', 'tags'));
  if (dropped.bylineIds.length) parts.push(n(dropped.bylineIds.length, 'byline', 'bylines'));
  if (dropped.mediaIds.length) parts.push(n(dropped.mediaIds.length, 'image', 'images'));
  const related = dropped.relatedIds?.length ?? 0;
  if (parts.length === 0 && related === 0) return null;
  const gone = parts.length ? `Left out because they no longer exist: ${parts.join(', ')}.` : '';
  const unpublished = related ? `Left out because ${related === 1 ? 'it is' : 'they are'} no longer published: ${n(related, 'related story', 'related stories')}.` : '';
  return [gone, unpublished].filter(Boolean).join(' ');
}
