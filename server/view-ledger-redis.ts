import { randomBytes } from 'node:crypto';
import type { SharedViewLedger } from '@/platform/view-recorder';

// The page-view ledger every instance shares when REDIS_URL is set (platform/view-recorder.ts says
// what it promises). In Redis, on the connection the shared caches use
// (gateway/shared-cache-redis.mjs), under its prefix:
//   - `views:salt:<day>`: the day's random salt, written once by whichever instance asks first
//     and gone two days later;
//   - `views:<hour>:<reader>`: one small hash per reader and clock hour, a field per article
//     counted, gone when the hour ends. Memory is bounded by the readers of one hour: 30 fields
//     at most, ~100–300 bytes a reader.
// A failed command answers null (the store logs the outage once); the recorder then counts alone.

interface RedisStore {
  prefix: string;
  client: {
    set(key: string, value: string, options: { NX: true; EX: number }): Promise<unknown>;
    get(key: string): Promise<string | null>;
    eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  };
  attempt<T>(command: () => Promise<T>, fallback: T): Promise<T>;
}

const HOUR_MS = 3_600_000;
const SALT_SECONDS = 2 * 86_400;

// 0 duplicate, 1 limited, 2 counted; the hash lives until the end of the hour (ARGV[3], ms).
const CLAIM = `if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
local n = redis.call('HLEN', KEYS[1])
if n >= tonumber(ARGV[2]) then return 1 end
redis.call('HSET', KEYS[1], ARGV[1], 1)
if n == 0 then redis.call('PEXPIREAT', KEYS[1], ARGV[3]) end
return 2`;

const OUTCOME = ['duplicate', 'limited', 'counted'] as const;

export function createRedisViewLedger(store: RedisStore, newSalt = () => randomBytes(32).toString('hex')): SharedViewLedger {
  // The salt is asked once a day per instance; the last one answered is kept here.
  let known: { day: string; salt: string } | null = null;
  return {
    async salt(day) {
      if (known?.day === day) return known.salt;
      const key = `${store.prefix}views:salt:${day}`;
      const salt = await store.attempt(async () => {
        await store.client.set(key, newSalt(), { NX: true, EX: SALT_SECONDS });
        return store.client.get(key);
      }, null);
      if (salt) known = { day, salt };
      return salt;
    },
    async claim(hour, reader, articleId, maxPerReader) {
      const answer = await store.attempt(
        () =>
          store.client.eval(CLAIM, {
            keys: [`${store.prefix}views:${hour}:${reader}`],
            arguments: [String(articleId), String(maxPerReader), String((hour + 1) * HOUR_MS)],
          }),
        null,
      );
      return typeof answer === 'number' ? (OUTCOME[answer] ?? null) : null;
    },
  };
}
