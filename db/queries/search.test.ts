// Search at the level of its SQL: ranking, what readers may find, the capped count, and the
// highlighted passages — against a real FTS5 index kept by the migrations' triggers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMatchExpression, highlightWords, MARK_START, parseSearchQuery } from '../../lib/site/search-query';
import { applyCorrections, spellingWords } from '../../lib/site/spelling';
import { HOSTILE_QUERIES } from '../../lib/testing/hostile-queries';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-search-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { COUNT_CAP, forgetSpellingDictionary, searchArticles, searchWithSpelling, suggestSpelling } = await import('./search');
const { sqlite } = getConnection();

function article(id: number, title: string, body: string, options: { status?: string; section?: number; publishedAt?: number } = {}) {
  const doc = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }] });
  sqlite
    .prepare(
      `INSERT INTO articles (id, slug, section_id, title, body, body_text, word_count, status, published_at)
       VALUES (?, ?, ?, ?, ?, ?, 10, ?, ?)`,
    )
    .run(id, `a-${id}`, options.section ?? 1, title, doc, body, options.status ?? 'published', options.publishedAt ?? 1_700_000_000_000 + id);
}

beforeAll(() => {
  sqlite.exec(`INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city'), (2, 'Sport', 'sport')`);
  sqlite.transaction(() => {
    article(1, 'Harbour ferry returns', 'The crossing reopens on Friday.');
    article(2, 'Council notes', 'A short item that mentions the harbour once.');
    article(3, 'Harbour plans', 'Draft only.', { status: 'draft' });
    article(4, 'Harbour derby', 'The harbour team won.', { section: 2 });
    // Bylines and tags, found by name; spelling from the corpus.
    article(5, 'Inflation climbs again', 'Inflation reached a new high in the city council area.', { publishedAt: 1_800_000_000_000 });
    article(6, 'Inflation and the bakers', 'Inflation hurts the bakers, the council hears.', { publishedAt: 1_800_000_000_001 });
    article(7, 'Market day', 'Stalls and city council stands line the square.', { publishedAt: 1_800_000_000_002 });
    article(8, 'Zanzibarian flotilla arrives', 'Embargoed.', { status: 'draft' });
    sqlite.exec(`INSERT INTO bylines (id, name, slug) VALUES (1, 'Olena Marchuk', 'olena-marchuk'), (2, 'Ivan Sorokin', 'ivan-sorokin');
      INSERT INTO tags (id, name, slug) VALUES (1, 'Cost of Living', 'cost-of-living'), (2, 'Waterfront', 'waterfront');
      INSERT INTO article_bylines (article_id, byline_id, position) VALUES (5, 1, 0), (6, 2, 0), (6, 1, 1);
      INSERT INTO article_tags (article_id, tag_id, position) VALUES (5, 1, 0), (7, 2, 0);`);
    // Many matches for a common word: more than the count goes.
    for (let i = 0; i < COUNT_CAP + 20; i++) article(1000 + i, `Weather note ${i}`, 'Rain again across the city today.');
  })();
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) =>
  searchArticles({ match: buildMatchExpression(q)!, highlight: highlightWords(q), limit: 10, offset: 0, ...extra });

describe('searchArticles', () => {
  it('ranks a title match above a passing mention, and never finds a draft', async () => {
    const result = await search('harbour');
    expect(result).toMatchObject({ total: 3, capped: false, failed: false });
    const ids = result.hits.map((h) => h.article.id);
    expect(ids).not.toContain(3);
    expect(ids.indexOf(2)).toBeGreaterThan(ids.indexOf(1));
    expect(result.hits[0]!.title).toContain(MARK_START);
    expect(result.hits.find((h) => h.article.id === 2)!.snippet).toContain(`${MARK_START}harbour`);
  });

  it('filters by section', async () => {
    const result = await search('harbour', { sectionSlug: 'sport' });
    expect(result.hits.map((h) => h.article.id)).toEqual([4]);
  });

  it('counts up to the cap and says there are more, and pages through the ranked window', async () => {
    const first = await search('rain');
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(first.hits).toHaveLength(10);
    const later = await search('rain', { offset: 990 });
    expect(later.hits).toHaveLength(10);
    expect(new Set([...first.hits, ...later.hits].map((h) => h.article.id)).size).toBe(20);
    // The last page stops at the cap; past it, and when only the count is asked for, the count
    // still comes back.
    expect((await search('rain', { offset: 995 })).hits).toHaveLength(5);
    expect(await search('rain', { offset: COUNT_CAP })).toMatchObject({ total: COUNT_CAP, capped: true, hits: [] });
    expect(await search('harbour', { limit: 0 })).toMatchObject({ total: 3, capped: false, hits: [] });
    expect(await search('harbour', { offset: 10 })).toMatchObject({ total: 3, hits: [] });
  });
});

const ids = async (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) =>
  (await search(q, extra)).hits.map((h) => h.article.id).sort((a, b) => a - b);

describe('searching bylines and tags', () => {
  it('finds an article by its byline and its tags, and shows who wrote it', async () => {
    expect(await ids('marchuk')).toEqual([5, 6]);
    expect(await ids('sorokin')).toEqual([6]);
    expect(await ids('"cost of living"')).toEqual([5]);
    expect(await ids('waterfront')).toEqual([7]);
    expect((await search('sorokin')).hits[0]!.article.bylines).toBe('Ivan Sorokin, Olena Marchuk');
  });

  it('follows a byline or tag renamed, added, removed, merged or deleted', async () => {
    sqlite.exec(`UPDATE bylines SET name = 'Olena Marchenko' WHERE id = 1`);
    expect(await ids('marchuk')).toEqual([]);
    expect(await ids('marchenko')).toEqual([5, 6]);
    sqlite.exec(`UPDATE tags SET name = 'Riverside' WHERE id = 2`);
    expect(await ids('waterfront')).toEqual([]);
    expect(await ids('riverside')).toEqual([7]);
    sqlite.exec(`INSERT INTO article_tags (article_id, tag_id, position) VALUES (6, 2, 0)`);
    expect(await ids('riverside')).toEqual([6, 7]);
    // A merge moves the links to the other tag.
    sqlite.exec(`UPDATE article_tags SET tag_id = 1 WHERE tag_id = 2 AND article_id = 7`);
    expect(await ids('riverside')).toEqual([6]);
    expect(await ids('"cost of living"')).toEqual([5, 7]);
    sqlite.exec(`DELETE FROM article_tags WHERE article_id = 6 AND tag_id = 2`);
    expect(await ids('riverside')).toEqual([]);
    // Deleting a byline removes its name from every article it signed.
    sqlite.exec(`DELETE FROM bylines WHERE id = 2`);
    expect(await ids('sorokin')).toEqual([]);
    sqlite.exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`);
    sqlite.exec(`INSERT INTO articles_words(articles_words) VALUES ('integrity-check')`);
  });
});

describe('the reader\'s query syntax against the index', () => {
  it('honours quoted phrases and exclusions', async () => {
    expect(await ids('inflation')).toEqual([5, 6]);
    expect(await ids('inflation -bakers')).toEqual([5]);
    expect(await ids('inflation -"city council"')).toEqual([6]);
    expect(await ids('"city council"')).toEqual([5, 7]);
    expect(await ids('"council city"')).toEqual([]);
  });

  it('sorts by relevance or newest first', async () => {
    const newest = await search('council', { sort: 'newest' });
    const dates = newest.hits.map((h) => h.article.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(newest.hits[0]!.article.id).toBe(7);
  });

  it('never fails on hostile input', async () => {
    for (const q of HOSTILE_QUERIES) {
      const match = buildMatchExpression(q);
      if (match) expect((await search(q)).failed, q).toBe(false);
    }
  });
});

describe('suggestSpelling', () => {
  const suggest = async (q: string) => {
    const parsed = parseSearchQuery(q);
    const last = parsed.terms.at(-1);
    return suggestSpelling(spellingWords(parsed), parsed.prefixLast && last ? last.words[0]! : null);
  };

  it('corrects a word the corpus lacks to one edit away, British and American alike', async () => {
    // The dictionary holds the words of headlines, deks, bylines and tags.
    expect(await suggest('inflaton')).toEqual({ inflaton: 'inflation' });
    expect(await suggest('harbor ferry')).toEqual({ harbor: 'harbour' });
    expect(await suggest('Counsil budget')).toMatchObject({ counsil: 'council' });
    const parsed = parseSearchQuery('inflaton -bakers');
    const corrected = applyCorrections(parsed, await suggest('inflaton -bakers'));
    expect(corrected && (await search('', { match: buildMatchExpression(corrected)! })).hits.map((h) => h.article.id)).toEqual([5]);
  });

  it('leaves alone words the corpus holds, words being typed, and numbers', async () => {
    expect(await suggest('harbour inflation')).toEqual({});
    // "harb" continues as "harbour": the reader is still typing.
    expect(await suggest('harb')).toEqual({});
    expect(await suggest('harbour 2026')).toEqual({});
  });

  it('may name a word only a draft holds; the page shows it only when published stories have it', async () => {
    // "zanzibarian" is in a draft only: one edit from "zanzibarin".
    const corrections = await suggest('zanzibarin');
    const corrected = applyCorrections(parseSearchQuery('zanzibarin'), corrections);
    if (corrected) expect((await search('', { match: buildMatchExpression(corrected)! })).total).toBe(0);
  });
});

describe('searchWithSpelling', () => {
  const run = (q: string, exact = false) => searchWithSpelling(parseSearchQuery(q), { limit: 10, offset: 0 }, exact);

  it('shows the corrected query’s results when the typed one finds nothing, unless asked for the words as typed', async () => {
    const found = await run('inflaton');
    expect(found?.showing?.terms[0]!.words).toEqual(['inflation']);
    expect(found?.results.hits.map((h) => h.article.id).sort()).toEqual([5, 6]);
    const exact = await run('inflaton', true);
    expect(exact).toMatchObject({ showing: null, didYouMean: null, results: { total: 0 } });
  });

  it('offers a far more common spelling when the typed one finds a few', async () => {
    // "harbor" in one published story, "harbour" in three.
    article(9, 'Harbor tour', 'An American visitor tours the docks.');
    forgetSpellingDictionary();
    const found = await run('harbor');
    expect(found?.results.total).toBe(1);
    expect(found?.didYouMean?.terms[0]!.words).toEqual(['harbour']);
  });

  it('never suggests a word only a draft holds', async () => {
    expect(await run('zanzibarin')).toMatchObject({ showing: null, didYouMean: null, results: { total: 0 } });
  });

  it('never fails on hostile input, spelling included', async () => {
    for (const q of [...HOSTILE_QUERIES, 'constructor __proto__', 'NEAR(harbor, 2)', '"harbor', '-"']) {
      const found = await run(q);
      if (found) expect(found.results.failed, q).toBe(false);
    }
  });

  it('has nothing to run for exclusions alone', async () => {
    expect(await run('-harbour')).toBeNull();
  });

  it('takes a last word the site has as typed, and one it lacks as the start of a longer word', async () => {
    article(10, 'Harbourmaster retires', 'Forty years on the quays.');
    forgetSpellingDictionary();
    const found = async (q: string) => (await run(q))?.results.hits.map((h) => h.article.id).sort((a, b) => a - b);
    // "harbour" is a word of the headlines: its stories, not every word it begins.
    expect(await found('harbour')).toEqual([1, 2, 4]);
    expect(await found('ferry harbour')).toEqual([1]);
    // "harbourm" and "harb" are no word the site has: still being typed.
    expect(await found('harbourm')).toEqual([10]);
    expect(await found('harb')).toEqual([1, 2, 4, 9, 10]);
    // A phrase is never a prefix, known word or not.
    expect((await run('"harbourm"', true))?.results.total).toBe(0);
  });
});
