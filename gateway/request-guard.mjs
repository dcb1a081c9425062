// @ts-check
// The first thing every request meets in the production server (scripts/start.mjs), before the
// page cache and before Next: it refuses what no route of ours can answer and makes the
// forwarding headers mean what the configuration says.
//
//  - A path that is not valid percent-encoding (/%ff), or that hides a separator or a NUL in an
//    escape (/city/a%2f..%2fb, %5c, %00), is a 400 here: Next answers the first with a 500 and
//    the second with a redirect to itself.
//  - A server action posted from another site is a 403 here (Next refuses it too, with a 500).
//  - X-Forwarded-* are a proxy's words. With no trusted proxy (TRUSTED_PROXY unset) the client
//    wrote them, so they are dropped and X-Forwarded-For becomes the socket's address: every
//    "client address" (audit log, sign-in throttle, the view counter) is then the real one.
//    With TRUSTED_PROXY set they are left as the proxy sent them (decideClientAddress below).
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.

/**
 * How many reverse proxies in front are trusted to write X-Forwarded-For (TRUSTED_PROXY): a
 * count, `true`/`yes`/`on` for one, anything else none.
 * @param {string | undefined} value
 */
export function trustedProxyHops(value) {
  if (!value) return 0;
  if (/^(true|yes|on)$/i.test(value)) return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

/**
 * The client address from X-Forwarded-For: with no trusted proxy the last entry (the socket's,
 * once normalizeForwarding has run), behind N trusted proxies the N-th from the right, the one
 * the outermost trusted proxy saw. Null when there is none or it is not an address.
 * @param {string | null | undefined} forwardedFor
 * @param {number} hops
 */
export function decideClientAddress(forwardedFor, hops) {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const index = hops > 0 ? Math.max(0, entries.length - hops) : entries.length - 1;
  const candidate = /** @type {string} */ (entries[index]).replace(/^::ffff:/, '');
  return ADDRESS.test(candidate) ? candidate : null;
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

/**
 * @typedef {{ status: number, message: string }} Refusal
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 */

/**
 * Why the request must be refused before any route sees it, or null.
 * @param {RequestLike} req
 * @param {{ trustedProxyHops: number }} options
 * @returns {Refusal | null}
 */
export function decideRefusal(req, options) {
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!isCleanPath(pathname)) return { status: 400, message: 'Bad request: the address is not valid.' };
  if (req.method === 'POST' && req.headers['next-action'] !== undefined && !isOwnOrigin(req.headers, options.trustedProxyHops)) {
    return { status: 403, message: 'Forbidden: the request did not come from this site.' };
  }
  return null;
}

/**
 * True when every escape in the path decodes, and none decodes to a separator, a backslash, a
 * NUL or another control character.
 * @param {string} pathname
 */
export function isCleanPath(pathname) {
  if (!pathname.startsWith('/')) return false;
  if (!pathname.includes('%')) return true;
  try {
    decodeURIComponent(pathname);
  } catch {
    return false;
  }
  // Only what an escape produced matters: a literal "/" is a separator as it should be.
  const escaped = pathname.match(/(?:%[0-9a-fA-F]{2})+/g) ?? [];
  return escaped.every((run) => !/[/\\\u0000-\u001f\u007f]/.test(decodeURIComponent(run)));
}

/**
 * Does `origin` name this site: the Host the request was sent to, or a host a trusted proxy
 * forwarded (give `forwardedHost` only when TRUSTED_PROXY is set)? A missing, opaque ("null") or
 * non-http origin never does.
 * @param {string | null | undefined} origin
 * @param {string | null | undefined} host
 * @param {string | null | undefined} [forwardedHost]
 */
export function isSameOrigin(origin, host, forwardedHost) {
  if (!origin || !host) return false;
  let originHost;
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

/**
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {number} trustedProxyHops
 */
export function isOwnOrigin(headers, trustedProxyHops) {
  return isSameOrigin(first(headers.origin), first(headers.host), trustedProxyHops > 0 ? first(headers['x-forwarded-host']) : null);
}

/**
 * Makes the forwarding headers trustworthy, in place (see the top of this file).
 * @param {RequestLike & { socket?: { remoteAddress?: string } }} req
 * @param {{ trustedProxyHops: number }} options
 */
export function normalizeForwarding(req, options) {
  if (options.trustedProxyHops > 0) return;
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  const address = req.socket?.remoteAddress;
  if (address) req.headers['x-forwarded-for'] = address.replace(/^::ffff:/, '');
}

/**
 * Wraps a request handler with the guard.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handler
 * @param {{ trustedProxyHops: number }} options
 */
export function withRequestGuard(handler, options) {
  return (/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:http').ServerResponse} */ res) => {
    const refusal = decideRefusal(req, options);
    if (refusal) {
      refuse(req, res, refusal.status, refusal.message);
      return;
    }
    normalizeForwarding(req, options);
    // Next listens for 'close' up to ten times on a streamed page; the page cache and the render
    // pools add one each. More than ten is expected here, not a leak.
    res.setMaxListeners(32);
    return handler(req, res);
  };
}

/**
 * The answer of every refusal in front of Next (this guard, budgets, pools): a line of plain
 * text, never cached.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
export function refuse(req, res, status, message, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(message),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : message);
}

/** @param {string | string[] | undefined} value */
function first(value) {
  return Array.isArray(value) ? value[0] : value;
}
