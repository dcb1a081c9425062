import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { recordAudit } from './db/mutations/audit';
import { recordSignIn } from './db/mutations/users';
import { getRecentSignInFailures } from './db/queries/audit';
import { getLiveSessionUser, getUserForSignIn, type SessionUser } from './db/queries/users';
import type { Role } from './lib/domain';
import { getAuthSecret } from './platform/auth-secret';
import { decideClientAddress, trustedProxyHops } from './gateway/request-guard.mjs';
import { verifyPassword } from './platform/passwords';
import { decideThrottle, THROTTLE_WINDOW_MS, type ThrottleDecision } from './platform/throttle';
import { signInSchema } from './lib/validation/auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    // This browser's session row, for signing out (never sent to the browser: no route
    // handler of Auth.js is mounted and no client component reads the session).
    sessionId?: string;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
    sessionId?: string;
  }
}

// What the signed session cookie carries besides the standard claims.
export interface GazetteToken {
  uid?: number;
  sv?: number;
  role?: Role;
  // The id of the session's row in user_sessions (stored there only as its hash).
  sid?: string;
}

export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

export function clientAddressFrom(headers: Headers): string | null {
  return decideClientAddress(headers.get('x-forwarded-for'), trustedProxyHops(process.env.TRUSTED_PROXY));
}

/** Throttle state for one attempt, from the audit log's failed sign-ins (platform/throttle.ts). */
export async function checkSignInThrottle(email: string, ip: string | null): Promise<ThrottleDecision> {
  const now = Date.now();
  const user = await getUserForSignIn(email);
  const failures = await getRecentSignInFailures(email, ip, new Date(now - THROTTLE_WINDOW_MS), user?.lastSignInAt ?? null);
  return decideThrottle(failures, now);
}

/**
 * The user a session cookie's token stands for, as the database has them now; null when its
 * session row is missing, ended or expired, the user is disabled, or the session version moved on
 * (a role change, a reset, a new password). The jwt callback below and proxy.ts (server/page-access.ts) both ask.
 */
export async function getTokenUser(token: GazetteToken): Promise<SessionUser | null> {
  if (typeof token.uid !== 'number' || typeof token.sid !== 'string') return null;
  const row = await getLiveSessionUser(token.uid, token.sid);
  return row && !row.disabled && row.sessionVersion === token.sv ? row : null;
}

export const { auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: getAuthSecret(),
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      // Every sign-in passes here: throttle, verify, and record the outcome in the audit log.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new CredentialsSignin();
        const { email, password } = parsed.data;
        const ip = clientAddressFrom(request.headers);
        if (!(await checkSignInThrottle(email, ip)).allowed) {
          await recordAudit({ action: 'auth.sign_in_throttled', actorEmail: email, ip });
          throw new ThrottledSignIn();
        }
        const user = await getUserForSignIn(email);
        // Always verify (against a decoy hash when the account is unknown), so the answer takes
        // as long and says the same whether or not the email exists.
        const valid = await verifyPassword(user?.passwordHash, password);
        if (!user || !valid || user.disabled) {
          await recordAudit({
            action: 'auth.sign_in_failed',
            actorId: user?.id ?? null,
            actorEmail: email,
            ip,
            details: { reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'disabled' },
          });
          throw new CredentialsSignin();
        }
        const { sessionId } = await recordSignIn({ userId: user.id, email: user.email, ip, userAgent: request.headers.get('user-agent') });
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    // Runs on every request that reads the session: the database decides, not the cookie. A
    // session row that is missing, ended (sign-out) or expired, a disabled user, or a session
    // version bumped by a role change or reset, ends the session.
    async jwt({ token, user }) {
      const t = token as typeof token & GazetteToken;
      if (user) {
        t.uid = Number(user.id);
        t.sv = user.sessionVersion;
        t.role = user.role;
        t.sid = user.sessionId;
        return t;
      }
      const row = await getTokenUser(t);
      if (!row) return null;
      t.role = row.role;
      t.name = row.name;
      t.email = row.email;
      return t;
    },
    session({ session, token }) {
      const t = token as typeof token & GazetteToken;
      session.user = { ...session.user, id: String(t.uid), name: t.name ?? '', email: t.email ?? '', role: t.role ?? 'contributor' };
      session.sessionId = t.sid;
      return session;
    },
  },
});
