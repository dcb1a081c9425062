import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { cacheTags } from '@/lib/site/cache-tags';
import { buildHighlightExpression, buildMatchExpression, MARK_END, MARK_START, type ParsedSearch } from '@/lib/site/search-query';
import { applyCorrections, decideCorrection, foldWord, spellingNeighbours, spellingWords } from '@/lib/site/spelling';
import { listArticleCardsByIds, type ArticleCard } from './articles';

// Full-text search over published articles (articles_fts, db/migrations/0001_search_index.sql).
// Results are cached per query for a minute; the page around them renders per request.
// `match` must come from lib/site/search-query.ts (buildMatchExpression), never from raw input.

export interface SearchHit {
  // Only what a result shows: the cached results are decoded on every request.
  article: Pick<ArticleCard, 'id' | 'url' | 'section' | 'publishedAt'> & { bylines: string[] };
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
  // Relevance (bm25 over the newest matches) by default; newest first on request.
  sort?: 'relevance' | 'newest';
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

// Title matches weigh 10, dek 4, body 1, bylines and tags 5: a story named for the words ranks
// above one that mentions them, and a reporter's or a topic's name counts like a dek.
const RANK = sql.raw('bm25(articles_fts, 10.0, 4.0, 1.0, 5.0, 5.0)');

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

    // 1. The page of ids: candidates among the newest matches (all of them when there are fewer
    // than the window), filtered, then scored by bm25 or ordered by publication.
    const window = Math.max(filtered ? FILTERED_RANK_WINDOW : RANK_WINDOW, options.offset + options.limit);
    const newest = options.sort === 'newest';
    const ranked = await db.all<{ id: number }>(sql`
      WITH candidates AS (
        SELECT rowid AS id${newest ? sql`` : sql`, ${RANK} AS score`} FROM articles_fts
         WHERE articles_fts MATCH ${options.match}
         ORDER BY rowid DESC LIMIT ${window})
      SELECT a.id AS id FROM candidates c
        JOIN articles a INDEXED BY articles_live_id_idx ON a.id = c.id
        JOIN sections s ON s.id = a.section_id
       WHERE ${where}
       ORDER BY ${newest ? sql`a.published_at DESC, a.id DESC` : sql`c.score, a.published_at DESC`}
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
      const bylines = article.bylines.map((b) => b.name);
      return [{ article: { id, url, section, publishedAt, bylines }, snippet, title: row?.title || article.title }];
    });
    return { total, capped, hits, failed: false };
  } catch (error) {
    console.error('search failed', error);
    return { total: 0, capped: false, hits: [], failed: true };
  }
}

// Spelling, from the corpus: how many articles hold each word, read from articles_words_vocab
// (the unstemmed index's vocabulary, db/migrations/0013_search_people_tags.sql). Given the words a
// reader typed (lib/site/spelling.ts spellingWords), returns the better spelling of each word that
// has one, keyed by the folded word. `typing` is the last word when it also matches as a prefix:
// a word the corpus continues ("harb" → "harbour") is being typed, not misspelt.
// The vocabulary counts unpublished articles too: the caller shows a correction only when the
// corrected query finds published ones, so a word only a draft holds is never suggested.
export async function suggestSpelling(words: string[], typing: string | null): Promise<Record<string, string>> {
  'use cache';
  cacheTag(cacheTags.latest);
  cacheLife({ stale: 60, revalidate: 60, expire: 300 });
  if (words.length === 0) return {};
  const db = getDb();
  const counts = async (terms: string[]) =>
    new Map(
      (
        await db.all<{ term: string; doc: number }>(sql`
          SELECT v.term AS term, v.doc AS doc FROM json_each(${JSON.stringify(terms)}) j
            JOIN articles_words_vocab v ON v.term = j.value`)
      ).map((row) => [row.term, row.doc]),
    );
  try {
    const own = await counts(words);
    const corrections: Record<string, string> = {};
    const typingWord = typing === null ? null : foldWord(typing);
    for (const word of words) {
      const docs = own.get(word) ?? 0;
      if (docs === 0 && word === typingWord) {
        const continued = await db.get<{ one: number }>(sql`
          SELECT 1 AS one FROM articles_words_vocab WHERE term > ${word} AND term < ${`${word}\u{10FFFF}`} LIMIT 1`);
        if (continued) continue;
      }
      const neighbours = spellingNeighbours(word);
      const found = await counts(neighbours);
      const better = decideCorrection(
        docs,
        [...found].map(([term, n]) => ({ term, docs: n })),
      );
      if (better) corrections[word] = better;
    }
    return corrections;
  } catch (error) {
    console.error('spelling suggestions failed', error);
    return {};
  }
}

// Fewer results than this and the corpus is asked for a better spelling.
export const FEW_RESULTS = 3;

export interface SpelledSearch {
  results: SearchResults;
  // Set when the results are for a corrected query because the typed one found nothing
  // ("Showing results for …").
  showing: ParsedSearch | null;
  // A corrected query that finds more, offered as a link when the typed one found a few.
  didYouMean: ParsedSearch | null;
}

// The search page's one call: the reader's query, and when it finds fewer than FEW_RESULTS, the
// same query with corrected spelling — shown instead when the typed one found nothing, offered
// when it found a few. Only a correction that finds more published stories is used. `exact`: the
// reader asked for the words as typed.
export async function searchWithSpelling(
  parsed: ParsedSearch,
  options: Omit<SearchOptions, 'match' | 'highlight'>,
  exact = false,
): Promise<SpelledSearch | null> {
  const match = buildMatchExpression(parsed);
  if (!match) return null;
  const results = await searchArticles({ ...options, match, highlight: buildHighlightExpression(parsed) });
  if (results.failed || exact || results.total >= FEW_RESULTS) return { results, showing: null, didYouMean: null };
  const last = parsed.terms.at(-1);
  const corrected = applyCorrections(
    parsed,
    await suggestSpelling(spellingWords(parsed), parsed.prefixLast && last ? last.words[0]! : null),
  );
  if (!corrected) return { results, showing: null, didYouMean: null };
  const none = results.total === 0;
  const alternative = await searchArticles({
    ...options,
    match: buildMatchExpression(corrected)!,
    highlight: buildHighlightExpression(corrected),
    ...(none ? {} : { limit: 0, offset: 0 }),
  });
  if (alternative.failed || alternative.total <= results.total) return { results, showing: null, didYouMean: null };
  return none ? { results: alternative, showing: corrected, didYouMean: null } : { results, showing: null, didYouMean: corrected };
}
