import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from './auth.config';
import { getPreviewLinksRevokedAt } from './db/queries/preview';
import { verifyPreviewToken, wasWithdrawn } from './platform/preview-token';
import { isPrivatePath, privatePageHeaders } from './lib/site/security-headers';
import { decidePageAccess } from './server/page-access';
import { DECIDED_STATUS_HEADER } from './gateway/decided-status.mjs';

// Runs only for /admin, /login and /preview (see `config`). For /admin and /login, three jobs:
//  1. An optimistic redirect: no session cookie on /admin → /login. It never decides access;
//     every admin page and action checks the user itself (server/session.ts).
//  2. A per-request nonce for a strict Content-Security-Policy, plus no-store and noindex.
//     Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
// Public pages never pass through here: their headers are static (next.config.ts), so they
// stay prerendered and cacheable.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (/^\/preview(\/|$)/.test(pathname)) return previewResponse(request, hasSession);
  if (/^\/admin(\/|$)/.test(pathname) && !hasSession && (request.method === 'GET' || request.method === 'HEAD')) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${pathname}${search}`);
    const response = NextResponse.redirect(login);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
  // Every newsroom page and server action gets an id that the door (server/door.ts) logs.
  const requestId = request.headers.get('x-request-id') || crypto.randomUUID();
  if (!isPrivatePath(pathname)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-request-id', requestId);
    requestHeaders.set('x-gazette-path', pathname);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = privatePageHeaders(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('x-gazette-path', pathname);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  if (await isForbiddenPage(request, hasSession)) response.headers.set(DECIDED_STATUS_HEADER, '403');
  return response;
}

// 3. A newsroom page the signed-in role may not open answers 403. Its own requirePermission shows
//    app/admin/forbidden.tsx, but only after the response has started with 200, so the status is
//    decided here (server/page-access.ts) and applied by gateway/decided-status.mjs in front of Next.
async function isForbiddenPage(request: NextRequest, hasSession: boolean): Promise<boolean> {
  // Server actions post to the page's address; the door answers them.
  if (!hasSession || !/^\/admin(\/|$)/.test(request.nextUrl.pathname) || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  return (await decidePageAccess(request)) === 'forbidden';
}

// /preview/<id> (app/preview): never cached, never indexed, with the public page's CSP (it shows
// what readers will see, video embeds included). Without a session cookie only a valid share
// link can open it, and that is decided here so a refusal carries a real 404 status (a check in
// the page itself streams a 200 under Cache Components). The page checks again, with the user.
function previewResponse(request: NextRequest, hasSession: boolean): NextResponse {
  let response: NextResponse | null = null;
  const id = /^\/preview\/(\d{1,12})\/?$/.exec(request.nextUrl.pathname)?.[1];
  if (id && !hasSession) {
    const check = verifyPreviewToken(request.nextUrl.searchParams.get('token'), Number(id));
    // A genuine link may still have been withdrawn by the desk: one primary-key read, only then.
    let reason = check.ok ? null : check.reason;
    if (check.ok && wasWithdrawn(check.expiresAt, getPreviewLinksRevokedAt(Number(id)))) reason = 'revoked';
    if (reason) {
      const target = { expired: '/preview/expired', revoked: '/preview/withdrawn', invalid: '/preview/unavailable' }[reason];
      response = NextResponse.rewrite(new URL(target, request.url));
    }
  }
  response ??= NextResponse.next();
  response.headers.set('Cache-Control', 'private, no-store');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

export const config = {
  // Not /api/admin: the proxy buffers request bodies up to 10 MB, which would cut media uploads
  // short; those route handlers check the session themselves and make their own request ids.
  matcher: ['/admin', '/admin/:path*', '/login', '/login/:path*', '/preview', '/preview/:path*'],
};
