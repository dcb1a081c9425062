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
