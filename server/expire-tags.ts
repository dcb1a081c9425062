import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { PAGE_CACHE_KEY } from '@/gateway/page-cache.mjs';
import { getSharedCacheStore } from '@/gateway/shared-cache-redis.mjs';
import { getEdgePurger } from '@/server/edge-purge';

// Every expiry of public content goes through here, so the page cache in front of Next
// (gateway/page-cache.mjs) is emptied with it, and the edge caches in front (GAZETTE_PURGE_URLS)
// purge the pages that carry these tags (server/edge-purge.ts), in the background. Nothing else
// calls revalidateTag or updateTag (eslint.config.mjs refuses it).

function dropPageCache(): void {
  (globalThis as { [PAGE_CACHE_KEY]?: { invalidate(): void } })[PAGE_CACHE_KEY]?.invalidate();
}

// Cluster mode (REDIS_URL): records the expiry for every instance before the change is answered.
// Next hands a route handler's expiries to the cache handler only after the response has gone
// (its waitUntil), so without this a client could read another instance before it knew. The
// cache handler's own write that follows keeps the same time (the later one wins).
async function shareExpiry(tags: string[]): Promise<void> {
  const url = process.env.REDIS_URL;
  if (url) await getSharedCacheStore(url).expire(tags, Date.now());
}

/**
 * Route handlers: expire what a save changed at once, so the next public request renders anew
 * (revalidateTag with a profile would serve one stale response first).
 */
export async function expireTags(tags: readonly string[]): Promise<void> {
  const unique = new Set(tags);
  if (unique.size === 0) return;
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  await shareExpiry([...unique]);
  dropPageCache();
  getEdgePurger()?.purge([...unique]);
}

/** Server actions: the same, with read-your-own-writes for the newsroom page that acted. */
export async function expireTagsInAction(tags: readonly string[]): Promise<void> {
  const unique = new Set(tags);
  if (unique.size === 0) return;
  for (const tag of unique) updateTag(tag);
  await shareExpiry([...unique]);
  dropPageCache();
  getEdgePurger()?.purge([...unique]);
}
