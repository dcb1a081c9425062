import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articles, auditLog } from '@/db/schema';
import type { AuditArticle } from '@/lib/newsroom/audit-entry';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actor?: string;
  action?: string;
  // Inclusive bounds as instants (the page turns newsroom-zone dates into these).
  from?: Date;
  to?: Date;
  page?: number;
}

export interface AuditEntryView {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export async function listAuditEntries(
  filters: AuditFilters,
  db: DB = getDb(),
): Promise<{ entries: AuditEntryView[]; total: number; page: number; pageCount: number }> {
  const where: SQL[] = [];
  if (filters.actor) where.push(eq(auditLog.actorEmail, filters.actor));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.to) where.push(lt(auditLog.at, filters.to));
  const condition = where.length ? and(...where) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(condition);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pageCount);
  const entries = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(condition)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { entries, total, page, pageCount };
}

/**
 * The headlines of the articles a page of entries names (lib/newsroom/audit-entry.ts
 * listAuditArticleIds), in one query; an article purged since is simply absent.
 */
export async function listAuditArticles(ids: readonly number[], db: DB = getDb()): Promise<Map<number, AuditArticle>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: articles.id, title: articles.title, deletedAt: articles.deletedAt })
    .from(articles)
    .where(inArray(articles.id, [...ids]));
  return new Map(rows.map((row) => [row.id, { title: row.title, deleted: row.deletedAt !== null }]));
}

export async function listAuditFilterChoices(db: DB = getDb()): Promise<{ actors: string[]; actions: string[] }> {
  const actors = await db
    .selectDistinct({ v: auditLog.actorEmail })
    .from(auditLog)
    .where(sql`${auditLog.actorEmail} IS NOT NULL`)
    .orderBy(asc(auditLog.actorEmail));
  const actions = await db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return { actors: actors.map((r) => r.v!).filter(Boolean), actions: actions.map((r) => r.v) };
}

/**
 * Failed sign-ins since `since` for an account (its email) and for a client address: the input
 * of platform/throttle.ts. Uses the (action, at) index; a failure before the account's last
 * successful sign-in no longer counts against the account.
 */
export async function getRecentSignInFailures(
  email: string,
  ip: string | null,
  since: Date,
  accountSince: Date | null,
  db: DB = getDb(),
): Promise<{ account: number[]; address: number[] }> {
  const rows = await db
    .select({ at: auditLog.at, email: auditLog.actorEmail, ip: auditLog.ip })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'auth.sign_in_failed'),
        gte(auditLog.at, since),
        ip ? or(eq(auditLog.actorEmail, email), eq(auditLog.ip, ip)) : eq(auditLog.actorEmail, email),
      ),
    );
  const accountFloor = accountSince ? accountSince.getTime() : 0;
  return {
    account: rows.filter((r) => r.email === email && r.at.getTime() > accountFloor).map((r) => r.at.getTime()),
    address: ip ? rows.filter((r) => r.ip === ip).map((r) => r.at.getTime()) : [],
  };
}
