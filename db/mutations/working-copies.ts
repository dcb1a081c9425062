import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, articleWorkingCopies, users } from '@/db/schema';
import type { ArticleInput } from '@/lib/validation/article';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused, Tx } from './common';

// A live or scheduled article's pending changes (the `article_working_copies` table): what the
// editor autosaves instead of the article itself, so a half-typed sentence never goes public and
// the next editor — on another device, or a colleague — opens the changes where they were left.
// "Update" applies them (applyArticleUpdate in ./articles.ts removes the row in the same
// transaction); "Discard pending changes" removes them. Saving one is not audited, like an
// article save; discarding is, since it throws work away.

/** The pending changes as the save that lost a race sees them (null: there are none now). */
export interface PendingState {
  // The article's version now, and the pending changes' own save count and the version they were
  // last saved on.
  version: number;
  pending: { revision: number; baseVersion: number; savedBy: string | null; savedAt: string; content: ArticleInput } | null;
}

export type PendingSaveResult =
  | Done<{ id: number; revision: number; baseVersion: number }>
  | Refused<'conflict', { current: PendingState }>
  | Refused<'not_found'>;

export type PendingDiscardResult = Done<{ id: number; version: number }> | Refused<'conflict', { current: PendingState }> | Refused<'not_found'>;

export function pendingState(tx: Tx, articleId: number, version: number): PendingState {
  const row = tx
    .select({ copy: articleWorkingCopies, name: users.name })
    .from(articleWorkingCopies)
    .leftJoin(users, eq(users.id, articleWorkingCopies.savedBy))
    .where(eq(articleWorkingCopies.articleId, articleId))
    .get();
  return {
    version,
    pending: row
      ? {
          revision: row.copy.revision,
          baseVersion: row.copy.baseVersion,
          savedBy: row.name ?? null,
          savedAt: row.copy.savedAt.toISOString(),
          content: row.copy.content as ArticleInput,
        }
      : null,
  };
}

function liveArticle(tx: Tx, articleId: number) {
  const row = tx.select({ version: articles.version, deletedAt: articles.deletedAt }).from(articles).where(eq(articles.id, articleId)).get();
  return row && !row.deletedAt ? row : null;
}

/**
 * Writes the pending changes over whatever pending changes there were, as a step of the caller's
 * transaction. Returns the new save count.
 */
export function writeWorkingCopy(
  tx: Tx,
  articleId: number,
  copy: { baseVersion: number; content: ArticleInput; note?: string },
  actor: Actor,
  now: Date,
): number {
  const before = tx
    .select({ revision: articleWorkingCopies.revision })
    .from(articleWorkingCopies)
    .where(eq(articleWorkingCopies.articleId, articleId))
    .get();
  const revision = (before?.revision ?? 0) + 1;
  const values = { baseVersion: copy.baseVersion, revision, content: copy.content, savedBy: actor.id, savedAt: now, note: copy.note ?? '' };
  tx.insert(articleWorkingCopies)
    .values({ articleId, ...values })
    .onConflictDoUpdate({ target: articleWorkingCopies.articleId, set: values })
    .run();
  return revision;
}

/** The pending changes were applied (or the article was saved over them): they are gone. */
export function clearWorkingCopy(tx: Tx, articleId: number): void {
  tx.delete(articleWorkingCopies).where(eq(articleWorkingCopies.articleId, articleId)).run();
}

/**
 * The editor's autosave of a live article's changes. `revision` is the pending changes' save
 * count the editor last saw (null: it saw none); `baseVersion` the article's version the editor
 * knows. Either being stale is a conflict carrying what is there now; nothing is overwritten.
 *
 * Every save of the article's content removes the pending changes (applyArticleUpdate), so while
 * they exist the article changes only in its workflow and notes: pending changes made on an older
 * version apply to the current one as they are, and an editor who knows the current version
 * carries them onto it (a note added, a scheduled story published by the scheduler).
 */
export async function saveWorkingCopy(
  articleId: number,
  save: { revision: number | null; baseVersion: number; content: ArticleInput },
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<PendingSaveResult> {
  return db.transaction((tx): PendingSaveResult => {
    const article = liveArticle(tx, articleId);
    if (!article) return { ok: false, reason: 'not_found' };
    const current = pendingState(tx, articleId, article.version);
    if ((current.pending?.revision ?? null) !== save.revision || article.version !== save.baseVersion) {
      return { ok: false, reason: 'conflict', current };
    }
    const revision = writeWorkingCopy(tx, articleId, { baseVersion: save.baseVersion, content: save.content }, actor, now);
    // Not public: no reader page changes until "Update".
    return { ok: true, id: articleId, revision, baseVersion: save.baseVersion, invalidates: [] };
  });
}

/** "Discard pending changes": refused if someone saved them since `revision`. */
export async function discardWorkingCopy(
  articleId: number,
  revision: number,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<PendingDiscardResult> {
  return db.transaction((tx): PendingDiscardResult => {
    const article = liveArticle(tx, articleId);
    if (!article) return { ok: false, reason: 'not_found' };
    const current = pendingState(tx, articleId, article.version);
    if (current.pending?.revision !== revision) return { ok: false, reason: 'conflict', current };
    clearWorkingCopy(tx, articleId);
    appendAudit(tx, {
      action: 'article.pending_discarded',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
      details: { revision, baseVersion: current.pending.baseVersion },
      at: now,
    });
    return { ok: true, id: articleId, version: article.version, invalidates: [] };
  });
}
