// @ts-check
// The page cache in front of Next (docs/decisions/008-page-cache-in-front-of-next.md).
//
// Next serves a cached page at ~1.5 ms of CPU (routing, its cache look-up, streaming the stored
// payload); this serves the same bytes from memory at a fraction of that. It holds only what Next
// itself says a shared cache may hold: a GET for a document (not a client-router request) that
// Next answered 200 from a fresh cache entry, with `s-maxage`, and without a cookie. Every
// expiry of a cache tag in the server (server/expire-tags.ts) empties it, so an edit is visible on
// the next request, as it is with Next alone; otherwise an entry lives as long as its s-maxage.
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.

/** The key under which the server publishes the cache, for server/expire-tags.ts to find it. */
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
// The cookies the server reads: the newsroom session (Auth.js, plain, __Secure- and chunked) and
// Next's draft-mode bypass. A request carrying one goes to Next; every other cookie (analytics,
// consent, A/B tools on the site's own domain) is never read by a public page, so it changes
// nothing and must cost the reader nothing.
const SERVER_READ_COOKIE = /^(?:__Secure-|__Host-)?authjs\.session-token(?:\.\d+)?$|^__prerender_bypass$|^__next_preview_data$/;

/**
 * Does a Cookie header carry a cookie the server reads?
 * @param {string | string[] | undefined} header
 */
export function carriesServerCookie(header) {
  if (!header) return false;
  for (const part of (Array.isArray(header) ? header.join(';') : header).split(';')) {
    const name = part.slice(0, part.includes('=') ? part.indexOf('=') : part.length).trim();
    if (SERVER_READ_COOKIE.test(name)) return true;
  }
  return false;
}

// Hop-by-hop and per-response headers never replayed from the cache.
const DROP_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length', 'x-nextjs-cache']);

/**
 * The headers of a stored answer that may be sent again with it.
 * @param {Record<string, import("node:http").OutgoingHttpHeader | undefined>} given
 * @returns {[string, string | string[]][]}
 */
export function replayableHeaders(given) {
  /** @type {[string, string | string[]][]} */
  const headers = [];
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined || DROP_RESPONSE_HEADERS.has(name)) continue;
    headers.push([name, Array.isArray(value) ? value.map(String) : String(value)]);
  }
  return headers;
}

/**
 * @typedef {{ headers: [string, string | string[]][], body: Buffer, etag: string | null,
 *   storedAt: number, expiresAt: number, staleUntil: number }} Entry
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
 * How long past s-maxage a shared cache may still serve a response while it fetches a fresh one
 * (stale-while-revalidate), in seconds.
 * @param {unknown} cacheControl
 */
export function staleWhileRevalidate(cacheControl) {
  if (typeof cacheControl !== 'string') return 0;
  const directive = cacheControl.toLowerCase().split(',').map((d) => d.trim()).find((d) => d.startsWith('stale-while-revalidate='));
  const seconds = directive ? Number(directive.slice('stale-while-revalidate='.length)) : 0;
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
  // A session or Next's draft-mode bypass: such readers get Next's answer.
  if (carriesServerCookie(req.headers.cookie)) return null;
  const encoding = req.headers['accept-encoding'];
  return `${req.url}\n${Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '')}`;
}

/**
 * `ownMaxAgeSeconds`: keep answers this long whatever their Cache-Control says (the search cache:
 * Next marks search private, but a result page is the same for every reader and is emptied with
 * everything else on any change).
 * @param {{ maxBytes?: number, maxEntryBytes?: number, maxAgeSeconds?: number, ownMaxAgeSeconds?: number, now?: () => number }} [options]
 */
export function createPageCache(options = {}) {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const maxAgeMs = (options.maxAgeSeconds ?? 3600) * 1000;
  const ownMaxAgeSeconds = options.ownMaxAgeSeconds ?? 0;
  const now = options.now ?? Date.now;
  /** @type {Map<string, Entry>} insertion order is recency order (a hit moves its entry last) */
  const entries = new Map();
  let bytes = 0;
  // Bumped by every invalidation: a response rendered before it is not stored after it.
  let generation = 0;
  const stats = { hits: 0, misses: 0, stored: 0, invalidations: 0, coalesced: 0, staleHits: 0 };

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
    /** A fresh entry, or null. @param {string} key */
    get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      const t = now();
      if (entry.expiresAt <= t) {
        if (entry.staleUntil <= t) remove(key);
        return null;
      }
      entries.delete(key);
      entries.set(key, entry);
      return entry;
    },
    /**
     * An entry past its s-maxage but within its stale-while-revalidate window: served while one
     * request fetches the fresh page (time passing is the only way an entry gets here; a change
     * empties the cache).
     * @param {string} key
     */
    stale(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      const t = now();
      return entry.expiresAt <= t && t < entry.staleUntil ? entry : null;
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
      if (h['set-cookie'] !== undefined) return false;
      // A page with a dynamic part may be personal; the search cache holds only search results,
      // whose dynamic part is the same for every reader.
      if (h['x-nextjs-postponed'] !== undefined && !ownMaxAgeSeconds) return false;
      const seconds = ownMaxAgeSeconds || sharedMaxAge(h['cache-control']);
      if (seconds === 0 || response.body.length > maxEntryBytes) return false;
      const headers = replayableHeaders(h);
      remove(key);
      const storedAt = now();
      const expiresAt = storedAt + Math.min(seconds * 1000, maxAgeMs);
      entries.set(key, {
        headers,
        body: response.body,
        etag: typeof h.etag === 'string' ? h.etag : null,
        storedAt,
        expiresAt,
        staleUntil: ownMaxAgeSeconds ? expiresAt : expiresAt + Math.min(staleWhileRevalidate(h['cache-control']) * 1000, maxAgeMs),
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
 * Wraps a Node request handler (Next's) with the cache. Search result pages go to `searchCache`
 * when one is given (its own byte budget: a flood of distinct queries cannot push the articles
 * out). Identical requests that miss at the same moment are rendered once: the others wait for
 * that answer and are served from the cache, or go to Next themselves when it could not be kept.
 * `beforeLookup`, when given, runs before each look-up and may empty the caches first (cluster
 * mode: `sharedGenerationCheck` below).
 * @param {PageCache} cache
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 * @param {{ searchCache?: PageCache, beforeLookup?: () => Promise<void> }} [options]
 */
export function withPageCache(cache, handle, options = {}) {
  const searchCache = options.searchCache ?? null;
  const { beforeLookup } = options;
  /** @type {Map<string, Promise<void>>} */
  const inflight = new Map();
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return function cachedHandler(req, res) {
    const key = requestKey(req);
    if (key === null) return handle(req, res);
    if (beforeLookup) return beforeLookup().then(() => lookup(req, res, key));
    return lookup(req, res, key);
  };

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} key
   */
  function lookup(req, res, key) {
    const target = searchCache && /^\/search(?:[/?]|$)/.test(req.url ?? '') ? searchCache : cache;
    const entry = target.get(key);
    if (entry) {
      target.stats.hits++;
      serve(entry, req, res);
      return undefined;
    }
    const pending = inflight.get(key);
    // Past its s-maxage: readers get the copy they would have got a moment ago while one request
    // fetches the fresh page (Next itself would answer them from its stale copy, at its pace).
    const stale = target.stale(key);
    if (stale && pending) {
      target.stats.staleHits++;
      serve(stale, req, res, 'STALE');
      return undefined;
    }
    if (pending) {
      target.stats.coalesced++;
      pending.then(() => {
        if (res.destroyed || res.headersSent) return;
        const made = target.get(key);
        if (made) {
          target.stats.hits++;
          serve(made, req, res);
        } else {
          handle(req, res);
        }
      });
      return undefined;
    }
    target.stats.misses++;
    /** @type {() => void} */
    let done = () => {};
    const rendering = new Promise((resolve) => (done = () => resolve(undefined)));
    inflight.set(key, rendering);
    // 'close' follows the end of the answer, or the client going away mid-way.
    res.once('close', () => {
      if (inflight.get(key) === rendering) inflight.delete(key);
      done();
    });
    record(key, target, res);
    return handle(req, res);
  }
}

/**
 * Cluster mode: before each look-up, asks the cluster's generation (bumped with every expiry, by
 * any instance, in the same Redis step as the tags: gateway/shared-cache-redis.mjs) and empties
 * this instance's caches when it moved since the last look-up. So no instance replays a page
 * older than an expiry another instance has acknowledged, even before the announcement on the
 * channel arrives. While Redis cannot answer, the look-up goes on as it would without it.
 *
 * Requests share reads: one read is on its way at a time, and every request that arrives while it
 * is waits for the next one (a read that left before a request arrived may not have seen an
 * expiry acknowledged just before it), so a flood costs a read per Redis round trip, not one per
 * request.
 * @param {() => Promise<number | null>} generation
 * @param {() => void} invalidate
 * @returns {() => Promise<void>}
 */
export function sharedGenerationCheck(generation, invalidate) {
  /** @type {number | null} */
  let seen = null;
  /** @type {Promise<void> | null} the read on its way */
  let reading = null;
  /** @type {Promise<void> | null} the read that leaves when that one is back */
  let next = null;
  const read = async () => {
    const now = await generation();
    if (now === null) return;
    if (seen !== null && now !== seen) invalidate();
    seen = now;
  };
  const start = () => {
    const started = read().finally(() => {
      if (reading === started) reading = null;
    });
    reading = started;
    return started;
  };
  return () => {
    if (!reading) return start();
    next ??= reading.then(() => {
      next = null;
      return start();
    });
    return next;
  };
}

/**
 * @param {Entry} entry
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {'HIT' | 'STALE'} [as]
 */
function serve(entry, req, res, as = 'HIT') {
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader('x-gazette-cache', as);
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
  // Stops copying once the answer cannot be stored: not a 200, or larger than an entry may be.
  captureResponse(res, { maxBytes: cache.maxEntryBytes, status: 200 }, (status, headers, body) => {
    cache.store(key, startedAt, { status, headers, body });
  });
}

/**
 * Watches a response Next is writing and hands over its status, headers (also those given to
 * writeHead, which getHeaders() does not show) and body bytes once it has ended. Copying stops,
 * and nothing is handed over, when the status is not `status` or the body passes `maxBytes`.
 * @param {import('node:http').ServerResponse} res
 * @param {{ maxBytes: number, status: number }} limits
 * @param {(status: number, headers: Record<string, import("node:http").OutgoingHttpHeader | undefined>, body: Buffer) => void} onEnd
 */
export function captureResponse(res, limits, onEnd) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  let keeping = true;
  /** @param {unknown} chunk @param {unknown} encoding */
  const keep = (chunk, encoding) => {
    if (!keeping || chunk == null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {string} */ (chunk), /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8'));
    size += buffer.length;
    if (res.statusCode !== limits.status || size > limits.maxBytes) {
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
    if (keeping && res.statusCode === limits.status) onEnd(res.statusCode, { ...res.getHeaders(), ...written }, Buffer.concat(chunks));
    return result;
  };
}
