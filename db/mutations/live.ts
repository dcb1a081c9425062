import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, bylines, liveCoverage, liveUpdates, media, users } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import type { LiveUpdateFields } from '@/lib/validation/live';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused, Tx } from './common';

// Live coverage (docs/decisions/020-live-coverage.md). Every update is its own row, so reporters
// posting at once never meet; an edit or a delete names the update's version, and the coverage
// (start, end, key points) its own, so two people changing the same thing find each other.
//
// The story's page shows all of it under 'article:N' (db/queries/live.ts), so a change expires
// that one tag, and only while the story is public: its cards on lists carry the same tag, and a
// live page's card changes only with its live badge (start and end), which the same tag reaches.
// The article row is never written: an update does not conflict with an editor's open draft.

type Missing = Refused<'not_found'>;
type Invalid = Refused<'invalid', { field: string | null; message: string }>;
export type LiveUpdateConflict = Refused<'conflict', { current: { version: number; title: string; body: string; deleted: boolean } }>;
type CoverageConflict = Refused<'conflict', { current: { version: number; keyPoints: string[]; endedAt: string | null } }>;

function invalid(message: string, field: string | null = null): Invalid {
  return { ok: false, reason: 'invalid', field, message };
}

function storyOf(tx: Tx, articleId: number) {
  return tx
    .select({ id: articles.id, status: articles.status, deletedAt: articles.deletedAt })
    .from(articles)
    .where(eq(articles.id, articleId))
    .get();
}

/** What a change to a story's live page expires: its page, only when readers can see it. */
function tagsFor(story: { id: number; status: string; deletedAt: Date | null }): string[] {
  return story.status === 'published' && !story.deletedAt ? [cacheTags.article(story.id)] : [];
}

function checkMedia(tx: Tx, mediaId: number | null): Invalid | null {
  if (mediaId === null) return null;
  const found = tx.select({ id: media.id }).from(media).where(eq(media.id, mediaId)).get();
  return found ? null : invalid('That image is no longer in the media library; choose another.', 'mediaId');
}

export interface CoverageChange {
  keyPoints: string[];
  // 'start' begins (or reopens) the coverage, 'end' closes it, 'save' keeps its state.
  intent: 'save' | 'start' | 'end';
  // The coverage's version the form was opened on; 0 when the story was not live.
  expectedVersion: number;
}

/** Starts, ends or sums up a story's live coverage. */
export async function saveLiveCoverage(
  articleId: number,
  change: CoverageChange,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<Done<{ version: number; endedAt: string | null }> | Missing | Invalid | CoverageConflict> {
  return db.transaction((tx) => {
    const story = storyOf(tx, articleId);
    if (!story || story.deletedAt) return { ok: false as const, reason: 'not_found' as const };
    const before = tx.select().from(liveCoverage).where(eq(liveCoverage.articleId, articleId)).get();
    const version = before?.version ?? 0;
    if (version !== change.expectedVersion) {
      return {
        ok: false as const,
        reason: 'conflict' as const,
        current: { version, keyPoints: before?.keyPoints ?? [], endedAt: before?.endedAt?.toISOString() ?? null },
      };
    }
    if (!before && change.intent !== 'start') return invalid('This story is not live: start the coverage first.');
    const endedAt = change.intent === 'end' ? now : change.intent === 'start' ? null : (before?.endedAt ?? null);
    const values = { keyPoints: change.keyPoints, endedAt, version: version + 1, updatedBy: actor.id, updatedAt: now };
    if (before) tx.update(liveCoverage).set(values).where(eq(liveCoverage.articleId, articleId)).run();
    else tx.insert(liveCoverage).values({ articleId, startedAt: now, ...values }).run();
    const pointsChanged = JSON.stringify(before?.keyPoints ?? []) !== JSON.stringify(change.keyPoints);
    const action = change.intent === 'start' ? 'live.started' : change.intent === 'end' ? 'live.ended' : 'live.key_points';
    if (action !== 'live.key_points' || pointsChanged) {
      appendAudit(tx, {
        action,
        ...auditedBy(actor),
        targetType: 'article',
        targetId: articleId,
        details: pointsChanged ? { keyPoints: change.keyPoints } : null,
        at: now,
      });
    }
    return { ok: true as const, version: version + 1, endedAt: endedAt?.toISOString() ?? null, invalidates: tagsFor(story) };
  });
}

/** Posts an update to a live story, signed with the poster's byline (or name). */
export async function postLiveUpdate(
  articleId: number,
  fields: LiveUpdateFields,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<Done<{ id: number; version: number }> | Missing | Invalid> {
  return db.transaction((tx) => {
    const story = storyOf(tx, articleId);
    if (!story || story.deletedAt) return { ok: false as const, reason: 'not_found' as const };
    const coverage = tx.select({ endedAt: liveCoverage.endedAt }).from(liveCoverage).where(eq(liveCoverage.articleId, articleId)).get();
    if (!coverage) return invalid('This story is not live: start the coverage before posting.');
    if (coverage.endedAt) return invalid('The coverage has ended: reopen it to post again.');
    const badMedia = checkMedia(tx, fields.mediaId);
    if (badMedia) return badMedia;
    const byline = actor.id
      ? tx.select({ id: bylines.id, name: bylines.name }).from(bylines).where(eq(bylines.userId, actor.id)).orderBy(bylines.id).get()
      : undefined;
    const user = actor.id ? tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id)).get() : undefined;
    const row = tx
      .insert(liveUpdates)
      .values({
        articleId,
        title: fields.title,
        body: fields.body,
        mediaId: fields.mediaId,
        embedUrl: fields.embedUrl,
        pinned: fields.pinned,
        authorId: actor.id,
        bylineId: byline?.id ?? null,
        authorName: byline?.name ?? user?.name ?? '',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: liveUpdates.id, version: liveUpdates.version })
      .get();
    appendAudit(tx, {
      action: 'live.update_posted',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { updateId: row.id, title: fields.title, pinned: fields.pinned },
      at: now,
    });
    return { ok: true as const, id: row.id, version: row.version, invalidates: tagsFor(story) };
  });
}

function findUpdate(tx: Tx, articleId: number, updateId: number) {
  return tx
    .select()
    .from(liveUpdates)
    .where(and(eq(liveUpdates.id, updateId), eq(liveUpdates.articleId, articleId)))
    .get();
}

function conflictOf(row: typeof liveUpdates.$inferSelect): LiveUpdateConflict {
  return { ok: false, reason: 'conflict', current: { version: row.version, title: row.title, body: row.body, deleted: row.deletedAt !== null } };
}

/** Rewrites an update (its time stays: readers keep their place; its "edited" time moves). */
export async function editLiveUpdate(
  articleId: number,
  updateId: number,
  expectedVersion: number,
  fields: LiveUpdateFields,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<Done<{ version: number }> | Missing | Invalid | LiveUpdateConflict> {
  return db.transaction((tx) => {
    const story = storyOf(tx, articleId);
    const before = findUpdate(tx, articleId, updateId);
    if (!story || story.deletedAt || !before || before.deletedAt) return { ok: false as const, reason: 'not_found' as const };
    if (before.version !== expectedVersion) return conflictOf(before);
    const badMedia = checkMedia(tx, fields.mediaId);
    if (badMedia) return badMedia;
    tx.update(liveUpdates)
      .set({ ...fields, version: before.version + 1, updatedAt: now })
      .where(eq(liveUpdates.id, updateId))
      .run();
    appendAudit(tx, {
      action: 'live.update_edited',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { updateId, before: { title: before.title, body: before.body, pinned: before.pinned }, after: { title: fields.title, body: fields.body, pinned: fields.pinned } },
      at: now,
    });
    return { ok: true as const, version: before.version + 1, invalidates: tagsFor(story) };
  });
}

/** Takes an update off the page; the row stays, with its text, for the audit trail. */
export async function deleteLiveUpdate(
  articleId: number,
  updateId: number,
  expectedVersion: number,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<Done | Missing | LiveUpdateConflict> {
  return db.transaction((tx) => {
    const story = storyOf(tx, articleId);
    const before = findUpdate(tx, articleId, updateId);
    if (!story || story.deletedAt || !before || before.deletedAt) return { ok: false as const, reason: 'not_found' as const };
    if (before.version !== expectedVersion) return conflictOf(before);
    tx.update(liveUpdates)
      .set({ deletedAt: now, version: before.version + 1, updatedAt: now })
      .where(and(eq(liveUpdates.id, updateId), isNull(liveUpdates.deletedAt)))
      .run();
    appendAudit(tx, {
      action: 'live.update_deleted',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { updateId, title: before.title, body: before.body },
      at: now,
    });
    return { ok: true as const, invalidates: tagsFor(story) };
  });
}
