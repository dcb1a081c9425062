import 'server-only';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articlePresence, users } from '@/db/schema';

// "Who else has this article open": each open editor sends a heartbeat; anyone seen within
// PRESENT_FOR_MS counts as present. Rows are tiny and pruned on every heartbeat.
export const PRESENT_FOR_MS = 45_000;

export interface PresentUser {
  id: number;
  name: string;
}

/** Records that `userId` has the article open now, and returns the others who do. */
export function touchPresence(articleId: number, userId: number, now = new Date()): PresentUser[] {
  const db = getDb();
  return db.transaction((tx) => {
    tx.delete(articlePresence)
      .where(lt(articlePresence.seenAt, new Date(now.getTime() - 10 * PRESENT_FOR_MS)))
      .run();
    tx.insert(articlePresence)
      .values({ articleId, userId, seenAt: now })
      .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { seenAt: now } })
      .run();
    return tx
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
  });
}

/** The editor was closed. */
export function leavePresence(articleId: number, userId: number): void {
  getDb()
    .delete(articlePresence)
    .where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, userId)))
    .run();
}
