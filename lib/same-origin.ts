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
