import 'server-only';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { bylines, users, userTokens } from '@/db/schema';
import type { Role } from '@/lib/domain';
import { generateToken, hashToken, ONE_TIME_LINK_TTL_MS } from '@/platform/tokens';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused, Tx } from './common';
import { endOpenSessions, openSession } from './sessions';

// Writes to users, their one-time links and their byline link; each one transaction that also
// appends its audit entry. No public page shows users, so none invalidates a cache tag — not
// even linking a byline, which changes nothing readers see either (bylines.user_id is internal).
//
// Anything that should end a user's sessions ends their session rows (db/mutations/sessions.ts)
// and bumps users.session_version; auth.ts checks both on every request.

export type UserMutationError = 'not_found' | 'email_taken' | 'last_admin' | 'self_disable' | 'wrong_password' | 'byline_taken';
export type UserResult<T extends object = object> = Done<T> | Refused<UserMutationError>;

const ok = <T extends object>(payload: T): Done<T> => ({ ok: true, ...payload, invalidates: [] });
const refuse = (reason: UserMutationError): Refused<UserMutationError> => ({ ok: false, reason });

function issueToken(tx: Tx, userId: number, kind: 'invite' | 'reset', now: number): string {
  // A new link replaces any earlier one.
  tx.update(userTokens)
    .set({ usedAt: new Date(now) })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)))
    .run();
  const token = generateToken();
  tx.insert(userTokens)
    .values({ userId, kind, tokenHash: hashToken(token), expiresAt: new Date(now + ONE_TIME_LINK_TTL_MS) })
    .run();
  return token;
}

// True when taking `userId` out of the active admins would leave none.
function isLastActiveAdmin(tx: Tx, userId: number): boolean {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)))
    .get();
  return (row?.n ?? 0) === 0;
}

export async function createUser(
  input: { email: string; name: string; role: Role; passwordHash: string | null },
  actor: Actor,
  db: DB = getDb(),
): Promise<UserResult<{ id: number }>> {
  return db.transaction((tx) => {
    const exists = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (exists) return refuse('email_taken');
    const row = tx.insert(users).values(input).returning({ id: users.id }).get();
    appendAudit(tx, { action: 'user.created', ...auditedBy(actor), targetType: 'user', targetId: row.id, details: { email: input.email, role: input.role } });
    return ok({ id: row.id });
  });
}

// The first admin of a new site (db/first-run.ts): created only while no user exists, decided
// inside the write transaction, so servers starting together on an empty database make one.
export async function createFirstAdmin(
  input: { email: string; name: string; passwordHash: string },
  actor: Actor,
  db: DB = getDb(),
): Promise<Done<{ id: number }> | Refused<'users_exist'>> {
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).limit(1).get()) return { ok: false, reason: 'users_exist' as const };
    const row = tx.insert(users).values({ ...input, role: 'admin' }).returning({ id: users.id }).get();
    appendAudit(tx, { action: 'user.created', ...auditedBy(actor), targetType: 'user', targetId: row.id, details: { email: input.email, role: 'admin' } });
    return ok({ id: row.id });
  });
}

export async function inviteUser(
  input: { email: string; name: string; role: Role },
  actor: Actor,
  db: DB = getDb(),
): Promise<UserResult<{ userId: number; token: string }>> {
  const now = Date.now();
  return db.transaction((tx) => {
    const exists = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (exists) return refuse('email_taken');
    const row = tx.insert(users).values({ ...input, passwordHash: null }).returning({ id: users.id }).get();
    const token = issueToken(tx, row.id, 'invite', now);
    appendAudit(tx, { action: 'user.invited', ...auditedBy(actor), targetType: 'user', targetId: row.id, details: { email: input.email, role: input.role } });
    return ok({ userId: row.id, token });
  });
}

/** A new one-time link; the old password stops working and every session of the user ends. */
export async function issuePasswordReset(userId: number, actor: Actor, db: DB = getDb()): Promise<UserResult<{ token: string }>> {
  const now = Date.now();
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) return refuse('not_found');
    tx.update(users)
      .set({ passwordHash: null, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    endOpenSessions(tx, userId, new Date(now));
    const token = issueToken(tx, userId, 'reset', now);
    appendAudit(tx, { action: 'user.reset_link_issued', ...auditedBy(actor), targetType: 'user', targetId: userId, details: { email: user.email } });
    return ok({ token });
  });
}

export async function changeUserRole(userId: number, role: Role, actor: Actor, db: DB = getDb()): Promise<UserResult> {
  return db.transaction((tx) => {
    const user = tx.select({ role: users.role, disabled: users.disabled, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) return refuse('not_found');
    if (user.role === role) return ok({});
    if (user.role === 'admin' && !user.disabled && isLastActiveAdmin(tx, userId)) return refuse('last_admin');
    tx.update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    endOpenSessions(tx, userId, new Date());
    appendAudit(tx, { action: 'user.role_changed', ...auditedBy(actor), targetType: 'user', targetId: userId, details: { email: user.email, from: user.role, to: role } });
    return ok({});
  });
}

export async function setUserDisabled(userId: number, disabled: boolean, actor: Actor, db: DB = getDb()): Promise<UserResult> {
  return db.transaction((tx) => {
    const user = tx.select({ role: users.role, disabled: users.disabled, email: users.email }).from(users).where(eq(users.id, userId)).get();
    if (!user) return refuse('not_found');
    if (user.disabled === disabled) return ok({});
    // Whoever disables an account must still be able to enable it again, so never their own.
    if (disabled && actor.id === userId) return refuse('self_disable');
    if (disabled && user.role === 'admin' && isLastActiveAdmin(tx, userId)) return refuse('last_admin');
    tx.update(users)
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    endOpenSessions(tx, userId, new Date());
    appendAudit(tx, { action: disabled ? 'user.disabled' : 'user.enabled', ...auditedBy(actor), targetType: 'user', targetId: userId, details: { email: user.email } });
    return ok({});
  });
}

/**
 * Spend a one-time link: it must be unused and unexpired and its account active; the UPDATE
 * claims it, so any later use of the same link finds nothing.
 */
export async function setPasswordWithToken(
  token: string,
  passwordHash: string,
  ip: string | null,
  db: DB = getDb(),
): Promise<UserResult<{ userId: number; email: string }>> {
  const now = new Date();
  return db.transaction((tx) => {
    const tokenHash = hashToken(token);
    const link = tx
      .select({ userId: userTokens.userId, kind: userTokens.kind, email: users.email })
      .from(userTokens)
      .innerJoin(users, eq(users.id, userTokens.userId))
      .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), eq(users.disabled, false)))
      .get();
    if (!link) return refuse('not_found');
    const claimed = tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt)))
      .run();
    if (claimed.changes !== 1) return refuse('not_found');
    const user = { email: link.email };
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, link.userId))
      .run();
    endOpenSessions(tx, link.userId, now);
    appendAudit(tx, { action: 'user.password_set', actorId: link.userId, actorEmail: user.email, ip, targetType: 'user', targetId: link.userId, details: { via: link.kind } });
    return ok({ userId: link.userId, email: user.email });
  });
}

export async function changeOwnPassword(userId: number, passwordHash: string, actor: Actor, db: DB = getDb()): Promise<UserResult> {
  return db.transaction((tx) => {
    const done = tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    if (done.changes !== 1) return refuse('not_found');
    endOpenSessions(tx, userId, new Date());
    appendAudit(tx, { action: 'user.password_changed', ...auditedBy(actor), targetType: 'user', targetId: userId });
    return ok({});
  });
}

export async function updateOwnAccount(
  userId: number,
  input: { name: string; bylineId: number | null },
  actor: Actor,
  db: DB = getDb(),
): Promise<UserResult> {
  return db.transaction((tx) => {
    if (input.bylineId != null) {
      const byline = tx.select({ userId: bylines.userId, kind: bylines.kind }).from(bylines).where(eq(bylines.id, input.bylineId)).get();
      if (!byline || byline.kind !== 'person') return refuse('not_found');
      if (byline.userId != null && byline.userId !== userId) return refuse('byline_taken');
    }
    const done = tx.update(users).set({ name: input.name }).where(eq(users.id, userId)).run();
    if (done.changes !== 1) return refuse('not_found');
    tx.update(bylines).set({ userId: null }).where(eq(bylines.userId, userId)).run();
    if (input.bylineId != null) tx.update(bylines).set({ userId }).where(eq(bylines.id, input.bylineId)).run();
    appendAudit(tx, { action: 'user.account_updated', ...auditedBy(actor), targetType: 'user', targetId: userId, details: { name: input.name, bylineId: input.bylineId } });
    return ok({});
  });
}

/** A successful sign-in: its audit entry and a new session row, whose id goes in the cookie. */
export async function recordSignIn(
  input: { userId: number; email: string; ip: string | null; userAgent: string | null },
  db: DB = getDb(),
): Promise<Done<{ sessionId: string }>> {
  const now = Date.now();
  return db.transaction((tx) => {
    tx.update(users).set({ lastSignInAt: new Date(now) }).where(eq(users.id, input.userId)).run();
    appendAudit(tx, { action: 'auth.sign_in', actorId: input.userId, actorEmail: input.email, ip: input.ip, targetType: 'user', targetId: input.userId });
    return ok({ sessionId: openSession(tx, { userId: input.userId, ip: input.ip, userAgent: input.userAgent }, now) });
  });
}
