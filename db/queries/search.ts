import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { buildMatchExpression, highlightWords, type ParsedSearch } from '@/lib/site/search-query';
import { markedPassage, matchKeys, markWords } from '@/lib/site/search-snippet';
import { applyCorrections, decideCorrection, foldWord, spellingNeighbours, spellingWords } from '@/lib/site/spelling';
import { articleUrl, type ArticleCard } from './articles';

// Full-text search over published articles (articles_fts, db/migrations/0001_search_index.sql).
// Nothing here is cached: the whole results page is, for a minute, in front of Next
// (gateway/page-cache.mjs, the search cache), and kept again in Next's own cache it cost a
// distinct search ~4 ms of encoding and decoding for an entry the next reader never asks for.
// `match` must come from lib/site/search-query.ts (buildMatchExpression), never from raw input.

export interface SearchHit {
  // Only what a result shows: the cached results are decoded on every request.
  // bylines: the names as one line ("Olena Marchuk, Ivan Sorokin"), empty when unsigned.
  article: Pick<ArticleCard, 'id' | 'url' | 'section' | 'publishedAt'> & { bylines: string };
  // The title with MARK_START/MARK_END around matched words.
  title: string;
  // Text with MARK_START/MARK_END around matches (split into <mark> by the page).
  snippet: string;
}

interface CardRow {
  id: number;
  slug: string;
  title: string;
  dek: string;
  body: string;
  publishedAt: number;
  bylines: string;
  sectionSlug: string;
  sectionName: string;
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
  // The words to mark in the shown results (highlightWords).
  highlight?: readonly string[];
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
// number, and counting 60,000 matches means reading 60,000 article rows. Ranking covers the same
// newest matches: bm25 is read for each candidate, so it runs over the newest 1,000 published
// matches only (after the section and date filters) — a news search weighs recency anyway, and
// this keeps a common word at 100,000 articles in milliseconds.
export const COUNT_CAP = 1000;

// Title matches weigh 10, dek 4, body 1, bylines and tags 5: a story named for the words ranks
// above one that mentions them, and a reporter's or a topic's name counts like a dek.
const RANK = sql.raw('bm25(articles_fts, 10.0, 4.0, 1.0, 5.0, 5.0)');

// The published articles (a, with their section s) that match, after the filters in `where`.
function matching(match: string, where: SQL): SQL {
  return sql`articles_fts
    JOIN articles a INDEXED BY articles_live_id_idx ON a.id = articles_fts.rowid
    JOIN sections s ON s.id = a.section_id
   WHERE articles_fts MATCH ${match} AND ${where}`;
}

async function countMatches(match: string, where: SQL): Promise<number> {
  const row = await getDb().get<{ n: number }>(sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM ${matching(match, where)} LIMIT ${COUNT_CAP + 1})`);
  return row?.n ?? 0;
}

export async function searchArticles(options: SearchOptions): Promise<SearchResults> {
  const filters: SQL[] = [sql`a.status = 'published'`, sql`a.deleted_at IS NULL`];
  if (options.sectionSlug) filters.push(sql`s.slug = ${options.sectionSlug}`);
  if (options.fromMs != null) filters.push(sql`a.published_at >= ${options.fromMs}`);
  if (options.toMs != null) filters.push(sql`a.published_at < ${options.toMs}`);
  const where = sql.join(filters, sql` AND `);
  const newest = options.sort === 'newest';
  const db = getDb();
  try {
    // One pass over the index: the newest matches up to one past the cap (the count, and
    // whether there are more), scored by bm25 unless the reader sorts by date, then the page
    // of them. A count and a ranking of their own read the same postings twice.
    const page = await db.all<{ id: number; n: number }>(sql`
      WITH found AS MATERIALIZED (
        SELECT a.id AS id, a.published_at AS publishedAt${newest ? sql`` : sql`, ${RANK} AS score`}
          FROM ${matching(options.match, where)}
         ORDER BY articles_fts.rowid DESC
         LIMIT ${COUNT_CAP + 1})
      SELECT id, count(*) OVER () AS n FROM found
       ORDER BY ${newest ? sql`publishedAt DESC, id DESC` : sql`score, publishedAt DESC`}
       LIMIT ${options.limit} OFFSET ${options.offset}`);
    // No rows to carry the count when the page is past the end or none was asked for (the
    // spelling check only wants the total): then it is asked for on its own.
    const counted = page[0]?.n ?? (options.offset > 0 || options.limit === 0 ? await countMatches(options.match, where) : 0);
    const total = Math.min(counted, COUNT_CAP);
    const capped = counted > COUNT_CAP;
    // The page may hold the one match past the cap; a reader is shown at most COUNT_CAP.
    const ranked = page.slice(0, Math.max(0, Math.min(options.limit, total - options.offset)));
    if (ranked.length === 0) return { total, capped, hits: [], failed: false };

    // What a result shows, in one read (the byline names are the row's own search column): the
    // general card query also reads heroes and each byline, three times the work for this page.
    const cards = await db.all<CardRow>(sql`
      SELECT a.id AS id, a.slug AS slug, a.title AS title, a.dek AS dek, a.body_text AS body, a.published_at AS publishedAt,
             a.byline_names AS bylines, s.slug AS sectionSlug, s.name AS sectionName
        FROM articles a JOIN sections s ON s.id = a.section_id
       WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify(ranked.map((r) => r.id))}))
         AND a.status = 'published' AND a.deleted_at IS NULL`);
    const byId = new Map(cards.map((c) => [c.id, c]));
    const keys = matchKeys(options.highlight ?? []);
    const hits = ranked.flatMap(({ id }) => {
      const article = byId.get(id);
      if (!article) return [];
      // The body's matching passage when the body has a searched word, else the dek, marked.
      const snippet = markedPassage(article.body, keys) ?? markWords(article.dek, keys);
      const found = {
        id,
        url: articleUrl(article.sectionSlug, article.slug),
        section: { name: article.sectionName, slug: article.sectionSlug },
        publishedAt: new Date(article.publishedAt).toISOString(),
        bylines: article.bylines,
      };
      return [{ article: found, snippet, title: markWords(article.title, keys) }];
    });
    return { total, capped, hits, failed: false };
  } catch (error) {
    console.error('search failed', error);
    return { total: 0, capped: false, hits: [], failed: true };
  }
}

// The spelling dictionary: every word of headlines, deks, bylines and tags with the number of
// articles that hold it, read from articles_words_vocab (db/migrations/0014_search_people_tags.sql)
// into memory. A look-up in the fts5vocab table costs ~40 µs however small the answer, and one
// misspelt word has ~400 neighbours to ask about; in memory they cost microseconds. Reading the
// vocabulary counts every posting (~90 ms at 100,000 articles, 3 MB of index), so it is read on first use and
// again at most every DICTIONARY_MAX_AGE_MS, after the answer that found it old: a word first
// published a minute ago may not be suggested yet, which costs a reader nothing.
const DICTIONARY_MAX_AGE_MS = 10 * 60_000;
interface Dictionary {
  counts: Map<string, number>;
  // The same words in order, to ask whether any word continues a prefix.
  sorted: string[];
  readAt: number;
}
let dictionary: Promise<Dictionary> | null = null;
let refreshing = false;

// Read a hundred words at a time, letting other requests run in between: at 100,000 articles
// the whole vocabulary is ~90 ms of SQLite, too long to hold the one event loop.
const DICTIONARY_CHUNK = 100;

async function readDictionary(): Promise<Dictionary> {
  const counts = new Map<string, number>();
  const sorted: string[] = [];
  for (let after = ''; ; ) {
    const rows = await getDb().all<{ term: string; doc: number }>(sql`
      SELECT term, doc FROM articles_words_vocab WHERE term > ${after} ORDER BY term LIMIT ${DICTIONARY_CHUNK}`);
    for (const row of rows) {
      counts.set(row.term, row.doc);
      sorted.push(row.term);
    }
    if (rows.length < DICTIONARY_CHUNK) break;
    after = rows.at(-1)!.term;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { counts, sorted, readAt: Date.now() };
}

async function getDictionary(): Promise<Dictionary> {
  dictionary ??= readDictionary().catch((error: unknown) => {
    dictionary = null;
    throw error;
  });
  const current = await dictionary;
  if (!refreshing && Date.now() - current.readAt > DICTIONARY_MAX_AGE_MS) {
    refreshing = true;
    setImmediate(() => {
      readDictionary()
        .then((fresh) => {
          dictionary = Promise.resolve(fresh);
        })
        .catch((error: unknown) => console.error('spelling dictionary refresh failed', error))
        .finally(() => {
          refreshing = false;
        });
    });
  }
  return current;
}

function continues(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(prefix);
}

// Given the words a reader typed (lib/site/spelling.ts spellingWords), the better spelling of each
// word that has one, keyed by the folded word. `typing` is the last word when it also matches as a
// prefix: a word the dictionary continues ("harb" → "harbour") is being typed, not misspelt.
// The dictionary counts unpublished articles too: the caller shows a correction only when the
// corrected query finds published ones, so a word only a draft holds is never suggested.
export async function suggestSpelling(words: string[], typing: string | null): Promise<Record<string, string>> {
  if (words.length === 0) return {};
  try {
    const { counts: known, sorted } = await getDictionary();
    const typingWord = typing === null ? null : foldWord(typing);
    const corrections: Record<string, string> = {};
    for (const word of words) {
      const docs = known.get(word) ?? 0;
      if (docs === 0 && word === typingWord && continues(sorted, word)) continue;
      const neighbours = spellingNeighbours(word).flatMap((term) => {
        const n = known.get(term);
        return n ? [{ term, docs: n }] : [];
      });
      const better = decideCorrection(docs, neighbours);
      if (better) corrections[word] = better;
    }
    return corrections;
  } catch (error) {
    console.error('spelling suggestions failed', error);
    return {};
  }
}

// For tests: the next look-up reads the dictionary again.
export function forgetSpellingDictionary(): void {
  dictionary = null;
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

// A last word the site already has (in a headline, dek, byline or tag) is taken as typed, not as
// the start of a longer one: the stemmer already finds its other forms ("councils"), and a prefix
// makes FTS5 read and merge the postings of every word it begins — at 100,000 articles a
// distinct search's SQLite took ~8 ms on average with it and ~3 ms without. A word the dictionary
// does not hold ("harb") is still being typed and matches as a prefix.
async function withoutNeedlessPrefix(parsed: ParsedSearch): Promise<ParsedSearch> {
  const last = parsed.terms.at(-1);
  if (!parsed.prefixLast || !last) return parsed;
  try {
    const { counts } = await getDictionary();
    return (counts.get(foldWord(last.words[0]!)) ?? 0) > 0 ? { ...parsed, prefixLast: false } : parsed;
  } catch (error) {
    console.error('spelling dictionary unavailable', error);
    return parsed;
  }
}

// The search page's one call: the reader's query, and when it finds fewer than FEW_RESULTS, the
// same query with corrected spelling — shown instead when the typed one found nothing, offered
// when it found a few. Only a correction that finds more published stories is used. `exact`: the
// reader asked for the words as typed.
export async function searchWithSpelling(
  typed: ParsedSearch,
  options: Omit<SearchOptions, 'match' | 'highlight'>,
  exact = false,
): Promise<SpelledSearch | null> {
  const parsed = await withoutNeedlessPrefix(typed);
  const match = buildMatchExpression(parsed);
  if (!match) return null;
  const results = await searchArticles({ ...options, match, highlight: highlightWords(parsed) });
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
    highlight: highlightWords(corrected),
    ...(none ? {} : { limit: 0, offset: 0 }),
  });
  if (alternative.failed || alternative.total <= results.total) return { results, showing: null, didYouMean: null };
  return none ? { results: alternative, showing: corrected, didYouMean: null } : { results, showing: null, didYouMean: corrected };
}
