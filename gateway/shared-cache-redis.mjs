// @ts-check
// The Redis connection that several instances share Next's caches through, when REDIS_URL is set
// (docs/decisions/013-shared-next-caches-on-redis.md): the tags' expiry times (one hash, tag →
// expiredAt in ms) and the entries of `'use cache'` (gateway/redis-use-cache-handler.mjs). The
// full-route cache (gateway/next-cache-handler.mjs) reads and writes the same tag expiry.
//
// Redis is never in the way: commands fail at once while it is unreachable (no offline queue),
// callers turn a failure into a miss or a dropped write, and one line is logged per outage. A tag
// this process expires while Redis is unreachable is kept here and written when Redis is back, so
// the other instances still drop what was cached before it.
//
// Every expiry is also announced on a channel, and every other instance empties its page cache in
// front of Next (gateway/page-cache.mjs) when it hears one, or when Redis comes back after an outage
// in which it may have missed some.
//
// Plain JavaScript: Next loads the handlers that use it at run time, outside the bundle.
import { randomUUID } from 'node:crypto';
import { RESP_TYPES, createClient } from 'redis';
import { PAGE_CACHE_KEY } from './page-cache.mjs';

/** Where instrumentation-node.ts puts the server's logger (platform/logger.ts) for this module. */
export const SHARED_CACHE_LOGGER_KEY = Symbol.for('gazette.sharedCacheLogger');
const SHARED_STORE_KEY = Symbol.for('gazette.sharedCacheStore');

/** @typedef {{ error(obj: object, msg: string): void, info(obj: object, msg: string): void }} SharedCacheLog */

// Keeps the expiry no lower than it is: two instances expiring one tag at once keep the later time.
// In the same step the cluster's generation (KEYS[2]) goes up, so every instance's page cache can
// tell, on its next look-up, that something changed since it last looked.
const RAISE_EXPIRY = `for i = 1, #ARGV, 2 do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > current then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
return redis.call('INCR', KEYS[2])`;

/** @returns {SharedCacheLog} */
function serverLog() {
  const fallback = {
    /** @param {object} obj @param {string} msg */
    error: (obj, msg) => console.error(JSON.stringify({ level: 50, ...obj, msg })),
    /** @param {object} obj @param {string} msg */
    info: (obj, msg) => console.log(JSON.stringify({ level: 30, ...obj, msg })),
  };
  const find = () => /** @type {SharedCacheLog | undefined} */ (/** @type {any} */ (globalThis)[SHARED_CACHE_LOGGER_KEY]) ?? fallback;
  // Looked up at each line: the handlers load before instrumentation registers the logger.
  return { error: (obj, msg) => find().error(obj, msg), info: (obj, msg) => find().info(obj, msg) };
}

/**
 * @param {unknown} error
 * @returns {string}
 */
const describe = (error) => (error instanceof Error ? error.message : String(error));

const dropPageCache = () => /** @type {{ invalidate(): void } | undefined} */ (/** @type {any} */ (globalThis)[PAGE_CACHE_KEY])?.invalidate();

/**
 * One connection and the shared tag expiry. Tests make one per simulated process; the server uses
 * `getSharedCacheStore` (one per process). `onOtherExpiry` runs when another instance expired tags.
 * @param {{ url: string, prefix?: string, log?: SharedCacheLog, onOtherExpiry?: () => void }} options
 */
export function createSharedCacheStore({ url, prefix = 'gazette:', log = serverLog(), onOtherExpiry = dropPageCache }) {
  const tagsKey = `${prefix}tag-expiry`;
  const generationKey = `${prefix}generation`;
  const channel = `${prefix}tags-expired`;
  const self = randomUUID();
  /** Tags expired here while Redis was unreachable: tag → expiredAt (ms). */
  const unsent = new Map();
  let down = false;
  let closed = false;

  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Keep trying, at most every 2 s, for as long as the process lives.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** Math.min(retries, 5), 2_000),
    },
  });
  const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });

  /** @param {unknown} error */
  const markDown = (error) => {
    if (down || closed) return;
    down = true;
    log.error({ err: describe(error), url: redacted(url) }, 'shared cache: Redis unreachable, serving without it');
  };
  client.on('error', markDown);
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ url: redacted(url), unsentTags: unsent.size }, 'shared cache: Redis is back');
    onOtherExpiry();
    void flushUnsent();
  });
  client.connect().catch(markDown);

  // Subscribing takes a connection of its own; its failures are the outage the client logs.
  const subscriber = client.duplicate();
  subscriber.on('error', () => {});
  subscriber
    .connect()
    .then(() => subscriber.subscribe(channel, (sender) => sender !== self && onOtherExpiry()))
    .catch(() => {});

  const flushUnsent = async () => {
    if (unsent.size === 0) return;
    const batch = [...unsent];
    try {
      await client.eval(RAISE_EXPIRY, { keys: [tagsKey, generationKey], arguments: batch.flatMap(([tag, at]) => [tag, String(at)]) });
      for (const [tag, at] of batch) if (unsent.get(tag) === at) unsent.delete(tag);
      await client.publish(channel, self);
    } catch (error) {
      markDown(error);
    }
  };

  /**
   * Runs a command; a failure (Redis unreachable, or any error) is logged once per outage and
   * answered with `fallback`.
   * @template T
   * @param {() => Promise<T>} command
   * @param {T} fallback
   * @returns {Promise<T>}
   */
  const attempt = async (command, fallback) => {
    if (closed || !client.isReady) {
      markDown(new Error('not connected'));
      return fallback;
    }
    try {
      if (unsent.size > 0) await flushUnsent();
      return await command();
    } catch (error) {
      markDown(error);
      return fallback;
    }
  };

  return {
    client,
    bytes,
    prefix,
    attempt,
    get isDown() {
      return down || !client.isReady;
    },
    /**
     * The latest time (ms, not in the future) at which one of these tags expired, 0 if never.
     * Tags expired here while Redis was unreachable count too.
     * @param {readonly string[]} tags
     * @returns {Promise<number>}
     */
    async expiredAt(tags) {
      if (tags.length === 0) return 0;
      const now = Date.now();
      const stored = await attempt(() => client.hmGet(tagsKey, [...tags]), /** @type {(string | null)[]} */ ([]));
      let latest = 0;
      for (const [index, tag] of tags.entries()) {
        for (const at of [Number(stored[index] ?? 0), unsent.get(tag) ?? 0]) {
          if (at <= now && at > latest) latest = at;
        }
      }
      return latest;
    },
    /**
     * Records that these tags expire at `at` (ms) for every instance.
     * @param {readonly string[]} tags
     * @param {number} at
     */
    async expire(tags, at) {
      if (tags.length === 0) return;
      for (const tag of tags) unsent.set(tag, Math.max(unsent.get(tag) ?? 0, at));
      await attempt(() => flushUnsent(), undefined);
    },
    /**
     * How many expiries the cluster has seen (any instance), or null while Redis cannot answer.
     * @returns {Promise<number | null>}
     */
    async generation() {
      const value = await attempt(() => client.get(generationKey), /** @type {string | null | undefined} */ (undefined));
      return value === undefined ? null : Number(value ?? 0);
    },
    async close() {
      closed = true;
      for (const connection of [subscriber, client]) {
        if (connection.isReady) await connection.close().catch(() => connection.destroy());
        else if (connection.isOpen) connection.destroy();
      }
    },
  };
}

/** @typedef {ReturnType<typeof createSharedCacheStore>} SharedCacheStore */

/**
 * This process's store, one per URL however many times Next loads the handler modules.
 * @param {string} url
 * @returns {SharedCacheStore}
 */
export function getSharedCacheStore(url) {
  const registry = /** @type {any} */ (globalThis);
  /** @type {Map<string, SharedCacheStore>} */
  const stores = (registry[SHARED_STORE_KEY] ??= new Map());
  let store = stores.get(url);
  if (!store) {
    store = createSharedCacheStore({ url });
    stores.set(url, store);
  }
  return store;
}

/** @param {string} url */
function redacted(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'redacted';
    return parsed.toString();
  } catch {
    return 'redis';
  }
}
