import 'server-only';
import { inArray } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { redirects } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { applyRedirect, decideLowercaseRedirect, redirectLookupKeys } from '@/lib/site/redirects';

// Where an address that shows nothing now lives, or null. Uppercase paths fold to lowercase;
// otherwise the redirects table decides (the exact path first, then a moved section).
// Cached and tagged 'redirects', so a new redirect replaces a cached "none" at once.
export async function findRedirectTarget(path: string): Promise<string | null> {
  'use cache';
  cacheTag(cacheTags.redirects);
  cacheLife('max');
  const lower = decideLowercaseRedirect(path);
  if (lower) return lower;
  const keys = redirectLookupKeys(path);
  const rows = await getDb()
    .select({ from: redirects.fromPath, to: redirects.toPath })
    .from(redirects)
    .where(inArray(redirects.fromPath, keys));
  for (const key of keys) {
    const rule = rows.find((row) => row.from === key);
    const target = rule ? applyRedirect(path, rule) : null;
    if (target && target !== path) return target;
  }
  return null;
}
