import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles } from '@/db/schema';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused } from './common';

// Withdrawing an article's preview share links: every link issued until now stops opening the
// preview (platform/preview-token.ts compares a link's issue time with this one); links made later
// work. The article itself does not change, so no cache tag expires (previews are never cached).

export type RevokePreviewLinksResult = Done<{ revokedAt: Date }> | Refused<'not_found'>;

export async function revokePreviewLinks(
  articleId: number,
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<RevokePreviewLinksResult> {
  return db.transaction((tx): RevokePreviewLinksResult => {
    const updated = tx
      .update(articles)
      .set({ previewLinksRevokedAt: now })
      .where(and(eq(articles.id, articleId), isNull(articles.deletedAt)))
      .returning({ id: articles.id })
      .all();
    if (updated.length === 0) return { ok: false, reason: 'not_found' };
    appendAudit(tx, {
      action: 'article.preview_links_revoked',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: articleId,
    });
    return { ok: true, revokedAt: now, invalidates: [] };
  });
}
