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
    const [first] = await articles.listRecentArticleParams(1);
    expect(first).toBeDefined();
    const sections = await site.listSections();
    const calls: [string, () => Promise<unknown>][] = [
      ['latest', () => articles.listLatestArticles({ limit: 25, excludeKind: 'feed' })],
      ['latest page 3', () => articles.listLatestArticles({ limit: 25, offset: 50 })],
      ['section', () => articles.listSectionArticles({ sectionId: sections[1]!.id, limit: 30 })],
      ['news feed', () => articles.listNewsFeed({ limit: 8 })],
      ['most popular', () => articles.listMostPopular({ limit: 6 })],
      ['editors picks', () => articles.listEditorsPicks()],
      ['article', () => articles.getPublishedArticle(first!.section, first!.slug)],
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
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
