import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { redirects } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { findRedirectProblem, normalizeRedirectPath, type RedirectProblem } from '@/lib/site/redirects';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused } from './common';

// The cache tags a redirect change invalidates. The caller (a server action) revalidates
// them after the mutation succeeds: `updateTag(tag)` in an action, or
// `revalidateTag(tag, { expire: 0 })` in a route handler.
export const REDIRECT_CACHE_TAGS = [cacheTags.redirects] as const;

export type CreateRedirectResult = Done<{ id: number; from: string; to: string }> | Refused<RedirectProblem>;

// Adds a permanent redirect by hand, refusing loops, chains, duplicates and paths off the site.
// One transaction: the check and the insert see the same table. (Redirects left by a moved
// article, section, tag or byline are written by their own mutations.)
export async function createRedirect(input: { from: string; to: string }, actor: Actor, db: DB = getDb()): Promise<CreateRedirectResult> {
  return db.transaction((tx): CreateRedirectResult => {
    const existing = tx.select({ from: redirects.fromPath, to: redirects.toPath }).from(redirects).all();
    const problem = findRedirectProblem(existing, input);
    if (problem) return { ok: false, reason: problem };
    const from = normalizeRedirectPath(input.from)!;
    const to = normalizeRedirectPath(input.to)!;
    const [row] = tx
      .insert(redirects)
      .values({ fromPath: from, toPath: to, source: 'manual', createdBy: actor.id })
      .returning({ id: redirects.id })
      .all();
    appendAudit(tx, { action: 'redirect.created', ...auditedBy(actor), targetType: 'redirect', targetId: row!.id, details: { from, to } });
    return { ok: true, id: row!.id, from, to, invalidates: [...REDIRECT_CACHE_TAGS] };
  });
}

export async function deleteRedirect(id: number, actor: Actor, db: DB = getDb()): Promise<Done | Refused<'not_found'>> {
  return db.transaction((tx): Done | Refused<'not_found'> => {
    const [row] = tx.delete(redirects).where(eq(redirects.id, id)).returning({ from: redirects.fromPath, to: redirects.toPath }).all();
    if (!row) return { ok: false, reason: 'not_found' };
    appendAudit(tx, { action: 'redirect.deleted', ...auditedBy(actor), targetType: 'redirect', targetId: id, details: row });
    return { ok: true, invalidates: [...REDIRECT_CACHE_TAGS] };
  });
}
