import { isSameOrigin, trustedProxyHops } from '@/gateway/request-guard.mjs';

// State-changing route handlers accept requests from our own pages only: a browser always sends
// Origin on a cross-site POST (and on a beacon), so a foreign or missing Origin is refused.
// X-Forwarded-Host is a proxy's word: it counts only when TRUSTED_PROXY says a proxy is there.
// (Server actions get the same check from gateway/request-guard.mjs and from Next.js itself.)
export function isOwnSiteRequest(headers: Headers): boolean {
  const forwardedHost = trustedProxyHops(process.env.TRUSTED_PROXY) > 0 ? headers.get('x-forwarded-host') : null;
  return isSameOrigin(headers.get('origin'), headers.get('host'), forwardedHost);
}
