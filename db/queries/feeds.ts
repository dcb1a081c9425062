import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { cacheTags } from '@/lib/site/cache-tags';
import { FEED_ITEM_LIMIT } from '@/lib/seo/feeds';
import {
  getPublishedArticle,
  listLatestArticles,
  listSectionArticles,
  type ArticleCard,
  type ArticlePage,
} from './articles';
import { listTagArticles } from './taxonomy';

export type FeedScope = { kind: 'site' } | { kind: 'section'; sectionId: number } | { kind: 'tag'; tagId: number };

// The newest articles of a feed, each as its page shows it (full body, media, bylines, tags),
// from the same cached reads the pages use (so tagged as they are: the list it is, the articles it
// shows); tagged for feeds too.
export async function listFeedArticles(scope: FeedScope): Promise<ArticlePage[]> {
  'use cache';
  cacheTag(cacheTags.feeds);
  cacheLife('max');
  let cards: ArticleCard[];
  if (scope.kind === 'section') cards = await listSectionArticles({ sectionId: scope.sectionId, limit: FEED_ITEM_LIMIT });
  else if (scope.kind === 'tag') cards = await listTagArticles({ tagId: scope.tagId, limit: FEED_ITEM_LIMIT });
  else cards = await listLatestArticles({ limit: FEED_ITEM_LIMIT });
  const pages = await Promise.all(
    cards.map((card) => getPublishedArticle(card.section.slug, card.url.split('/').at(-1) ?? '')),
  );
  return pages.filter((page): page is ArticlePage => page !== null);
}
