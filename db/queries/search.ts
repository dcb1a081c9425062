import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { MARK_END, MARK_START } from '@/lib/search-query';
import { listArticleCardsByIds, type ArticleCard } from './articles';

// Full-text search over published articles (articles_fts, db/migrations/0001_search_index.sql).
// Not cached: every query is different, and the search page is dynamic anyway.
// `match` must come from lib/search-query.ts (buildMatchExpression), never from raw input.

export interface SearchHit {
  article: ArticleCard;
  // The title with MARK_START/MARK_END around matched words.
  title: string;
  // Text with MARK_START/MARK_END around matches (split into <mark> by the page).
  snippet: string;
}

export interface SearchResults {
  total: number;
  hits: SearchHit[];
  // The query could not run (should not happen with a built expression); the page says so.
  failed: boolean;
}

export interface SearchOptions {
  match: string;
  sectionSlug?: string | null;
  // Epoch ms, inclusive start / exclusive end.
  fromMs?: number | null;
  toMs?: number | null;
  limit: number;
  offset: number;
}

// Title matches weigh 10, dek 4, body 1: a story named for the words ranks above one that
// mentions them.
const RANK = sql.raw('bm25(articles_fts, 10.0, 4.0, 1.0)');

function snippetOf(column: number): SQL {
  return sql`snippet(articles_fts, ${sql.raw(String(column))}, ${MARK_START}, ${MARK_END}, '…', 28)`;
}

export async function searchArticles(options: SearchOptions): Promise<SearchResults> {
  const conditions: SQL[] = [
    sql`articles_fts MATCH ${options.match}`,
    sql`a.status = 'published'`,
    sql`a.deleted_at IS NULL`,
  ];
  if (options.sectionSlug) conditions.push(sql`s.slug = ${options.sectionSlug}`);
  if (options.fromMs != null) conditions.push(sql`a.published_at >= ${options.fromMs}`);
  if (options.toMs != null) conditions.push(sql`a.published_at < ${options.toMs}`);
  const where = sql.join(conditions, sql` AND `);
  const from = sql`articles_fts
    JOIN articles a ON a.id = articles_fts.rowid
    JOIN sections s ON s.id = a.section_id`;
  const db = getDb();
  try {
    const countRow = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
    const total = countRow?.n ?? 0;
    if (total === 0 || options.offset >= total) return { total, hits: [], failed: false };
    const rows = await db.all<{ id: number; title: string; dek: string; body: string }>(sql`
      SELECT a.id AS id, highlight(articles_fts, 0, ${MARK_START}, ${MARK_END}) AS title,
             ${snippetOf(1)} AS dek, ${snippetOf(2)} AS body
        FROM ${from}
       WHERE ${where}
       ORDER BY ${RANK}, a.published_at DESC
       LIMIT ${options.limit} OFFSET ${options.offset}`);
    const cards = await listArticleCardsByIds(rows.map((r) => r.id));
    const byId = new Map(cards.map((c) => [c.id, c]));
    const hits = rows.flatMap((row) => {
      const article = byId.get(row.id);
      if (!article) return [];
      // The body's matching passage when the body matched, else the dek (highlighted if it did).
      const snippet = row.body.includes(MARK_START) ? row.body : row.dek || article.dek;
      return [{ article, snippet, title: row.title || article.title }];
    });
    return { total, hits, failed: false };
  } catch (error) {
    console.error('search failed', error);
    return { total: 0, hits: [], failed: true };
  }
}
