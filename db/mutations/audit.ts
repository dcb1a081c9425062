import 'server-only';
import { getDb, type DB } from '@/db/client';
import { auditLog } from '@/db/schema';

// The audit log is append-only: this module only inserts, and nothing else writes the table.
// It changes no cached page, so it invalidates no cache tag.

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_in_throttled'
  | 'auth.sign_out'
  | 'auth.sign_out_everywhere'
  | 'user.created'
  | 'user.invited'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.reset_link_issued'
  | 'user.password_set'
  | 'user.password_changed'
  | 'user.account_updated'
  // The desk (issue 4). Article workflow rows are written by db/mutations/articles.ts.
  | 'article.delete'
  | 'article.restore'
  | 'article.revision_restored'
  | 'article.preview_link'
  | 'article.preview_links_revoked'
  | 'media.uploaded'
  | 'media.updated'
  | 'media.deleted'
  | 'section.created'
  | 'section.updated'
  | 'section.deleted'
  | 'sections.reordered'
  | 'tag.created'
  | 'tag.updated'
  | 'tag.merged'
  | 'tag.deleted'
  | 'byline.created'
  | 'byline.updated'
  | 'byline.deleted'
  | 'curation.updated'
  | 'breaking.updated'
  | 'settings.updated'
  | 'redirect.created'
  | 'redirect.deleted';

export type AuditTargetType = 'user' | 'article' | 'media' | 'section' | 'tag' | 'byline' | 'curation' | 'settings' | 'redirect';

export interface AuditEntry {
  action: AuditAction;
  actorId?: number | null;
  actorEmail?: string | null;
  targetType?: AuditTargetType | null;
  targetId?: string | number | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

// Drizzle transactions on better-sqlite3 are synchronous: a mutation passes its `tx` here so
// the entry commits (or rolls back) with the change it records.
type Writer = Pick<DB, 'insert'>;

export function appendAudit(entry: AuditEntry, db: Writer): void {
  db.insert(auditLog)
    .values({
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    })
    .run();
}

export async function recordAudit(entry: AuditEntry, db: DB = getDb()): Promise<void> {
  appendAudit(entry, db);
}
