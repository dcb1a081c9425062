import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles } from '@/db/schema';
import type { ArticleStatus } from '@/lib/domain';
import { articleCacheFacts, tagsForArticleChange } from '@/lib/articles/change-tags';
import { cacheTags } from '@/lib/site/cache-tags';
import { linkedIds } from './articles';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused } from './common';

// Soft delete and restore. A deleted article keeps its row (and revisions) with `deleted_at`
// set; every reader query filters it out (db/queries/articles.ts `isPublished`), the scheduler
// skips it, and the newsroom shows it under "Deleted" to editors.
//
// Restore rule: a restored article never goes public by itself. It comes back as it was, except
// that a published one comes back unpublished and a scheduled one comes back as a draft (its
// time cleared): someone must decide again to put it in front of readers.

export type TrashResult =
  | Done<{ id: number; version: number; status: ArticleStatus }>
  | Refused<'not_found' | 'conflict' | 'already_deleted' | 'not_deleted'>;

export function decideRestoredStatus(status: ArticleStatus): ArticleStatus {
  if (status === 'published') return 'unpublished';
  if (status === 'scheduled') return 'draft';
  return status;
}

export async function deleteArticle(
  id: number,
  actor: Actor,
  expectedVersion?: number,
  now = new Date(),
  db: DB = getDb(),
): Promise<TrashResult> {
  return db.transaction((tx): TrashResult => {
    const before = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.deletedAt) return { ok: false, reason: 'already_deleted' };
    if (expectedVersion !== undefined && before.version !== expectedVersion) return { ok: false, reason: 'conflict' };
    const after = tx
      .update(articles)
      .set({ deletedAt: now, modifiedAt: now, version: before.version + 1 })
      .where(and(eq(articles.id, id), eq(articles.version, before.version)))
      .returning({ version: articles.version })
      .get();
    if (!after) return { ok: false, reason: 'conflict' };
    appendAudit(tx, {
      action: 'article.delete',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: id,
      details: { title: before.title, status: before.status },
    });
    const facts = articleCacheFacts(before, linkedIds(tx, id));
    // Leaving every public list it was in: as if it had become unpublished.
    const invalidates = new Set([...tagsForArticleChange(facts, null), cacheTags.article(id)]);
    if (before.status === 'published') invalidates.add(cacheTags.corrections);
    return { ok: true, id, version: after.version, status: before.status, invalidates: [...invalidates] };
  });
}

export async function restoreArticle(id: number, actor: Actor, now = new Date(), db: DB = getDb()): Promise<TrashResult> {
  return db.transaction((tx): TrashResult => {
    const before = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!before) return { ok: false, reason: 'not_found' };
    if (!before.deletedAt) return { ok: false, reason: 'not_deleted' };
    const status = decideRestoredStatus(before.status);
    const after = tx
      .update(articles)
      .set({
        deletedAt: null,
        status,
        scheduledAt: status === 'scheduled' ? before.scheduledAt : null,
        modifiedAt: now,
        version: before.version + 1,
      })
      .where(eq(articles.id, id))
      .returning({ version: articles.version })
      .get();
    if (!after) return { ok: false, reason: 'not_found' };
    appendAudit(tx, {
      action: 'article.restore',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: id,
      details: { title: before.title, from: before.status, to: status },
    });
    // Nothing public changes (it comes back unpublished at most); the article's own tag is
    // named so a cached "not found" for it is dropped all the same.
    return { ok: true, id, version: after.version, status, invalidates: [cacheTags.article(id)] };
  });
}
