import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { cacheTags } from '@/lib/site/cache-tags';
import { MARK_END, MARK_START } from '@/lib/site/search-query';
import { listArticleCardsByIds, type ArticleCard } from './articles';

// Full-text search over published articles (articles_fts, db/migrations/0001_search_index.sql).
// Results are cached per query for a minute; the page around them renders per request.
// `match` must come from lib/site/search-query.ts (buildMatchExpression), never from raw input.

export interface SearchHit {
  // Only what a result shows: the cached results are decoded on every request.
  article: Pick<ArticleCard, 'id' | 'url' | 'section' | 'publishedAt'>;
  // The title with MARK_START/MARK_END around matched words.
  title: string;
  // Text with MARK_START/MARK_END around matches (split into <mark> by the page).
  snippet: string;
}

export interface SearchResults {
  // Matching published articles, counted up to COUNT_CAP; `capped` when there are more.
  total: number;
  capped: boolean;
  hits: SearchHit[];
  // The query could not run (should not happen with a built expression); the page says so.
  failed: boolean;
}

export interface SearchOptions {
  match: string;
  // Marks the shown results (buildHighlightExpression); defaults to `match`.
  highlight?: string | null;
  sectionSlug?: string | null;
  // Epoch ms, inclusive start / exclusive end.
  fromMs?: number | null;
  toMs?: number | null;
  limit: number;
  offset: number;
}

// How far the count goes: "more than 1,000 results" is as useful to a reader as the exact
// number, and counting 60,000 matches means reading 60,000 article rows.
export const COUNT_CAP = 1000;

// Ranking reads bm25 for each candidate, so it runs over the newest 1,000 matches only: a news search
// weighs recency anyway, and this keeps a common word at 100,000 articles in milliseconds.
// Section or date filters widen the window, since they discard candidates.
const RANK_WINDOW = 1000;
const FILTERED_RANK_WINDOW = 10000;

// Title matches weigh 10, dek 4, body 1: a story named for the words ranks above one that
// mentions them.
const RANK = sql.raw('bm25(articles_fts, 10.0, 4.0, 1.0)');

function snippetOf(column: number): SQL {
  return sql`snippet(articles_fts, ${sql.raw(String(column))}, ${MARK_START}, ${MARK_END}, '…', 28)`;
}

export async function searchArticles(options: SearchOptions): Promise<SearchResults> {
  // Cached per query for a minute: a trending word or a reader paging back and forth asks the
  // same thing again and again. Any publish or unpublish ('latest') starts afresh, an edit to a
  // story found (its card's tag) too.
  'use cache';
  cacheTag(cacheTags.latest);
  cacheLife({ stale: 60, revalidate: 60, expire: 300 });
  const filters: SQL[] = [sql`a.status = 'published'`, sql`a.deleted_at IS NULL`];
  if (options.sectionSlug) filters.push(sql`s.slug = ${options.sectionSlug}`);
  if (options.fromMs != null) filters.push(sql`a.published_at >= ${options.fromMs}`);
  if (options.toMs != null) filters.push(sql`a.published_at < ${options.toMs}`);
  const where = sql.join(filters, sql` AND `);
  const filtered = filters.length > 2;
  const db = getDb();
  try {
    const countRow = await db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM (
        SELECT 1 FROM articles_fts
          JOIN articles a INDEXED BY articles_live_id_idx ON a.id = articles_fts.rowid
          JOIN sections s ON s.id = a.section_id
         WHERE articles_fts MATCH ${options.match} AND ${where}
         LIMIT ${COUNT_CAP + 1})`);
    const counted = countRow?.n ?? 0;
    const total = Math.min(counted, COUNT_CAP);
    const capped = counted > COUNT_CAP;
    if (total === 0 || options.offset >= total) return { total, capped, hits: [], failed: false };

    // 1. The page of ids: candidates scored by bm25 among the newest matches, then filtered.
    const window = Math.max(filtered ? FILTERED_RANK_WINDOW : RANK_WINDOW, options.offset + options.limit);
    const ranked = await db.all<{ id: number }>(sql`
      WITH candidates AS (
        SELECT rowid AS id, ${RANK} AS score FROM articles_fts
         WHERE articles_fts MATCH ${options.match}
         ORDER BY rowid DESC LIMIT ${window})
      SELECT a.id AS id FROM candidates c
        JOIN articles a INDEXED BY articles_live_id_idx ON a.id = c.id
        JOIN sections s ON s.id = a.section_id
       WHERE ${where}
       ORDER BY c.score, a.published_at DESC
       LIMIT ${options.limit} OFFSET ${options.offset}`);
    if (ranked.length === 0) return { total, capped, hits: [], failed: false };

    // 2. Highlights and snippets for that page only, a row at a time (FTS5 looks a rowid up
    // directly only for `rowid = `, and needs it as an integer: CAST).
    const highlight = options.highlight || options.match;
    const marked = (
      await Promise.all(
        ranked.map(({ id }) =>
          db.get<{ id: number; title: string; dek: string; body: string }>(sql`
            SELECT rowid AS id, highlight(articles_fts, 0, ${MARK_START}, ${MARK_END}) AS title,
                   ${snippetOf(1)} AS dek, ${snippetOf(2)} AS body
              FROM articles_fts
             WHERE articles_fts MATCH ${highlight} AND rowid = CAST(${id} AS INTEGER)`),
        ),
      )
    ).filter((row): row is { id: number; title: string; dek: string; body: string } => row !== undefined);
    const markedById = new Map(marked.map((m) => [m.id, m]));
    const cards = await listArticleCardsByIds(ranked.map((r) => r.id));
    const byId = new Map(cards.map((c) => [c.id, c]));
    const hits = ranked.flatMap(({ id }) => {
      const article = byId.get(id);
      if (!article) return [];
      const row = markedById.get(id);
      // The body's matching passage when the body matched, else the dek (highlighted if it did).
      const snippet = row?.body.includes(MARK_START) ? row.body : row?.dek || article.dek;
      const { url, section, publishedAt } = article;
      return [{ article: { id, url, section, publishedAt }, snippet, title: row?.title || article.title }];
    });
    return { total, capped, hits, failed: false };
  } catch (error) {
    console.error('search failed', error);
    return { total: 0, capped: false, hits: [], failed: true };
  }
}
