// @ts-check
// The `'use cache'` handler when REDIS_URL is set (next.config.ts `cacheHandlers.default`): every
// instance reads and writes the same entries, and a tag expired through one instance
// (server/expire-tags.ts) makes the entries carrying it a miss on all of them on their next read.
// Without REDIS_URL, Next keeps its own in-memory handler. Decision 013.
//
// An entry is one Redis string: four bytes giving the length of a JSON header (tags, timestamp,
// stale, revalidate, expire), the header, then the value's bytes. It lives in Redis as long as the
// entry's `expire` allows (at most 30 days), so nothing outlives its use.
import { getSharedCacheStore } from './shared-cache-redis.mjs';

const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;

/** @typedef {import('./shared-cache-redis.mjs').SharedCacheStore} SharedCacheStore */
/** @typedef {import('next/cache').CacheEntry} CacheEntry */

/** @param {Uint8Array} bytes @returns {ReadableStream<Uint8Array>} */
const streamOf = (bytes) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

/** @param {CacheEntry} entry @param {Uint8Array} value */
export function encodeEntry(entry, value) {
  const { tags, timestamp, stale, revalidate, expire } = entry;
  const header = Buffer.from(JSON.stringify({ tags, timestamp, stale, revalidate, expire }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, value]);
}

/** @param {Buffer} stored @returns {CacheEntry | undefined} */
export function decodeEntry(stored) {
  if (stored.length < 4) return undefined;
  const headerEnd = 4 + stored.readUInt32BE(0);
  if (headerEnd > stored.length) return undefined;
  const header = JSON.parse(stored.subarray(4, headerEnd).toString('utf8'));
  const value = new Uint8Array(stored.subarray(headerEnd));
  return { ...header, value: streamOf(value) };
}

/** @param {number} expire seconds, possibly Infinity */
const ttlOf = (expire) => (Number.isFinite(expire) && expire > 0 ? Math.min(Math.ceil(expire), MAX_TTL_SECONDS) : MAX_TTL_SECONDS);

/**
 * @param {SharedCacheStore} store
 * @returns {import('next/cache').CacheHandler}
 */
export function createRedisUseCacheHandler(store) {
  const entryKey = (/** @type {string} */ cacheKey) => `${store.prefix}use-cache:${cacheKey}`;
  /** Entries this process is still writing: a read of the same key waits for them. */
  const writing = new Map();

  return {
    // Soft tags (the second argument) are checked by Next through getExpiration.
    /** @param {string} cacheKey */
    async get(cacheKey) {
      await writing.get(cacheKey);
      const stored = await store.attempt(() => store.bytes.get(entryKey(cacheKey)), null);
      if (!stored) return undefined;
      let entry;
      try {
        entry = decodeEntry(stored);
      } catch {
        return undefined;
      }
      if (!entry) return undefined;
      const expiredAt = await store.expiredAt(entry.tags);
      if (expiredAt > entry.timestamp) return undefined;
      return entry;
    },

    /** @param {string} cacheKey @param {Promise<CacheEntry>} pendingEntry */
    async set(cacheKey, pendingEntry) {
      const done = (async () => {
        try {
          const entry = await pendingEntry;
          // Read once, here: the stream belongs to the request that made it.
          const value = new Uint8Array(await new Response(entry.value).arrayBuffer());
          if (store.isDown) return;
          const expiredAt = await store.expiredAt(entry.tags);
          // Rendered from data a tag has since expired: keeping it would pin the old version.
          if (expiredAt > entry.timestamp) return;
          await store.attempt(() => store.client.set(entryKey(cacheKey), encodeEntry(entry, value), { EX: ttlOf(entry.expire) }), null);
        } catch {
          // An interrupted value is an incomplete page: dropped.
        }
      })();
      writing.set(cacheKey, done);
      await done;
      if (writing.get(cacheKey) === done) writing.delete(cacheKey);
    },

    // Tag expiry is read from Redis at every get and getExpiration, so there is nothing to sync.
    async refreshTags() {},

    /** @param {string[]} tags */
    async getExpiration(tags) {
      return store.expiredAt(tags);
    },

    /** @param {string[]} tags @param {{ expire?: number }} [durations] */
    async updateTags(tags, durations) {
      // Without durations (updateTag, revalidateTag with { expire: 0 }) the tags expire now; with a
      // profile they expire when its `expire` has passed.
      const at = Date.now() + (durations?.expire ?? 0) * 1000;
      await store.expire(tags, at);
    },
  };
}

const url = process.env.REDIS_URL;
// next.config.ts names this file only when REDIS_URL is set; tests import the factory.
export default url ? createRedisUseCacheHandler(getSharedCacheStore(url)) : undefined;
