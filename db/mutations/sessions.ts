import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { sessionExpiresAt, sessionPruneBefore, storedUserAgent } from '@/platform/sessions';
import { generateToken, hashToken } from '@/platform/tokens';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused, Tx } from './common';

// Server-side sessions: one row per sign-in, ended by signing out, "sign out everywhere" or
// anything that bumps users.session_version (db/mutations/users.ts). Readers see none of it, so
// nothing here invalidates a cache tag.

/**
 * A new session row for a sign-in, inside the caller's transaction; returns the id the cookie
 * will carry. The user's rows long past their expiry go in the same step, so the table stays
 * as small as the number of recent sign-ins.
 */
export function openSession(tx: Tx, input: { userId: number; ip: string | null; userAgent: string | null }, now: number): string {
  tx.delete(userSessions)
    .where(and(eq(userSessions.userId, input.userId), lt(userSessions.expiresAt, sessionPruneBefore(now))))
    .run();
  const id = generateToken();
  tx.insert(userSessions)
    .values({
      id: hashToken(id),
      userId: input.userId,
      createdAt: new Date(now),
      expiresAt: sessionExpiresAt(now),
      ip: input.ip,
      userAgent: storedUserAgent(input.userAgent),
    })
    .run();
  return id;
}

/** Ends every open session of the user, inside the caller's transaction; returns how many. */
export function endOpenSessions(tx: Tx, userId: number, now: Date): number {
  return tx
    .update(userSessions)
    .set({ endedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
    .run().changes;
}

/** Signing out: this browser's session ends on the server, and the audit log says so. */
export async function endSession(sessionId: string | null, userId: number, actor: Actor, db: DB = getDb()): Promise<Done> {
  return db.transaction((tx) => {
    if (sessionId) {
      // The user must match too: a session id can only ever end its owner's session.
      tx.update(userSessions)
        .set({ endedAt: new Date() })
        .where(and(eq(userSessions.id, hashToken(sessionId)), eq(userSessions.userId, userId), isNull(userSessions.endedAt)))
        .run();
    }
    appendAudit(tx, { action: 'auth.sign_out', ...auditedBy(actor), targetType: 'user', targetId: userId });
    return { ok: true, invalidates: [] };
  });
}

/**
 * "Sign out everywhere": every open session of the user ends, and the session version moves on so
 * a cookie older than the session rows is refused too. Says how many sessions were open.
 */
export async function endAllSessions(
  userId: number,
  actor: Actor,
  db: DB = getDb(),
): Promise<Done<{ ended: number }> | Refused<'not_found'>> {
  return db.transaction((tx): Done<{ ended: number }> | Refused<'not_found'> => {
    const done = tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    if (done.changes !== 1) return { ok: false, reason: 'not_found' };
    const ended = endOpenSessions(tx, userId, new Date());
    appendAudit(tx, { action: 'auth.sign_out_everywhere', ...auditedBy(actor), targetType: 'user', targetId: userId, details: { sessions: ended } });
    return { ok: true, ended, invalidates: [] };
  });
}
