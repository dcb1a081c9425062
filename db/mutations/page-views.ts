import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import type { PageViewCount } from '@/platform/view-recorder';
import type { Done } from './common';

// Adds buffered view counts to page_views in one transaction. Counts for an article that is
// not (or no longer) published are dropped inside the statement, so one stale id can never
// fail the batch. Invalidates nothing itself: Most Popular (cacheTags.popular) refreshes on
// its own cache life; the test hook revalidates the tag after a flush.
//
// Synchronous underneath (better-sqlite3): the work is done before the returned promise
// settles, which lets the shutdown handler flush from a process 'exit' listener.
export async function addPageViews(counts: PageViewCount[], db: DB = getDb()): Promise<Done> {
  if (counts.length === 0) return { ok: true, invalidates: [] };
  db.transaction((tx) => {
    for (const { articleId, day, count } of counts) {
      tx.run(sql`
        INSERT INTO page_views (article_id, day, count)
        SELECT ${articleId}, ${day}, ${count}
         WHERE EXISTS (SELECT 1 FROM articles
                        WHERE id = ${articleId} AND status = 'published' AND deleted_at IS NULL)
        ON CONFLICT (article_id, day) DO UPDATE SET count = count + excluded.count`);
    }
  });
  return { ok: true, invalidates: [] };
}
