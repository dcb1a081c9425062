// @ts-check
// Readers first (docs/decisions/009-readers-first.md). Between the page cache and Next, the
// production server (scripts/start.mjs) decides what may cost a render:
//
//  - Budgets per client address (the trusted one, gateway/request-guard.mjs) for the expensive
//    kinds of request: search, the sign-in page, images, the view beacon, and pages the cache
//    could not answer. A token bucket each: a steady rate and a burst. Over budget, the answer
//    is a 429 with Retry-After, held back a moment first (at most `maxParked` at a time), so a
//    flood from one client slows to the pace of its connections instead of taking the CPU
//    from readers.
//  - Made-up addresses: what no route of the site could answer (lib/site/public-routes.mjs, then a
//    primary-key look-up registered by the server) gets a 404 rendered once and replayed; the
//    address of an article that was public and was withdrawn gets a 410 (decision 017).
//  - A render pool: at most `maxActive` requests inside Next at once, `maxQueue` waiting for at
//    most `maxWaitMs`; past that a 503 with Retry-After at once, never a pile-up.
//
// Cached pages never come here: the page cache answers them before. The newsroom (a session
// cookie, /admin, the newsroom API, previews) has its own pool and no per-address budget: fifty
// people behind one office address must never see a 429.
//
// Plain JavaScript: scripts/start.mjs loads it without a build step.

import { captureResponse, carriesServerCookie, replayableHeaders } from './page-cache.mjs';
import { refuse } from './request-guard.mjs';

/** Where the server registers its look-up of made-up addresses (instrumentation.ts). */
export const PUBLIC_PATHS_KEY = Symbol.for('gazette.public-paths');

/** @typedef {'asset' | 'newsroom' | 'search' | 'login' | 'image' | 'beacon' | 'api' | 'page'} RequestClass */
/** @typedef {{ rate: number, burst: number }} Budget */

/** Per client address: a steady rate per second and a burst. */
export const DEFAULT_BUDGETS = /** @type {const} */ ({
  // A reader types a few queries a minute; a results page links to the next one.
  search: { rate: 2, burst: 20 },
  // The sign-in page is rendered per request (a fresh CSP nonce); sign-ins have their own throttle.
  login: { rate: 1, burst: 30 },
  // Each page has a dozen images at most, and browsers cache them for a year.
  image: { rate: 10, burst: 40 },
  // One view per article opened.
  beacon: { rate: 2, burst: 30 },
  // Pages the cache could not answer: a crawler reading old articles at 10 a second fits.
  page: { rate: 15, burst: 100 },
});

/**
 * What kind of request this is, for budgets and pools.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 * @returns {RequestClass}
 */
export function classifyRequest(req) {
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  if (/^\/_next\/(?:static|data)\//.test(path) || /^\/(?:icon\.svg|logo\.png|favicon\.ico|robots\.txt)$/.test(path)) return 'asset';
  if (/^\/(?:admin|preview)(?:\/|$)/.test(path) || path.startsWith('/api/admin/')) return 'newsroom';
  if (/^\/login(?:\/|$)/.test(path)) return carriesServerCookie(req.headers.cookie) && req.method === 'GET' ? 'newsroom' : 'login';
  if (carriesServerCookie(req.headers.cookie)) return 'newsroom';
  if (/^\/search(?:\/|$)/.test(path)) return 'search';
  if (/^\/(?:_next\/image|media|media-crop|social-card)(?:\/|$)/.test(path)) return 'image';
  if (path === '/api/views') return 'beacon';
  if (path.startsWith('/api/')) return 'api';
  return 'page';
}

// Each request is classified once, however many layers ask.
/** @type {WeakMap<object, RequestClass>} */
const classes = new WeakMap();
/** @param {Parameters<typeof classifyRequest>[0]} req */
function classOf(req) {
  let kind = classes.get(req);
  if (kind === undefined) {
    kind = classifyRequest(req);
    classes.set(req, kind);
  }
  return kind;
}

/**
 * Token buckets per (kind, address), in memory, bounded: past `maxKeys` the least recently
 * used are forgotten (a forgotten client starts with a full bucket, never with more).
 * @param {Partial<Record<string, Budget>>} budgets
 * @param {{ now?: () => number, maxKeys?: number }} [options]
 */
export function createBudgets(budgets, options = {}) {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  /** @type {Map<string, { tokens: number, at: number }>} */
  const buckets = new Map();
  return {
    /**
     * Takes one token; the answer says whether it was there and, if not, when one will be.
     * @param {string} kind
     * @param {string} address
     * @returns {{ ok: true } | { ok: false, retryAfterSeconds: number }}
     */
    take(kind, address) {
      const budget = budgets[kind];
      if (!budget) return { ok: true };
      const key = `${kind}\u0000${address}`;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: budget.burst, at: t };
      buckets.delete(key);
      bucket.tokens = Math.min(budget.burst, bucket.tokens + ((t - bucket.at) / 1000) * budget.rate);
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / budget.rate)) };
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * At most `maxActive` at once; `maxQueue` more wait up to `maxWaitMs`; the rest are refused.
 * @param {{ maxActive: number, maxQueue: number, maxWaitMs: number }} limits
 */
export function createPool(limits) {
  let active = 0;
  /** @type {{ start: () => void, timer: NodeJS.Timeout }[]} */
  const queue = [];
  const stats = { admitted: 0, queued: 0, refused: 0 };
  function release() {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    } else {
      active--;
    }
  }
  return {
    stats,
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    /**
     * Runs `start` now or when a place frees up; calls `refuse` when there is no room or the
     * wait ran out. `start` receives the function that gives the place back (call it once).
     * @param {(done: () => void) => void} start
     * @param {() => void} refuse
     */
    enter(start, refuse) {
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      if (active < limits.maxActive) {
        active++;
        stats.admitted++;
        start(done);
        return;
      }
      if (queue.length >= limits.maxQueue) {
        stats.refused++;
        refuse();
        return;
      }
      stats.queued++;
      const waiter = {
        start: () => {
          stats.admitted++;
          start(done);
        },
        timer: setTimeout(() => {
          const at = queue.indexOf(waiter);
          if (at !== -1) queue.splice(at, 1);
          stats.refused++;
          refuse();
        }, limits.maxWaitMs),
      };
      queue.push(waiter);
    },
  };
}

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {(req: Req, res: Res) => unknown} Handler
 */

/**
 * The per-address budgets for `kinds`, in front of `handler`. Over budget: 429, after a pause of
 * `penaltyMs` while fewer than `maxParked` answers are being held.
 * @param {Handler} handler
 * `hold(answer, ms)` schedules the held answer and returns how to cancel it (a timer by default).
 * @param {{ budgets: ReturnType<typeof createBudgets>, kinds: readonly RequestClass[], clientAddress: (req: Req) => string,
 *   penaltyMs?: number, maxParked?: number, stats?: { limited: number, parked: number },
 *   hold?: (answer: () => void, ms: number) => () => void }} options
 * @returns {Handler}
 */
export function withBudgets(handler, options) {
  const penaltyMs = options.penaltyMs ?? 1000;
  const maxParked = options.maxParked ?? 256;
  const hold =
    options.hold ??
    ((answer, ms) => {
      const timer = setTimeout(answer, ms);
      return () => clearTimeout(timer);
    });
  const stats = options.stats ?? { limited: 0, parked: 0 };
  let parked = 0;
  return (req, res) => {
    const kind = classOf(req);
    if (!options.kinds.includes(kind)) return handler(req, res);
    const taken = options.budgets.take(kind, options.clientAddress(req));
    if (taken.ok) return handler(req, res);
    stats.limited++;
    const message = 'Too many requests: slow down and try again shortly.';
    if (penaltyMs <= 0 || parked >= maxParked) {
      refuse(req, res, 429, message, { 'Retry-After': String(taken.retryAfterSeconds) });
      return undefined;
    }
    parked++;
    stats.parked++;
    let held = true;
    const letGo = () => {
      if (!held) return false;
      held = false;
      parked--;
      return true;
    };
    const cancel = hold(() => {
      if (letGo()) refuse(req, res, 429, message, { 'Retry-After': String(taken.retryAfterSeconds) });
    }, penaltyMs);
    // A client that hangs up frees its place at once.
    res.once('close', () => {
      if (letGo()) cancel();
    });
    return undefined;
  };
}

/**
 * The render pools in front of Next: one for readers' requests, one for the newsroom. Assets
 * go straight through.
 * @param {Handler} handler
 * @param {{ readers: ReturnType<typeof createPool>, newsroom: ReturnType<typeof createPool>, retryAfterSeconds?: number }} options
 * @returns {Handler}
 */
export function withPools(handler, options) {
  const retryAfter = options.retryAfterSeconds ?? 2;
  return (req, res) => {
    const kind = classOf(req);
    if (kind === 'asset') return handler(req, res);
    const pool = kind === 'newsroom' ? options.newsroom : options.readers;
    pool.enter(
      (done) => {
        res.once('close', done);
        if (res.destroyed) {
          done();
          return;
        }
        // A HEAD is rendered as its GET (Node sends no body for a HEAD): Next ends a HEAD's
        // answer before a page rendered per request is done and goes on rendering it, so the
        // place would be free again while the render still ran.
        if (req.method === 'HEAD') req.method = 'GET';
        handler(req, res);
      },
      () => refuse(req, res, 503, 'The site is busy: try again in a moment.', { 'Retry-After': String(retryAfter) }),
    );
    return undefined;
  };
}

/**
 * What the look-up says of an address: `false` maybe (Next decides), `true` nothing answers it,
 * `{ gone }` the address of an article that was public and is no longer (unpublished or in the
 * trash): it answers 410 (`answerGone`).
 * @typedef {boolean | { gone: number }} PathAnswer
 */

/** The page Next renders for an address whose article was withdrawn (app/(site)/withdrawn). */
export const WITHDRAWN_PAGE = '/withdrawn';

// The 410 may be kept by an edge cache for a minute at most, and by no browser, and it carries
// the article's key and 'not-found' so a republish purges it (lib/articles/change-tags.ts).
const GONE_CACHE_CONTROL = 'public, max-age=0, s-maxage=60';

/**
 * The headers that turn Next's answer for the withdrawn page into the article address's 410:
 * the page's own edge keys plus the article's and 'not-found', and no ETag (the page's, not the
 * address's).
 * @param {number} articleId
 * @param {unknown} pageKeys the `xkey` Next sent for the withdrawn page
 */
export function decideGoneHeaders(articleId, pageKeys) {
  const keys = new Set(typeof pageKeys === 'string' ? pageKeys.split(' ').filter(Boolean) : []);
  keys.add(`article:${articleId}`);
  keys.add('not-found');
  const edgeKeys = [...keys].join(' ');
  return { 'cache-control': GONE_CACHE_CONTROL, xkey: edgeKeys, 'surrogate-key': edgeKeys };
}

/** @typedef {{ headers: [string, string | string[]][], body: Buffer, pageKeys: unknown }} GoneEntry */

/**
 * Answers a withdrawn article's address with the withdrawn page and a 410. Whether the address is
 * withdrawn is read from the database on each request (never kept here), so the article's page
 * is back the moment it is republished. The page is the same for every withdrawn article, so,
 * like the 404, Next renders it once (per Accept-Encoding) and it is replayed with each article's
 * keys until the next expiry. Next cannot answer 410 from a page itself (only 404, 401 and 403),
 * hence the rewrite; an error Next answers goes out as it is and is not kept.
 * @param {Handler} handler
 * @param {Req} req
 * @param {Res} res
 * @param {number} articleId
 * @param {Map<string, GoneEntry>} stored
 * @param {{ replayed: number, rendered: number }} stats
 */
function answerGone(handler, req, res, articleId, stored, stats) {
  const encoding = String(req.headers['accept-encoding'] ?? '');
  const entry = stored.get(encoding);
  if (entry) {
    stats.replayed++;
    res.statusCode = 410;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    for (const [name, value] of Object.entries(decideGoneHeaders(articleId, entry.pageKeys))) res.setHeader(name, value);
    res.setHeader('content-length', String(entry.body.length));
    res.setHeader('x-gazette-cache', 'GONE');
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return undefined;
  }
  stats.rendered++;
  req.url = WITHDRAWN_PAGE;
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
  /** @type {unknown} */
  let pageKeys;
  captureResponse(res, { maxBytes: 1024 * 1024, status: 410 }, (_status, given, body) => {
    if (given['set-cookie'] !== undefined) return;
    const headers = replayableHeaders(given).filter(([name]) => !['xkey', 'surrogate-key', 'cache-control', 'etag'].includes(name));
    stored.set(encoding, { headers, body, pageKeys });
  });
  const writeHead = res.writeHead;
  // @ts-expect-error same signature as ServerResponse#writeHead
  res.writeHead = function (status, reason, headers) {
    if (status === 200) {
      const given = typeof reason === 'string' ? headers : reason;
      const fromHead = given && typeof given === 'object' && !Array.isArray(given) ? /** @type {Record<string, unknown>} */ (given) : {};
      pageKeys = fromHead.xkey ?? res.getHeader('xkey');
      for (const name of Object.keys(fromHead)) {
        if (['cache-control', 'xkey', 'surrogate-key', 'etag'].includes(name.toLowerCase())) delete fromHead[name];
      }
      res.removeHeader('etag');
      for (const [name, value] of Object.entries(decideGoneHeaders(articleId, pageKeys))) res.setHeader(name, value);
      status = 410;
      if (typeof reason === 'string') reason = 'Gone';
    }
    return writeHead.apply(this, /** @type {any} */ ([status, reason, headers]));
  };
  // The status is decided before the first byte, so the copy above sees a 410 and keeps it.
  const write = res.write;
  const end = res.end;
  res.write = function (...args) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    return write.apply(this, /** @type {any} */ (args));
  };
  // @ts-expect-error same signature as ServerResponse#end
  res.end = function (...args) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    return end.apply(this, /** @type {any} */ (args));
  };
  return handler(req, res);
}

/**
 * Where the kept 404 is rendered: an address no route answers, so Next renders the page for
 * those (app/global-not-found.tsx) whole. A notFound() thrown while a page renders (an unknown
 * article, tag or byline, a page past a front's last) is answered by Next with its recovery shell
 * instead, an empty <body> the browser fills from the Flight data only with JavaScript.
 */
export const NOT_FOUND_RENDER_PATH = '/gazette-not-found/no/route';

/**
 * Made-up addresses: when `isMissing(url)` says no route answers a GET, the 404 Next
 * rendered for such an address before is replayed (one per Accept-Encoding); the first one is
 * rendered by Next, from NOT_FOUND_RENDER_PATH so that it is complete HTML, and kept. `isMissing`
 * is looked up on each request (the server registers it once Next has started); until it exists,
 * everything goes to Next. A withdrawn article's address answers 410 (`answerGone`).
 * @param {Handler} handler
 * @param {{ isMissing: () => ((url: string) => Promise<PathAnswer>) | undefined, stats?: { replayed: number, rendered: number } }} options
 * @returns {Handler & { forget: () => void }}
 */
export function withNotFoundReplay(handler, options) {
  const stats = options.stats ?? { replayed: 0, rendered: 0 };
  /** @type {Map<string, { headers: [string, string | string[]][], body: Buffer }>} */
  const stored = new Map();
  /** @type {Map<string, GoneEntry>} */
  const gone = new Map();
  /** @type {Handler & { forget: () => void }} */
  const replay = Object.assign(
    /** @type {Handler} */ (req, res) => {
      const isMissing = options.isMissing();
      if (!isMissing || (req.method !== 'GET' && req.method !== 'HEAD') || classOf(req) !== 'page') return handler(req, res);
      isMissing(req.url ?? '/').then(
        (missing) => {
          if (!missing) return handler(req, res);
          if (typeof missing === 'object') return answerGone(handler, req, res, missing.gone, gone, stats);
          const encoding = String(req.headers['accept-encoding'] ?? '');
          const entry = stored.get(encoding);
          if (entry) {
            stats.replayed++;
            res.statusCode = 404;
            for (const [name, value] of entry.headers) res.setHeader(name, value);
            res.setHeader('content-length', String(entry.body.length));
            res.setHeader('x-gazette-cache', 'NOT-FOUND');
            res.end(req.method === 'HEAD' ? undefined : entry.body);
            return undefined;
          }
          stats.rendered++;
          keepNotFound(res, (headers, body) => stored.set(encoding, { headers, body }));
          req.url = NOT_FOUND_RENDER_PATH;
          return handler(req, res);
        },
        () => handler(req, res),
      );
      return undefined;
    },
    {
      // Something public changed (the page chrome may have): render the 404 anew next time.
      forget: () => {
        stored.clear();
        gone.clear();
      },
    },
  );
  return replay;
}

/**
 * Copies Next's 404 as it is written, and hands it over when it is complete (never one that
 * sets a cookie: that answer was for one browser).
 * @param {Res} res
 * @param {(headers: [string, string | string[]][], body: Buffer) => void} keep
 */
function keepNotFound(res, keep) {
  captureResponse(res, { maxBytes: 1024 * 1024, status: 404 }, (_status, given, body) => {
    if (given['set-cookie'] === undefined) keep(replayableHeaders(given), body);
  });
}
