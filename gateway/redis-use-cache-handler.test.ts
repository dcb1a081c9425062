import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestRedis, type TestRedis } from '../lib/testing/redis-server';
import { isExpiredByTags } from './next-cache-handler.mjs';
import { createRedisUseCacheHandler, decodeEntry, encodeEntry } from './redis-use-cache-handler.mjs';
import { createSharedCacheStore } from './shared-cache-redis.mjs';

// A real redis-server (lib/testing/redis-server.ts), and two stores against it as two server
// processes would have.
let redis: TestRedis;
const startRedis = () => redis.start();
const stopRedis = () => redis.stop();

const quietLog = () => ({ error: vi.fn(), info: vi.fn() });
const heard = [vi.fn(), vi.fn()] as const;

function entryOf(text: string, tags: string[]) {
  const bytes = new TextEncoder().encode(text);
  return {
    value: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
    tags,
    stale: 30,
    // Rendered a moment ago, so an expiry made by the test is always later.
    timestamp: Date.now() - 1_000,
    expire: 3_600,
    revalidate: 900,
  };
}

const textOf = async (entry: { value: ReadableStream<Uint8Array> } | undefined) => (entry ? new Response(entry.value).text() : undefined);

describe('the shared use-cache handler on a real Redis', () => {
  const logA = quietLog();
  const logB = quietLog();
  let stores: ReturnType<typeof createSharedCacheStore>[] = [];
  let a: ReturnType<typeof createRedisUseCacheHandler>;
  let b: ReturnType<typeof createRedisUseCacheHandler>;

  beforeAll(async () => {
    redis = await createTestRedis();
    await startRedis();
    const { url } = redis;
    stores = [createSharedCacheStore({ url, log: logA, onOtherExpiry: heard[0] }), createSharedCacheStore({ url, log: logB, onOtherExpiry: heard[1] })];
    await vi.waitFor(() => expect(stores.every((store) => !store.isDown)).toBe(true), { timeout: 10_000 });
    [a, b] = stores.map(createRedisUseCacheHandler) as [typeof a, typeof b];
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.dispose();
  });

  it('serves what one instance stored to the other, bytes and timings intact', async () => {
    const stored = entryOf('<p>front page</p>', ['article-lists', 'section:3']);
    const { timestamp } = stored;
    await a.set('front', Promise.resolve(stored));
    const read = await b.get('front', []);
    expect(read).toMatchObject({ tags: ['article-lists', 'section:3'], timestamp, stale: 30, expire: 3_600, revalidate: 900 });
    expect(await textOf(read)).toBe('<p>front page</p>');
    expect(await b.get('never-stored', [])).toBeUndefined();
  });

  it('makes an entry a miss on every instance once one of them expires its tag', async () => {
    await a.set('article', Promise.resolve(entryOf('<h1>Old headline</h1>', ['article:12'])));
    await b.set('other', Promise.resolve(entryOf('<p>unrelated</p>', ['article:13'])));
    expect(await textOf(await b.get('article', []))).toBe('<h1>Old headline</h1>');

    await a.updateTags(['article:12']);

    expect(await b.get('article', [])).toBeUndefined();
    expect(await a.get('article', [])).toBeUndefined();
    expect(await textOf(await b.get('other', []))).toBe('<p>unrelated</p>');
    expect(await b.getExpiration(['article:12', 'never-expired'])).toBeGreaterThan(0);
    expect(await b.getExpiration(['never-expired'])).toBe(0);
  });

  it("tells the other instances to empty their page caches, and not the one that expired", async () => {
    heard[0].mockClear();
    heard[1].mockClear();
    await a.updateTags(['article:14']);
    await vi.waitFor(() => expect(heard[1]).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    expect(heard[0]).not.toHaveBeenCalled();
  });

  it('moves the cluster generation with every expiry, in the step that expires the tags', async () => {
    const before = await stores[1]!.generation();
    expect(before).not.toBeNull();
    await a.updateTags(['article:15', 'latest']);
    // No waiting: B reads the new generation as soon as A's expiry is acknowledged.
    expect(await stores[1]!.generation()).toBe(before! + 1);
    expect(await stores[0]!.generation()).toBe(before! + 1);
  });

  it("makes another instance's stored page a miss once a tag on it expired through one instance", async () => {
    const page = (tags: string) => ({ lastModified: Date.now() - 1_000, value: { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': tags } } });
    expect(await isExpiredByTags(stores[1]!, page('_N_T_/layout,article:30'))).toBe(false);
    await a.updateTags(['article:30']);
    expect(await isExpiredByTags(stores[1]!, page('_N_T_/layout,article:30'))).toBe(true);
    expect(await isExpiredByTags(stores[1]!, page('_N_T_/layout,article:31'))).toBe(false);
    expect(await isExpiredByTags(stores[1]!, { lastModified: Date.now() + 1_000, value: page('article:30').value })).toBe(false);
    expect(await isExpiredByTags(stores[1]!, { lastModified: 0, value: { kind: 'IMAGE' } })).toBe(false);
  });

  it('misses without throwing while Redis is down, logs once, and lets an expiry made meanwhile win when it is back', async () => {
    await a.set('during', Promise.resolve(entryOf('<p>before the outage</p>', ['article:20'])));
    await a.set('kept', Promise.resolve(entryOf('<p>untouched</p>', ['article:21'])));
    expect(await textOf(await b.get('during', []))).toBe('<p>before the outage</p>');
    heard[1].mockClear();

    await stopRedis();
    await vi.waitFor(() => expect(stores.every((store) => store.isDown)).toBe(true), { timeout: 10_000 });

    expect(await b.get('during', [])).toBeUndefined();
    expect(await a.get('kept', [])).toBeUndefined();
    await expect(a.set('dropped', Promise.resolve(entryOf('<p>nowhere</p>', ['article:22'])))).resolves.toBeUndefined();
    await expect(a.updateTags(['article:20'])).resolves.toBeUndefined();
    expect(await a.getExpiration(['article:20'])).toBeGreaterThan(0);
    expect(logA.error).toHaveBeenCalledTimes(1);
    expect(logB.error).toHaveBeenCalledTimes(1);

    await startRedis();
    await vi.waitFor(() => expect(stores.every((store) => !store.isDown)).toBe(true), { timeout: 20_000 });
    await vi.waitFor(async () => expect(await b.getExpiration(['article:20'])).toBeGreaterThan(0), { timeout: 10_000 });

    expect(await b.get('during', [])).toBeUndefined();
    expect(await textOf(await b.get('kept', []))).toBe('<p>untouched</p>');
    expect(await b.get('dropped', [])).toBeUndefined();
    expect(logA.info).toHaveBeenCalledTimes(1);
    expect(logA.error).toHaveBeenCalledTimes(1);
    // Page caches are emptied on reconnecting: an announcement may have been missed.
    expect(heard[1]).toHaveBeenCalled();
  }, 60_000);
});

describe('the stored form of an entry', () => {
  it('round-trips the header and the exact bytes', async () => {
    const entry = entryOf('x', ['t']);
    const value = new Uint8Array([0, 255, 10, 13]);
    const decoded = decodeEntry(encodeEntry(entry, value));
    expect(decoded).toMatchObject({ tags: ['t'], timestamp: entry.timestamp, expire: 3_600 });
    expect(new Uint8Array(await new Response(decoded!.value).arrayBuffer())).toEqual(value);
    expect(decodeEntry(Buffer.from([0, 0, 0, 99, 1]))).toBeUndefined();
  });
});
