// Every list query must use an index: EXPLAIN QUERY PLAN for each statement the
// reader-page queries run shows no full scan of a large table. The queries are
// called for real (next/cache is stubbed: outside Next 'use cache' is inert) and
// every statement they prepare is captured with its parameters, so this test
// follows the code instead of a copy of its SQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const LARGE_TABLES = ['articles', 'article_tags', 'article_bylines', 'page_views', 'revisions', 'media', 'audit_log', 'redirects'];

interface Captured {
  sql: string;
  params: unknown[];
}

const captured: Captured[] = [];
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-plans-'));
  process.env.GAZETTE_DATA_DIR = dir;
  const { openConnection } = await import('./client');
  const { seedDatabase } = await import('./seed');
  const conn = openConnection(path.join(dir, 'gazette.db'));
  await seedDatabase(conn, { articles: 300, mediaDir: path.join(dir, 'media') });
  conn.sqlite.exec('ANALYZE');
  conn.sqlite.close();

  // Record every statement the app's connection runs, with its bound parameters.
  const prepare = Database.prototype.prepare;
  vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    for (const method of ['all', 'get', 'run', 'iterate', 'values'] as const) {
      const original = (statement as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof original !== 'function') continue;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        if (!/^\s*(EXPLAIN|PRAGMA)/i.test(source)) captured.push({ sql: source, params });
        return original.apply(statement, params);
      };
    }
    return statement;
  });
}, 60_000);

afterAll(() => {
  vi.restoreAllMocks();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Plans at 300 articles are not the plans at 100,000: the statistics ANALYZE measured on the
// bench corpus (npm run bench: 100,000 articles, 2,000 tags, 50 bylines) replace the seed's and
// are reloaded, so the planner chooses here as it does at that size. Done on the app's own
// connection, after its PRAGMA optimize. (The planner also reads sqlite_stat4 samples, which a
// 300-article seed cannot fake: on the bench corpus the latest-stories rail once went through
// sections first and sorted every live article to show six, 700 ms on each publish — see
// cardQuery in db/queries/articles.ts. The bench's publish → visible measures that case.)
const BENCH_STATISTICS: [table: string, index: string, stat: string][] = [
  ['article_bylines', 'article_bylines_byline_idx', '121065 2422 1'],
  ['article_bylines', 'sqlite_autoindex_article_bylines_1', '121065 2 1'],
  ['article_tags', 'article_tags_tag_idx', '350210 176 1'],
  ['article_tags', 'sqlite_autoindex_article_tags_1', '350210 4 1'],
  ['articles', 'articles_assignee_idx', '100000 100000'],
  ['articles', 'articles_corrections_idx', '2403 1'],
  ['articles', 'articles_created_by_idx', '100000 100000'],
  ['articles', 'articles_desk_modified_idx', '100000 100000 1'],
  ['articles', 'articles_desk_status_modified_idx', '100000 20000 20000 1'],
  ['articles', 'articles_kind_status_published_idx', '100000 20000 4762 1'],
  ['articles', 'articles_live_id_idx', '97823 1 1 1'],
  ['articles', 'articles_section_slug_idx', '100000 12500 1'],
  ['articles', 'articles_section_status_published_idx', '100000 12500 2778 1'],
  ['articles', 'articles_sitemap_idx', '97823 1 1 1 1 1 1'],
  ['articles', 'articles_status_published_idx', '100000 20000 1'],
  ['articles', 'articles_status_scheduled_idx', '100000 20000 203'],
  ['articles', 'articles_status_updated_idx', '100000 20000 1'],
  ['page_views', 'page_views_day_idx', '181453 25922 1 1'],
  ['page_views', 'sqlite_autoindex_page_views_1', '181453 6 1'],
];

function useBenchStatistics(sqlite: Database.Database): void {
  const update = sqlite.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx = ?');
  for (const [table, index, stat] of BENCH_STATISTICS) update.run(stat, table, index);
  sqlite.exec('ANALYZE sqlite_schema');
}

async function plansFor(run: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  captured.length = 0;
  await run();
  const { getConnection } = await import('./client');
  const { sqlite } = getConnection();
  return captured.map(({ sql, params }) => ({
    sql,
    plan: (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[])) as { detail: string }[]).map(
      (row) => row.detail,
    ),
  }));
}

// The site-wide and section lists must read live articles newest first from an index, not sort
// all of them to show a page. (A tag's or a byline's list sorts its own matches: thousands at
// most, cheaper than walking every article to find them.)
const READ_IN_ORDER = new Set(['latest', 'latest page 3', 'section', 'news feed']);
function sortsEverything(name: string, sql: string, plan: string[]): boolean {
  return (
    READ_IN_ORDER.has(name) &&
    /order by "articles"."published_at"/i.test(sql) &&
    plan.some((detail) => detail.includes('USE TEMP B-TREE FOR ORDER BY'))
  );
}

// A SCAN reads the whole table (or the whole of an index), whatever it scans it with.
function fullScans(plan: string[]): string[] {
  return plan.filter((detail) => {
    const match = /^SCAN (\w+)/.exec(detail);
    return match !== null && LARGE_TABLES.includes(match[1] as string);
  });
}

describe('query plans of the reader pages', () => {
  it('recognises a full scan when it sees one', () => {
    expect(fullScans(['SCAN articles', 'SEARCH sections USING INTEGER PRIMARY KEY (rowid=?)'])).toEqual(['SCAN articles']);
    expect(fullScans(['SCAN page_views USING INDEX sqlite_autoindex_page_views_1'])).toHaveLength(1);
    expect(fullScans(['SEARCH articles USING INDEX articles_status_published_idx (status=?)'])).toEqual([]);
    expect(fullScans(['SCAN sections'])).toEqual([]);
  });

  it('use an index for every list', async () => {
    const articles = await import('./queries/articles');
    const taxonomy = await import('./queries/taxonomy');
    const site = await import('./queries/site');
    const { getConnection } = await import('./client');
    useBenchStatistics(getConnection().sqlite);
    const [first] = await articles.listRecentArticleParams(1);
    expect(first).toBeDefined();
    const related = await import('./queries/related');
    const sections = await site.listSections();
    const firstPage = await articles.getPublishedArticle(first!.section, first!.slug);
    const calls: [string, () => Promise<unknown>][] = [
      ['latest', () => articles.listLatestArticles({ limit: 25, excludeKind: 'feed' })],
      ['latest page 3', () => articles.listLatestArticles({ limit: 25, offset: 50 })],
      ['section', () => articles.listSectionArticles({ sectionId: sections[1]!.id, limit: 30 })],
      ['news feed', () => articles.listNewsFeed({ limit: 8 })],
      ['most popular', () => articles.listMostPopular({ limit: 6 })],
      ['editors picks', () => articles.listEditorsPicks()],
      ['article', () => articles.getPublishedArticle(first!.section, first!.slug)],
      ['related stories', () => related.listRelatedStories(firstPage!.id)],
      ['tag', async () => taxonomy.listTagArticles({ tagId: (await taxonomy.getTagBySlug('city-council'))?.id ?? 1, limit: 30 })],
      ['byline', async () => taxonomy.listBylineArticles({ bylineId: (await taxonomy.getBylineBySlug('news-desk'))!.id, limit: 30 })],
    ];
    const problems: string[] = [];
    for (const [name, run] of calls) {
      const plans = await plansFor(run);
      expect(plans.length, `${name} ran no statement`).toBeGreaterThan(0);
      for (const { sql, plan } of plans) {
        if (process.env.PLAN_DEBUG) console.log(name, sql.slice(0, 80), "=>", plan.join(" | "));
        const scans = fullScans(plan);
        if (scans.length > 0) problems.push(`${name}: ${scans.join(', ')}\n  ${sql}`);
        if (sortsEverything(name, sql, plan)) problems.push(`${name}: sorts every match (${plan.join(' | ')})\n  ${sql}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
