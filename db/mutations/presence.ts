import 'server-only';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { articlePresence, users } from '@/db/schema';
import type { Done } from './common';

// "Who else has this article open": each open editor sends a heartbeat; anyone seen within
// PRESENT_FOR_MS counts as present: three missed heartbeats (components/admin/editor/use-presence.ts
// beats every 5 s), for a tab that crashed without saying goodbye; a closed tab says goodbye
// (leavePresence). Rows are tiny and pruned on every heartbeat. Nothing here is audited or shown
// to readers.
export const PRESENT_FOR_MS = 15_000;

export interface PresentUser {
  id: number;
  name: string;
}

/** Records that `userId` has the article open now, and returns the others who do. */
export async function touchPresence(
  articleId: number,
  userId: number,
  now = new Date(),
  db: DB = getDb(),
): Promise<Done<{ others: PresentUser[] }>> {
  return db.transaction((tx) => {
    tx.delete(articlePresence)
      .where(lt(articlePresence.seenAt, new Date(now.getTime() - 10 * PRESENT_FOR_MS)))
      .run();
    tx.insert(articlePresence)
      .values({ articleId, userId, seenAt: now })
      .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } })
      .run();
    const others = tx
      .select({ id: users.id, name: users.name })
      .from(articlePresence)
      .innerJoin(users, eq(users.id, articlePresence.userId))
      .where(
        and(
          eq(articlePresence.articleId, articleId),
          ne(articlePresence.userId, userId),
          gt(articlePresence.seenAt, new Date(now.getTime() - PRESENT_FOR_MS)),
        ),
      )
      .all();
    return { ok: true, others, invalidates: [] };
  });
}

/** The editor was closed. */
export async function leavePresence(articleId: number, userId: number, db: DB = getDb()): Promise<Done> {
  return db.transaction((tx) => {
    tx.delete(articlePresence)
      .where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, userId)))
      .run();
    return { ok: true, invalidates: [] };
  });
}
