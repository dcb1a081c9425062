import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { redirects } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import { findRedirectProblem, normalizeRedirectPath, type RedirectProblem } from '@/lib/redirects';

// The cache tags a redirect change invalidates. The caller (a server action) revalidates
// them after the mutation succeeds: `updateTag(tag)` in an action, or
// `revalidateTag(tag, { expire: 0 })` in a route handler.
export const REDIRECT_CACHE_TAGS = [cacheTags.redirects] as const;

export type CreateRedirectResult =
  | { ok: true; id: number; from: string; to: string; invalidates: readonly string[] }
  | { ok: false; problem: RedirectProblem };

// Adds a permanent redirect, refusing loops, chains, duplicates and paths off the site.
// One transaction: the check and the insert see the same table.
export async function createRedirect(input: {
  from: string;
  to: string;
  source?: 'auto' | 'manual';
  createdBy?: number | null;
}): Promise<CreateRedirectResult> {
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx.select({ from: redirects.fromPath, to: redirects.toPath }).from(redirects).all();
    const problem = findRedirectProblem(existing, input);
    if (problem) return { ok: false, problem } as const;
    const from = normalizeRedirectPath(input.from)!;
    const to = normalizeRedirectPath(input.to)!;
    const [row] = tx
      .insert(redirects)
      .values({ fromPath: from, toPath: to, source: input.source ?? 'manual', createdBy: input.createdBy ?? null })
      .returning({ id: redirects.id })
      .all();
    return { ok: true, id: row!.id, from, to, invalidates: REDIRECT_CACHE_TAGS } as const;
  });
}

export async function deleteRedirect(id: number): Promise<{ ok: boolean; invalidates: readonly string[] }> {
  const result = getDb().delete(redirects).where(eq(redirects.id, id)).run();
  return { ok: result.changes > 0, invalidates: REDIRECT_CACHE_TAGS };
}
