import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from './auth.config';
import { isPrivatePath, privatePageHeaders } from './lib/security-headers';

// Runs only for /admin and /login (see `config`). Two jobs:
//  1. An optimistic redirect: no session cookie on /admin → /login. It never decides access;
//     every admin page and action checks the user itself (lib/auth-guards.ts).
//  2. A per-request nonce for a strict Content-Security-Policy, plus no-store and noindex.
//     Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
// Public pages never pass through here: their headers are static (next.config.ts), so they
// stay prerendered and cacheable.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (/^\/admin(\/|$)/.test(pathname) && !hasSession && (request.method === 'GET' || request.method === 'HEAD')) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  // Every newsroom request gets an id the handlers log (lib/request-log.ts, authorizeAction).
  const requestId = request.headers.get('x-request-id') || crypto.randomUUID();
  if (!isPrivatePath(pathname)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-request-id', requestId);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = privatePageHeaders(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  requestHeaders.set('x-request-id', requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: ['/admin', '/admin/:path*', '/login', '/login/:path*', '/api/admin/:path*'],
};
