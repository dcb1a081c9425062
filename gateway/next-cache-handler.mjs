// @ts-check
// Next's full-route cache (next.config.ts `cacheHandler`): Next's own file-system cache, except
// that an error page is never stored. Every unknown slug under /{section}/, /tag/ and /author/
// renders a 404 that Next would otherwise write to .next/server/route-cache (~125 KB each, with
// no bound), so anyone requesting made-up addresses could fill the disk. Storing them buys
// nothing: a made-up address is rarely asked twice.
//
// It also puts the page's cache tags on each page it stores or reads, as the `Surrogate-Key` and
// `xkey` headers Next then sends for an edge cache in front (gateway/edge-keys.mjs).
//
// With REDIS_URL set, the tags' expiry is shared by every instance (gateway/shared-cache-redis.mjs):
// each expiry is recorded there, and a stored page older than the latest expiry of one of its
// tags is a miss, so no instance serves a page older than a publish made through another.
//
// Plain JavaScript: Next loads it at run time, outside the bundle.
import { addEdgeKeys } from './edge-keys.mjs';
import { getSharedCacheStore } from './shared-cache-redis.mjs';
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

/**
 * The cache tags Next recorded on a stored page or route response, if any.
 * @param {unknown} data
 * @returns {string[]}
 */
export function storedTags(data) {
  if (!data || typeof data !== 'object') return [];
  const { kind, headers } = /** @type {{ kind?: unknown, headers?: Record<string, unknown> }} */ (data);
  if (kind !== 'APP_PAGE' && kind !== 'APP_ROUTE' && kind !== 'PAGES') return [];
  const header = headers?.['x-next-cache-tags'];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/**
 * Whether a stored full-route entry is older than the latest shared expiry of one of its tags.
 * @param {import('./shared-cache-redis.mjs').SharedCacheStore} store
 * @param {{ value?: unknown, lastModified?: number }} entry
 */
export async function isExpiredByTags(store, entry) {
  const tags = storedTags(entry.value);
  return tags.length > 0 && (await store.expiredAt(tags)) > (entry.lastModified ?? 0);
}

const sharedUrl = process.env.REDIS_URL;

export default class GazetteCacheHandler extends FileSystemCache {
  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    if (!sharedUrl) return;
    const list = typeof tags === 'string' ? [tags] : tags;
    await getSharedCacheStore(sharedUrl).expire(list, Date.now() + (durations?.expire ?? 0) * 1000);
  }

  /** @param {string} key @param {unknown} data @param {unknown} ctx */
  async set(key, data, ctx) {
    if (isErrorResponse(data)) return;
    addEdgeKeys(data);
    return super.set(key, data, ctx);
  }

  /** @param {string} key @param {unknown} ctx */
  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (sharedUrl && entry && typeof entry === 'object' && (await isExpiredByTags(getSharedCacheStore(sharedUrl), entry))) return null;
    // Entries written before the edge keys existed (or by a build) get them as they are read.
    if (entry && typeof entry === 'object') addEdgeKeys(/** @type {{ value?: unknown }} */ (entry).value);
    return entry;
  }
}
