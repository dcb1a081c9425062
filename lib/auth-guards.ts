import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { auth, clientAddressFrom } from '@/auth';
import { getSessionUser, type SessionUser } from '@/db/queries/users';
import type { Actor } from '@/db/mutations/common';
import { can, type Action, type Resource } from './permissions';
import { getLogger } from './logger';
import { isOwnSiteRequest } from './same-origin';

// The server-side door of the newsroom. Every admin page, server action and route handler
// calls one of these with the action it is about to take; lib/permissions.ts decides.
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

export type ActionAuthorization =
  | { ok: true; user: SessionUser; actor: Actor }
  | { ok: false; error: string };

export const FORBIDDEN_MESSAGE = 'You are not allowed to do that.';

/**
 * For server actions and route handlers: who is acting, and may they? Refusal is a returned
 * value (the caller returns it as the form's error); nobody signed in is sent to /login.
 */
export async function authorizeAction(action: Action, resource?: Resource): Promise<ActionAuthorization> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  const h = await headers();
  const allowed = can(user, action, resource);
  // One line per newsroom action (server actions have no route of their own to log): the
  // request id the proxy gave this request, who, what, and whether the role allowed it.
  getLogger().info(
    { requestId: h.get('x-request-id'), route: h.get('x-gazette-path'), action, userId: user.id, allowed },
    'admin action',
  );
  if (!allowed) return { ok: false, error: FORBIDDEN_MESSAGE };
  return { ok: true, user, actor: { id: user.id, email: user.email, ip: clientAddressFrom(h) } };
}

export async function getClientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}

export type ApiAuthorization =
  | { ok: true; user: SessionUser; actor: Actor }
  | { ok: false; response: Response };

/**
 * For the newsroom's JSON route handlers (the editor's autosave, presence): like
 * authorizeAction, but a refusal is a JSON response — 401 when nobody is signed in, 403 when
 * the role may not — and state-changing requests must come from our own pages.
 */
export async function authorizeApi(request: Request, action: Action, resource?: Resource): Promise<ApiAuthorization> {
  const h = request.headers;
  if (!['GET', 'HEAD'].includes(request.method) && !isOwnSiteRequest(h)) {
    return { ok: false, response: Response.json({ error: 'Cross-site request refused.' }, { status: 403 }) };
  }
  const user = await getCurrentUser();
  if (!user) return { ok: false, response: Response.json({ error: 'Your session has ended. Sign in again.' }, { status: 401 }) };
  if (!can(user, action, resource)) return { ok: false, response: Response.json({ error: FORBIDDEN_MESSAGE }, { status: 403 }) };
  return { ok: true, user, actor: { id: user.id, email: user.email, ip: clientAddressFrom(h) } };
}
