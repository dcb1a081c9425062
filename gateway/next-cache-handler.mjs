// @ts-check
// Next's full-route cache (next.config.ts `cacheHandler`): Next's own file-system cache, except
// that an error page is never stored. Every unknown slug under /{section}/, /tag/ and /author/
// renders a 404 that Next would otherwise write to .next/server/route-cache (~125 KB each, with
// no bound), so anyone requesting made-up addresses could fill the disk. Storing them buys
// nothing: a made-up address is rarely asked twice.
//
// Plain JavaScript: Next loads it at run time, outside the bundle.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

/** @type {any} */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache;

/**
 * Whether a cache value is an answer that must not be kept: a page or route handler response
 * with an error status.
 * @param {unknown} data
 */
export function isErrorResponse(data) {
  if (!data || typeof data !== 'object') return false;
  const { kind, status } = /** @type {{ kind?: unknown, status?: unknown }} */ (data);
  return (kind === 'APP_PAGE' || kind === 'APP_ROUTE' || kind === 'PAGES') && typeof status === 'number' && status >= 400;
}

export default class GazetteCacheHandler extends FileSystemCache {
  /** @param {string} key @param {unknown} data @param {unknown} ctx */
  async set(key, data, ctx) {
    if (isErrorResponse(data)) return;
    return super.set(key, data, ctx);
  }
}
