// @ts-check
// The cache tags of a page, sent to the edge cache in front (Varnish, a CDN) so a change purges
// exactly the pages that show it (server/edge-purge.ts sends the purges; docs/scaling.md).
//
// Next records every tag a page read (its `cacheTag` calls, lib/site/cache-tags.ts) in the
// `x-next-cache-tags` header of its full-route cache entry, but sends that header only in its
// minimal (hosted) mode. The cache handler (gateway/next-cache-handler.mjs) sees every entry Next
// stores or reads, so it copies the tags onto the entry as `Surrogate-Key` (CDNs) and `xkey`
// (Varnish's xkey vmod), which Next then sends with the page like any stored header, and the page
// cache (gateway/page-cache.mjs) replays with it. `withSharedOnlyEdgeKeys` takes them off any
// answer a shared cache may not keep.
//
// Plain JavaScript: scripts/start.mjs and Next (the cache handler) load it without a build step.
import { sharedMaxAge } from './page-cache.mjs';

export const EDGE_KEY_HEADERS = /** @type {const} */ (['surrogate-key', 'xkey']);

// Next's implicit tags (layouts and paths, prefixed `_N_T_`) are never expired by Gazette, which
// expires only its own tags (server/expire-tags.ts).
const NEXT_IMPLICIT_TAG = '_N_T_';

/**
 * The edge keys for Next's comma-separated tag list: Gazette's own tags, once each, separated by
 * spaces ('' when there are none). A tag never holds a space or a comma (lib/site/cache-tags.ts).
 * @param {unknown} nextTags
 */
export function decideEdgeKeys(nextTags) {
  if (typeof nextTags !== 'string') return '';
  const keys = new Set();
  for (const raw of nextTags.split(',')) {
    const tag = raw.trim();
    if (tag && !tag.startsWith(NEXT_IMPLICIT_TAG) && !/\s/.test(tag)) keys.add(tag);
  }
  return [...keys].join(' ');
}

/**
 * Puts the edge keys on a full-route cache value (a page or a route handler's answer) whose
 * headers carry Next's tags; other values are left as they are. Changes the headers in place:
 * Next sends a freshly rendered page with the same headers object it hands the cache handler.
 * @param {unknown} value
 */
export function addEdgeKeys(value) {
  if (!value || typeof value !== 'object') return;
  const { kind, headers } = /** @type {{ kind?: unknown, headers?: Record<string, unknown> }} */ (value);
  if ((kind !== 'APP_PAGE' && kind !== 'APP_ROUTE') || !headers || typeof headers !== 'object') return;
  const keys = decideEdgeKeys(headers['x-next-cache-tags']);
  if (!keys) return;
  for (const name of EDGE_KEY_HEADERS) headers[name] = keys;
}

/**
 * Wraps a Node request handler (Next's): an answer a shared cache may not keep (no `s-maxage`,
 * or `private`/`no-store`, e.g. a partly dynamic page or search) goes out without edge keys.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 */
export function withSharedOnlyEdgeKeys(handle) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return function edgeKeysHandler(req, res) {
    const writeHead = res.writeHead;
    // @ts-expect-error same signature as ServerResponse#writeHead
    res.writeHead = function (status, reason, headers) {
      const given = typeof reason === 'string' ? headers : reason;
      /** @type {unknown} */
      let cacheControl = res.getHeader('cache-control');
      if (given && typeof given === 'object' && !Array.isArray(given)) {
        for (const [name, value] of Object.entries(given)) if (name.toLowerCase() === 'cache-control') cacheControl = value;
      }
      if (sharedMaxAge(cacheControl) === 0) {
        for (const name of EDGE_KEY_HEADERS) res.removeHeader(name);
        if (given && typeof given === 'object' && !Array.isArray(given)) {
          for (const name of Object.keys(given)) if (/** @type {readonly string[]} */ (EDGE_KEY_HEADERS).includes(name.toLowerCase())) delete given[name];
        }
      }
      return writeHead.apply(this, /** @type {any} */ (arguments));
    };
    return handle(req, res);
  };
}
