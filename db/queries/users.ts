import 'server-only';
import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { bylines, users, userSessions, userTokens } from '@/db/schema';
import type { Role } from '@/lib/domain';
import { hashToken } from '@/platform/tokens';

// Newsroom users. Nothing here is cached: a role change or a disabled account must be seen on
// the very next request. Only getUserForSignIn returns a password hash, for auth.ts to verify.

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  sessionVersion: number;
}

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  sessionVersion: users.sessionVersion,
};

export async function getSessionUser(id: number, db: DB = getDb()): Promise<SessionUser | null> {
  const [row] = await db.select(sessionColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/**
 * The user behind a session cookie, only while the cookie's session row is open and unexpired:
 * one read by two primary keys, on every request that reads the session (auth.ts).
 */
export async function getLiveSessionUser(
  userId: number,
  sessionId: string,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(users)
    .innerJoin(userSessions, eq(userSessions.userId, users.id))
    .where(
      and(
        eq(users.id, userId),
        eq(userSessions.id, hashToken(sessionId)),
        isNull(userSessions.endedAt),
        gt(userSessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface OpenSession {
  startedAt: Date;
  ip: string | null;
  userAgent: string | null;
  // The session of the browser asking.
  current: boolean;
}

/** The user's sessions that are still open, newest first, for their account page. */
export async function listOpenSessions(
  userId: number,
  currentSessionId: string | null,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<OpenSession[]> {
  const rows = await db
    .select({ id: userSessions.id, startedAt: userSessions.createdAt, ip: userSessions.ip, userAgent: userSessions.userAgent })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), gt(userSessions.expiresAt, now)))
    .orderBy(desc(userSessions.createdAt));
  const current = currentSessionId ? hashToken(currentSessionId) : null;
  return rows.map(({ id, ...r }) => ({ ...r, current: id === current }));
}

export async function getUserForSignIn(
  email: string,
  db: DB = getDb(),
): Promise<(SessionUser & { passwordHash: string | null; lastSignInAt: Date | null }) | null> {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function getUserIdByEmail(email: string, db: DB = getDb()): Promise<number | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row?.id ?? null;
}

export async function countUsers(db: DB = getDb()): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return row?.n ?? 0;
}

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  // An unused, unexpired invitation or reset link exists.
  linkPending: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export async function listUsers(db: DB = getDb()): Promise<UserListItem[]> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      passwordHash: users.passwordHash,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.disabled), asc(users.name), asc(users.id));
  const pending = await db
    .selectDistinct({ userId: userTokens.userId })
    .from(userTokens)
    .where(and(isNull(userTokens.usedAt), gt(userTokens.expiresAt, new Date())));
  const withLink = new Set(pending.map((p) => p.userId));
  return rows.map(({ passwordHash, ...r }) => ({ ...r, hasPassword: passwordHash != null, linkPending: withLink.has(r.id) }));
}

export interface OneTimeLink {
  userId: number;
  email: string;
  name: string;
  kind: 'invite' | 'reset';
}

/** The person a one-time link belongs to, if the link is unused, unexpired and the account active. */
export async function getValidOneTimeLink(token: string, db: DB = getDb()): Promise<OneTimeLink | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, kind: userTokens.kind })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface AccountPage {
  id: number;
  email: string;
  name: string;
  role: Role;
  bylineId: number | null;
  // Person bylines this user may link: unlinked ones and their own.
  bylineChoices: { id: number; name: string }[];
}

export async function getAccount(userId: number, db: DB = getDb()): Promise<AccountPage | null> {
  const user = await getSessionUser(userId, db);
  if (!user) return null;
  const choices = await db
    .select({ id: bylines.id, name: bylines.name, userId: bylines.userId })
    .from(bylines)
    .where(and(eq(bylines.kind, 'person'), or(isNull(bylines.userId), eq(bylines.userId, userId))))
    .orderBy(asc(bylines.name));
  const mine = choices.find((b) => b.userId === userId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    bylineId: mine?.id ?? null,
    bylineChoices: choices.map(({ id, name }) => ({ id, name })),
  };
}
