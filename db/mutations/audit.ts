import 'server-only';
import { getDb, type DB } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor, Done, Tx } from './common';

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
  // The desk.
  | 'article.create'
  | 'article.submit'
  | 'article.approve'
  | 'article.schedule'
  | 'article.publish'
  // The scheduler could not publish a due article (first failure only; the dashboard lists it).
  | 'article.publish_failed'
  | 'article.unpublish'
  | 'article.return_to_draft'
  | 'article.note_added'
  | 'article.delete'
  | 'article.restore'
  | 'article.revision_restored'
  | 'article.pending_discarded'
  | 'article.preview_link'
  | 'article.preview_links_revoked'
  | 'live.started'
  | 'live.ended'
  | 'live.key_points'
  | 'live.update_posted'
  | 'live.update_edited'
  | 'live.update_deleted'
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
  // When the change happened, for a mutation told its `now`; the database's clock otherwise.
  at?: Date;
}

/** The "who" of an entry written by a mutation. */
export function auditedBy(actor: Actor): Pick<AuditEntry, 'actorId' | 'actorEmail' | 'ip'> {
  return { actorId: actor.id, actorEmail: actor.email, ip: actor.ip };
}

// A step of the caller's transaction: the entry commits (or rolls back) with the change it records.
export function appendAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      action: entry.action,
      actorId: entry.actorId ?? null,
      actorEmail: entry.actorEmail ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      ip: entry.ip ?? null,
      details: entry.details ?? null,
      at: entry.at,
    })
    .run();
}

/** An entry that records no other write (a failed sign-in, a preview link handed out). */
export async function recordAudit(entry: AuditEntry, db: DB = getDb()): Promise<Done> {
  db.transaction((tx) => appendAudit(tx, entry));
  return { ok: true, invalidates: [] };
}
