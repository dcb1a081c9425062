import type { NextAuthConfig } from 'next-auth';

// The part of the Auth.js configuration that needs no database or Node API, shared by auth.ts
// and readable by proxy.ts. Sessions are signed JWTs in an HttpOnly, SameSite=Lax cookie
// (Secure, with the __Secure- prefix, when the site is served over https).

// A working day from sign-in: Auth.js renews the cookie on use, but the session row's expiry
// (user_sessions.expires_at) does not move. auth.ts ends sessions earlier when needed.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Auth.js's cookie names, plain and over https: proxy.ts only checks that one is present.
export const SESSION_COOKIE_NAMES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Self-hosted behind any address: the Host header decides URLs. A deployment behind a proxy
  // that rewrites Host sets AUTH_URL.
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
