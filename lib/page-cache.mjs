// @ts-check
// The page cache in front of Next (docs/decisions/008-page-cache-in-front-of-next.md).
//
// Next serves a cached page at ~1.5 ms of CPU (routing, its cache look-up, streaming the stored
// payload); this serves the same bytes from memory at a fraction of that. It holds only what Next
// itself says a shared cache may hold: a GET for a document (not a client-router request) that
// Next answered 200 from a fresh cache entry, with `s-maxage`, and without a cookie. Every
// expiry of a cache tag in the server (lib/expire-tags.ts) empties it, so an edit is visible on
// the next request, as it is with Next alone; otherwise an entry lives as long as its s-maxage.
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.

/** The key under which the server publishes the cache, for lib/expire-tags.ts to find it. */
export const PAGE_CACHE_KEY = Symbol.for('gazette.page-cache');

// Request headers that make Next answer something other than the document (client-router
// payloads, prefetches) or something personal; such requests always go to Next.
const BYPASS_REQUEST_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-router-state-tree',
  'next-action',
  'authorization',
  // A part of a page is not the page.
  'range',
];
// Hop-by-hop and per-response headers never replayed from the cache.
const DROP_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);

/**
 * @typedef {{ headers: [string, string | string[]][], body: Buffer, etag: string | null,
 *   storedAt: number, expiresAt: number }} Entry
 * @typedef {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} RequestLike
 */

/**
 * The s-maxage a response allows a shared cache, in seconds, or 0 when it may not be stored.
 * @param {unknown} cacheControl
 */
export function sharedMaxAge(cacheControl) {
  if (typeof cacheControl !== 'string') return 0;
  const directives = cacheControl.toLowerCase().split(',').map((d) => d.trim());
  if (directives.some((d) => d === 'private' || d === 'no-store' || d === 'no-cache')) return 0;
  const sMaxAge = directives.find((d) => d.startsWith('s-maxage='));
  const seconds = sMaxAge ? Number(sMaxAge.slice('s-maxage='.length)) : 0;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}

/**
 * The cache key for a request, or null when the request must go to Next.
 * @param {RequestLike} req
 */
export function requestKey(req) {
  if (req.method !== 'GET' || !req.url || !req.url.startsWith('/')) return null;
  // The newsroom, the API (beacon, health, sign-in) and Next's own assets are never held here.
  if (/^\/(?:admin|api|login|preview|_next)(?:[/?]|$)/.test(req.url)) return null;
  for (const name of BYPASS_REQUEST_HEADERS) if (req.headers[name] !== undefined) return null;
  // A cookie may carry a session or Next's draft-mode bypass: such readers get Next's answer.
  if (req.headers.cookie) return null;
  const encoding = req.headers['accept-encoding'];
  return `${req.url}\n${Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')}`;
}

/**
 * @param {{ maxBytes?: number, maxEntryBytes?: number, maxAgeSeconds?: number, now?: () => number }} [options]
 */
export function createPageCache(options = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const maxAgeMs = (options.maxAgeSeconds ?? 3600) * 1000;
  const now = options.now ?? Date.now;
  /** @type {Map<string, Entry>} insertion order is recency order (a hit moves its entry last) */
  const entries = new Map();
  let bytes = 0;
  // Bumped by every invalidation: a response rendered before it is not stored after it.
  let generation = 0;
  const stats = { hits: 0, misses: 0, stored: 0, invalidations: 0 };

  /** @param {string} key */
  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  }

  return {
    stats,
    maxEntryBytes,
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
    get generation() {
      return generation;
    },
    /** @param {string} key */
    get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        remove(key);
        return null;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    /**
     * Stores Next's answer when a shared cache may hold it and nothing changed while it was made.
     * @param {string} key
     * @param {number} startedAt the generation when the request arrived
     * @param {{ status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer }} response
     */
    store(key, startedAt, response) {
      if (startedAt !== generation || response.status !== 200) return false;
      const h = response.headers;
      // Next says STALE when it served an old copy while re-rendering: never keep that one.
      if (String(h['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return false;
      if (h['set-cookie'] !== undefined || h['x-nextjs-postponed'] !== undefined) return false;
      const seconds = sharedMaxAge(h['cache-control']);
      if (seconds === 0 || response.body.length > maxEntryBytes) return false;
      /** @type {[string, string | string[]][]} */
      const headers = [];
      for (const [name, value] of Object.entries(h)) {
        if (value === undefined || DROP_RESPONSE_HEADERS.has(name) || name === 'x-nextjs-cache') continue;
        headers.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
      }
      remove(key);
      const storedAt = now();
      entries.set(key, {
        headers,
        body: response.body,
        etag: typeof h.etag === 'string' ? h.etag : null,
        storedAt,
        expiresAt: storedAt + Math.min(seconds * 1000, maxAgeMs),
      });
      bytes += response.body.length;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      stats.stored++;
      return true;
    },
    /** Something public changed: drop everything, and anything being rendered right now. */
    invalidate() {
      generation++;
      entries.clear();
      bytes = 0;
      stats.invalidations++;
    },
  };
}

/** @typedef {ReturnType<typeof createPageCache>} PageCache */

/**
 * Wraps a Node request handler (Next's) with the cache.
 * @param {PageCache} cache
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 */
export function withPageCache(cache, handle) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return function cachedHandler(req, res) {
    const key = requestKey(req);
    if (key === null) return handle(req, res);
    const entry = cache.get(key);
    if (entry) {
      cache.stats.hits++;
      serve(entry, req, res);
      return undefined;
    }
    cache.stats.misses++;
    record(key, cache, res);
    return handle(req, res);
  };
}

/**
 * @param {Entry} entry
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function serve(entry, req, res) {
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader('x-gazette-cache', 'HIT');
  res.setHeader('age', String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))));
  const ifNoneMatch = req.headers['if-none-match'];
  if (entry.etag && ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag)) {
    res.statusCode = 304;
    for (const name of ['content-type', 'content-encoding']) res.removeHeader(name);
    res.end();
    return;
  }
  res.setHeader('content-length', String(entry.body.length));
  res.end(entry.body);
}

/**
 * Copies what Next writes (after its compression) so it can be stored once the response ends.
 * @param {string} key
 * @param {PageCache} cache
 * @param {import('node:http').ServerResponse} res
 */
function record(key, cache, res) {
  const startedAt = cache.generation;
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  // Stops copying once the answer cannot be stored: not a 200, or larger than an entry may be.
  let keeping = true;
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (!keeping || chunk == null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8'));
    size += buffer.length;
    if (res.statusCode !== 200 || size > cache.maxEntryBytes) {
      keeping = false;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };
  /** @type {Record<string, import("node:http").OutgoingHttpHeader | undefined>} headers given to writeHead, which getHeaders() may not show */
  const written = {};
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  // @ts-expect-error same signature as ServerResponse#writeHead
  res.writeHead = function (status, reason, headers) {
    const given = typeof reason === 'string' ? headers : reason;
    if (Array.isArray(given)) {
      for (let i = 0; i + 1 < given.length; i += 2) written[String(given[i]).toLowerCase()] = given[i + 1];
    } else if (given && typeof given === 'object') {
      for (const [name, value] of Object.entries(given)) written[name.toLowerCase()] = value;
    }
    return writeHead.apply(this, /** @type {any} */ (arguments));
  };
  // @ts-expect-error same signature as ServerResponse#write
  res.write = function (chunk, encoding, callback) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  // @ts-expect-error same signature as ServerResponse#end
  res.end = function (chunk, encoding, callback) {
    keep(chunk, encoding);
    const result = end.call(this, chunk, encoding, callback);
    if (keeping) {
      const headers = { ...res.getHeaders(), ...written };
      cache.store(key, startedAt, { status: res.statusCode, headers, body: Buffer.concat(chunks) });
    }
    return result;
  };
}
