// Route handlers that change state accept only requests from our own pages: a browser always
// sends Origin on a cross-site POST, so a foreign or missing Origin on an unsafe method is refused.
// (Server actions get the same check from Next.js itself, which compares Origin with Host.)
export function isSameOriginRequest(method: string, origin: string | null, host: string | null): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) return true;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

// State-changing route handlers accept requests from our own pages only: the browser's Origin
// header must name the host the request was sent to. Requests without an Origin (scripts,
// some old browsers) are refused too: a beacon always carries one.
export function isSameOrigin(origin: string | null, host: string | null, forwardedHost?: string | null): boolean {
  if (!origin || !host) return false;
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    originHost = url.host.toLowerCase();
  } catch {
    return false;
  }
  const hosts = [host, ...(forwardedHost ? forwardedHost.split(',') : [])].map((h) => h.trim().toLowerCase());
  return hosts.includes(originHost);
}
