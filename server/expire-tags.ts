import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { PAGE_CACHE_KEY } from '@/gateway/page-cache.mjs';
import { getEdgePurger } from '@/server/edge-purge';

// Every expiry of public content goes through here, so the page cache in front of Next
// (gateway/page-cache.mjs) is emptied with it, and the edge caches in front (GAZETTE_PURGE_URLS)
// purge the pages that carry these tags (server/edge-purge.ts), in the background. Nothing else
// calls revalidateTag or updateTag (eslint.config.mjs refuses it).

function dropPageCache(): void {
  (globalThis as { [PAGE_CACHE_KEY]?: { invalidate(): void } })[PAGE_CACHE_KEY]?.invalidate();
}

/**
 * Route handlers: expire what a save changed at once, so the next public request renders anew
 * (revalidateTag with a profile would serve one stale response first).
 */
export function expireTags(tags: readonly string[]): void {
  const unique = new Set(tags);
  if (unique.size === 0) return;
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  dropPageCache();
  getEdgePurger()?.purge([...unique]);
}

/** Server actions: the same, with read-your-own-writes for the newsroom page that acted. */
export function expireTagsInAction(tags: readonly string[]): void {
  const unique = new Set(tags);
  if (unique.size === 0) return;
  for (const tag of unique) updateTag(tag);
  dropPageCache();
  getEdgePurger()?.purge([...unique]);
}
