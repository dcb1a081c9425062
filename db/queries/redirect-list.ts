import 'server-only';
import { count, desc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { containsText } from '@/db/like';
import { redirects, users } from '@/db/schema';

export const REDIRECTS_PER_PAGE = 50;

export interface RedirectListRow {
  id: number;
  from: string;
  to: string;
  source: 'auto' | 'manual';
  createdAt: Date;
  createdByName: string | null;
}

// For the newsroom only (uncached): newest first, optionally filtered by path text.
export async function listRedirects({ q, page }: { q?: string; page: number }): Promise<{ rows: RedirectListRow[]; total: number }> {
  const db = getDb();
  const text = q?.trim().toLowerCase();
  const where = text ? or(containsText(redirects.fromPath, text), containsText(redirects.toPath, text)) : undefined;
  const [counted] = await db.select({ total: count() }).from(redirects).where(where);
  const rows = await db
    .select({
      id: redirects.id,
      from: redirects.fromPath,
      to: redirects.toPath,
      source: redirects.source,
      createdAt: redirects.createdAt,
      createdByName: users.name,
    })
    .from(redirects)
    .leftJoin(users, eq(users.id, redirects.createdBy))
    .where(where)
    .orderBy(desc(redirects.createdAt), desc(redirects.id))
    .limit(REDIRECTS_PER_PAGE)
    .offset((Math.max(1, page) - 1) * REDIRECTS_PER_PAGE);
  return { rows, total: counted?.total ?? 0 };
}
