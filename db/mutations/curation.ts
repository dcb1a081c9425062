import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, curation } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { CURATION_LIMITS, type CurationSlot } from '@/lib/validation/taxonomy';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused } from './common';

// The home page's hand-curated slots. The front's queries (db/queries/home.ts getHomeFront and
// db/queries/articles.ts listEditorsPicks) are tagged 'curation'; nothing else reads the table.
export const CURATION_CACHE_TAGS = [cacheTags.curation] as const;

export type SaveCurationResult = Done | Refused<'too_many' | 'duplicate' | 'not_published', { message: string; articleIds?: number[] }>;

/** Writes the whole ordered list of one slot; only published, undeleted articles may be curated. */
export async function saveCurationSlot(
  slot: CurationSlot,
  articleIds: number[],
  actor: Actor,
  db: DB = getDb(),
): Promise<SaveCurationResult> {
  if (articleIds.length > CURATION_LIMITS[slot]) {
    return { ok: false, reason: 'too_many', message: `This slot holds at most ${CURATION_LIMITS[slot]}.` };
  }
  if (new Set(articleIds).size !== articleIds.length) {
    return { ok: false, reason: 'duplicate', message: 'A story can appear only once in a slot.' };
  }
  return db.transaction((tx): SaveCurationResult => {
    const live = new Set(
      articleIds.length
        ? tx
            .select({ id: articles.id })
            .from(articles)
            .where(and(inArray(articles.id, articleIds), eq(articles.status, 'published'), isNull(articles.deletedAt)))
            .all()
            .map((r) => r.id)
        : [],
    );
    const refused = articleIds.filter((id) => !live.has(id));
    if (refused.length > 0) {
      return { ok: false, reason: 'not_published', message: 'Only published stories can go on the home page.', articleIds: refused };
    }
    const before = tx.select({ articleId: curation.articleId }).from(curation).where(eq(curation.slot, slot)).orderBy(curation.position).all();
    tx.delete(curation).where(eq(curation.slot, slot)).run();
    if (articleIds.length > 0) {
      tx.insert(curation).values(articleIds.map((articleId, position) => ({ slot, position, articleId }))).run();
    }
    appendAudit(tx, {
      action: 'curation.updated',
      ...auditedBy(actor),
      targetType: 'curation',
      targetId: slot,
      details: { slot, before: before.map((r) => r.articleId), after: articleIds },
    });
    return { ok: true, invalidates: [...CURATION_CACHE_TAGS] };
  });
}
