import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { auth, clientAddressFrom } from '@/auth';
import { getSessionUser, type SessionUser } from '@/db/queries/users';
import { can, type Action, type Resource } from '@/lib/newsroom/permissions';

// Who is signed in, for the newsroom's pages (requireUser, requirePermission) and for the door
// that every server action and route handler passes (server/door.ts); lib/newsroom/permissions.ts decides.
// The proxy's redirect is a convenience only: a server action is a public HTTP endpoint.

/** The signed-in user as the database has them now, and the id of this browser's session; or null. */
export async function getCurrentSession(): Promise<{ user: SessionUser; sessionId: string | null } | null> {
  // Per request, never prerendered: a page renders beside its layout, so each caller must say so
  // (Auth.js's token handling uses crypto's randomness, which prerendering refuses).
  await connection();
  // auth() runs the jwt callback, which refuses ended or expired sessions, disabled users and
  // outdated session versions.
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await getSessionUser(id);
  return user && !user.disabled ? { user, sessionId: session?.sessionId ?? null } : null;
}

/** The signed-in user as the database has them now, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages: the user if they may take `action`; otherwise a 403 page. */
export async function requirePermission(action: Action, resource?: Resource): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, resource)) forbidden();
  return user;
}

export async function getClientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}
