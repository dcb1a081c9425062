import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSharedCacheStore } from '@/gateway/shared-cache-redis.mjs';
import { createTestRedis, type TestRedis } from '@/lib/testing/redis-server';
import { MAX_VIEWS_PER_ADDRESS_PER_HOUR, utcDay, ViewRecorder, type PageViewCount } from '@/platform/view-recorder';
import { createRedisViewLedger } from './view-ledger-redis';

// Two instances (two stores, two recorders) on one real Redis: a reader whose beacons reach both
// is counted once an hour, as one instance would count them.

const CHROME_READER = '203.0.113.7';
const HOUR = 3_600_000;
// Hours ahead of the clock: Redis drops a reader's hash when its hour ends, by the real clock.
const T0 = Math.floor(Date.now() / HOUR) * HOUR + 2 * HOUR + 5 * 60_000;

describe('page views shared through Redis', () => {
  let redis: TestRedis;
  let stores: ReturnType<typeof createSharedCacheStore>[] = [];
  const quiet = () => ({ error: vi.fn(), info: vi.fn() });

  beforeAll(async () => {
    redis = await createTestRedis();
    await redis.start();
    stores = [0, 1].map(() => createSharedCacheStore({ url: redis.url, prefix: 'views-test:', log: quiet(), onOtherExpiry: () => {} }));
    await vi.waitFor(() => expect(stores.every((store) => !store.isDown)).toBe(true), { timeout: 10_000 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.dispose();
  });

  const instance = (i: 0 | 1) => ({ recorder: new ViewRecorder(() => `own-salt-${i}`), ledger: createRedisViewLedger(stores[i]!) });
  const instances = () => [instance(0), instance(1)] as const;

  async function flushAll(list: readonly ReturnType<typeof instance>[]): Promise<PageViewCount[]> {
    const written: PageViewCount[] = [];
    for (const { recorder } of list) await recorder.flush((batch) => void written.push(...batch));
    return written;
  }

  it('counts a reader once an hour whichever instance each beacon reaches, and again the next hour', async () => {
    const [a, b] = instances();
    expect(await a.recorder.recordShared(11, CHROME_READER, a.ledger, T0)).toBe('counted');
    expect(await b.recorder.recordShared(11, CHROME_READER, b.ledger, T0 + 60_000)).toBe('duplicate');
    expect(await a.recorder.recordShared(11, CHROME_READER, a.ledger, T0 + 120_000)).toBe('duplicate');
    expect(await b.recorder.recordShared(12, CHROME_READER, b.ledger, T0 + 120_000)).toBe('counted');
    expect(await b.recorder.recordShared(11, '198.51.100.1', b.ledger, T0)).toBe('counted');
    expect(await a.recorder.recordShared(11, CHROME_READER, a.ledger, T0 + HOUR)).toBe('counted');
    const day = utcDay(T0);
    const nextHourDay = utcDay(T0 + HOUR);
    const written = await flushAll([a, b]);
    expect(written.reduce((sum, c) => sum + c.count, 0)).toBe(4);
    expect(written.filter((c) => c.articleId === 12)).toEqual([{ articleId: 12, day, count: 1 }]);
    expect(written.filter((c) => c.articleId === 11).reduce((sum, c) => sum + c.count, 0)).toBe(3);
    for (const count of written) expect([day, nextHourDay]).toContain(count.day);
  });

  it('holds one address to the hourly limit across instances', async () => {
    const [a, b] = instances();
    const reader = '192.0.2.44';
    for (let id = 1; id <= MAX_VIEWS_PER_ADDRESS_PER_HOUR; id++) {
      const { recorder, ledger } = id % 2 ? a : b;
      expect(await recorder.recordShared(100 + id, reader, ledger, T0)).toBe('counted');
    }
    expect(await a.recorder.recordShared(999, reader, a.ledger, T0)).toBe('limited');
    expect(await b.recorder.recordShared(998, reader, b.ledger, T0)).toBe('limited');
  });

  it('gives every instance the same salt for a day, a new one the next day, and stores no address', async () => {
    const [a, b] = instances();
    const today = await a.ledger.salt('2026-12-02');
    expect(today).toMatch(/^[0-9a-f]{64}$/);
    expect(await b.ledger.salt('2026-12-02')).toBe(today);
    expect(await b.ledger.salt('2026-12-03')).not.toBe(today);
    const keys = await stores[0]!.client.keys('views-test:*');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain(CHROME_READER);
  });

  it('lets the reader hash expire with its hour', async () => {
    const [a] = instances();
    await a.recorder.recordShared(7, '192.0.2.9', a.ledger, Date.now());
    const keys = await stores[0]!.client.keys(`views-test:views:${Math.floor(Date.now() / HOUR)}:*`);
    const ttls = await Promise.all(keys.map((key) => stores[0]!.client.pTTL(key)));
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(HOUR);
    }
  });

  it('counts on its own while Redis is down, and shares again when it is back', async () => {
    const [a, b] = instances();
    await redis.stop();
    await vi.waitFor(() => expect(stores.every((store) => store.isDown)).toBe(true), { timeout: 10_000 });
    expect(await a.recorder.recordShared(21, CHROME_READER, a.ledger, T0)).toBe('counted');
    expect(await a.recorder.recordShared(21, CHROME_READER, a.ledger, T0 + 1_000)).toBe('duplicate');
    // Each instance alone: the other one counts the reader too (the documented cost of an outage).
    expect(await b.recorder.recordShared(21, CHROME_READER, b.ledger, T0 + 2_000)).toBe('counted');
    await redis.start();
    await vi.waitFor(() => expect(stores.every((store) => !store.isDown)).toBe(true), { timeout: 15_000 });
    expect(await a.recorder.recordShared(22, CHROME_READER, a.ledger, T0)).toBe('counted');
    expect(await b.recorder.recordShared(22, CHROME_READER, b.ledger, T0)).toBe('duplicate');
  }, 60_000);
});
