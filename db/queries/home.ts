import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { curation } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { decideBreaking, decideFrontStories, TOP_STORY_SLOTS, type BreakingBanner } from '@/lib/site/home';
import { listArticleCardsByIds, listLatestArticles, type ArticleCard } from './articles';
import { getSiteSettings } from './site';

export interface HomeFront {
  lead: ArticleCard | null;
  top: ArticleCard[];
}

// The lead and top stories as the desk curated them, empty slots filled with the latest.
export async function getHomeFront(): Promise<HomeFront> {
  'use cache';
  cacheTag(cacheTags.curation);
  cacheLife('max');
  const rows = await getDb()
    .select({ slot: curation.slot, position: curation.position, articleId: curation.articleId })
    .from(curation)
    .where(inArray(curation.slot, ['lead', 'top']))
    .orderBy(asc(curation.slot), asc(curation.position));
  // Unpublished or deleted curated stories drop out here (cards are published only).
  const cards = await listArticleCardsByIds(rows.map((r) => r.articleId));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const leadRow = rows.find((r) => r.slot === 'lead');
  const top: (ArticleCard | null)[] = Array.from({ length: TOP_STORY_SLOTS }, () => null);
  for (const row of rows) {
    if (row.slot === 'top' && row.position >= 0 && row.position < TOP_STORY_SLOTS) {
      top[row.position] = byId.get(row.articleId) ?? null;
    }
  }
  const latest = await listLatestArticles({ limit: TOP_STORY_SLOTS + 2, excludeKind: 'feed' });
  return decideFrontStories(leadRow ? (byId.get(leadRow.articleId) ?? null) : null, top, latest);
}

// The breaking-news banner, if set and not expired. Cached until it expires (at least the five
// minutes Next.js needs to keep the page static), so the banner leaves the front on its own.
export async function getActiveBreaking(): Promise<BreakingBanner | null> {
  'use cache';
  cacheTag(cacheTags.settings);
  const { breaking } = await getSiteSettings();
  const now = new Date();
  const active = decideBreaking(breaking, now);
  if (active?.expiresAt) {
    const seconds = Math.max(300, Math.ceil((Date.parse(active.expiresAt) - now.getTime()) / 1000));
    cacheLife({ stale: 60, revalidate: seconds, expire: seconds + 60 });
  } else {
    cacheLife('max');
  }
  return active;
}
