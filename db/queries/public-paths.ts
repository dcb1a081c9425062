import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags, bylines, redirects, sections, tags } from '@/db/schema';
import { FRONT_PAGE_SIZE, NEWS_FEED_PAGE_SIZE, NEWS_FEED_SLUG } from '@/lib/seo/news-feed';
import { countPages, parsePageParam } from '@/lib/site/pagination';
import { classifyPublicPath } from '@/lib/site/public-routes.mjs';
import { decideLowercaseRedirect, redirectLookupKeys } from '@/lib/site/redirects';
import { decideWithdrawn } from '@/lib/articles/withdrawn';
import { CORRECTIONS_PAGE_SIZE } from '@/lib/articles/corrections';
import { isPublished } from './articles';
import { countCorrectionNotes } from './corrections';

// Does nothing on the site answer this address? Asked by the server in front of Next
// (gateway/admission.mjs) before it lets Next render, so a made-up address costs an indexed look-up
// and a stored 404 instead of a render. "False" means "maybe": Next decides. Not cached: each
// look-up is one indexed read, and a cache entry per made-up address would be the cost we are
// avoiding. A front's "?page=N" past its last page is missing too; the counts are the ones the
// fronts use (db/queries/listing.ts), read directly: those are 'use cache' functions, which Next
// refuses outside a request it is rendering, and this runs before Next sees the request.
// Counting a front's articles reads every row of the list (~40 ms for a section at 100,000
// articles): the counts are kept until the next change anywhere (forgetPublicPathCounts, called
// with every cache expiry) or a minute, whichever comes first.
const COUNT_TTL_MS = 60_000;
const MAX_COUNTS = 10_000;
const counts = new Map<string, { total: number; at: number }>();

async function countOnce(key: string, read: () => Promise<number>): Promise<number> {
  const now = Date.now();
  const known = counts.get(key);
  if (known && now - known.at < COUNT_TTL_MS) return known.total;
  const total = await read();
  if (counts.size >= MAX_COUNTS) counts.clear();
  counts.set(key, { total, at: now });
  return total;
}

/** Something public changed: front counts are read again. */
export function forgetPublicPathCounts(): void {
  counts.clear();
}

/**
 * `false` maybe (Next decides), `true` nothing answers it, `{ gone }` an article that readers
 * could read here once and no longer can (gateway/admission.mjs answers it 410).
 */
export type PublicPathAnswer = boolean | { gone: number };

export async function isMissingPublicPath(url: string): Promise<PublicPathAnswer> {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const page = queryAt === -1 ? null : new URLSearchParams(url.slice(queryAt + 1)).get('page');
  // "/corrections?page=N" past the last page, or not a page number (its route's notFound() would
  // otherwise be rendered each time, as Next's empty recovery shell).
  if (pathname === '/corrections' && page !== null) {
    const wanted = parsePageParam(page);
    if (wanted === null) return true;
    if (wanted === 1) return false;
    return wanted > countPages(await countOnce('corrections', countCorrectionNotes), CORRECTIONS_PAGE_SIZE);
  }
  const shape = classifyPublicPath(pathname);
  if (shape === 'next') return false;
  if (decideLowercaseRedirect(pathname)) return false;
  const db = getDb();
  const keys = redirectLookupKeys(pathname);
  const redirect = await db.select({ from: redirects.fromPath }).from(redirects).where(inArray(redirects.fromPath, keys)).limit(1);
  if (redirect.length > 0) return false;
  if (shape === 'missing') return true;
  // A front with "?page=": page 1 redirects, anything but a page number is a 404, and so is a
  // page past the last (app/(site)/_fronts/front.tsx).
  const paged = page !== null && shape.check !== 'article' && !pathname.endsWith('/rss.xml');
  const wanted = paged ? parsePageParam(page) : null;
  if (paged && wanted === null) return true;
  const pastTheEnd = (total: number, size: number) => wanted !== null && wanted > countPages(total, size);
  switch (shape.check) {
    case 'section': {
      const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, shape.section)).limit(1);
      if (!section) return true;
      if (wanted === null) return false;
      if (shape.section === NEWS_FEED_SLUG) {
        const total = await countOnce('feed', async () => {
          const [row] = await db.select({ n: count() }).from(articles).where(and(isPublished, eq(articles.kind, 'feed')));
          return row?.n ?? 0;
        });
        return pastTheEnd(total, NEWS_FEED_PAGE_SIZE);
      }
      const total = await countOnce(`section:${section.id}`, async () => {
        const [row] = await db.select({ n: count() }).from(articles).where(and(isPublished, eq(articles.sectionId, section.id)));
        return row?.n ?? 0;
      });
      return pastTheEnd(total, FRONT_PAGE_SIZE);
    }
    case 'tag': {
      const [tag] = await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, shape.slug)).limit(1);
      if (!tag) return true;
      if (wanted === null) return false;
      const total = await countOnce(`tag:${tag.id}`, async () => {
        const [row] = await db
          .select({ n: count() })
          .from(articleTags)
          .innerJoin(articles, eq(articles.id, articleTags.articleId))
          .where(and(isPublished, eq(articleTags.tagId, tag.id)));
        return row?.n ?? 0;
      });
      return pastTheEnd(total, FRONT_PAGE_SIZE);
    }
    case 'author': {
      const [byline] = await db.select({ id: bylines.id }).from(bylines).where(eq(bylines.slug, shape.slug)).limit(1);
      if (!byline) return true;
      if (wanted === null) return false;
      const total = await countOnce(`byline:${byline.id}`, async () => {
        const [row] = await db
          .select({ n: count() })
          .from(articleBylines)
          .innerJoin(articles, eq(articles.id, articleBylines.articleId))
          .where(and(isPublished, eq(articleBylines.bylineId, byline.id)));
        return row?.n ?? 0;
      });
      return pastTheEnd(total, FRONT_PAGE_SIZE);
    }
    case 'article': {
      const [row] = await db
        .select({ id: articles.id })
        .from(articles)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .where(and(eq(sections.slug, shape.section), eq(articles.slug, shape.slug), isPublished))
        .limit(1);
      if (row) return false;
      // Only for an address no live story answers: was it one once?
      const [was] = await db
        .select({ id: articles.id, status: articles.status, publishedAt: articles.publishedAt, deletedAt: articles.deletedAt })
        .from(articles)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .where(and(eq(sections.slug, shape.section), eq(articles.slug, shape.slug)))
        .limit(1);
      return was && decideWithdrawn(was) ? { gone: was.id } : true;
    }
  }
}
