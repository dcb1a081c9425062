// The newsroom's article list: filters, who sees what, and a plan without full scans for the
// main filters (statements captured as in db/query-plans.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideAdminArticleFilters, type AdminArticleFilters } from '../../lib/articles/list-filters';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-admin-list-'));
process.env.GAZETTE_DATA_DIR = dir;

const captured: { sql: string; params: unknown[] }[] = [];
let sqlite: Database.Database;
let writer: number;
let other: number;
let sectionId: number;
let bylineId: number;
let tagId: number;

const filters = (params: Record<string, string> = {}): AdminArticleFilters => decideAdminArticleFilters(params, { mayViewDeleted: true });
const editor = { id: 1, scope: 'any' as const };

beforeAll(async () => {
  const { openConnection } = await import('../client');
  const { seedDatabase } = await import('../seed');
  const conn = openConnection(path.join(dir, 'gazette.db'));
  await seedDatabase(conn, { articles: 300, mediaDir: path.join(dir, 'media') });
  conn.sqlite.close();
  const { getConnection } = await import('../client');
  sqlite = getConnection().sqlite;
  writer = Number(sqlite.prepare(`INSERT INTO users (email, name, role) VALUES ('w@x.test', 'Wanda Writer', 'contributor')`).run().lastInsertRowid);
  other = Number(sqlite.prepare(`INSERT INTO users (email, name, role) VALUES ('o@x.test', 'Oleh Other', 'author')`).run().lastInsertRowid);
  // The writer created two drafts and is assigned one article of someone else's.
  const drafts = sqlite.prepare(`SELECT id FROM articles WHERE status = 'draft' ORDER BY id LIMIT 3`).pluck().all() as number[];
  sqlite.prepare(`UPDATE articles SET created_by = ?, title = 'Zebra crossings for Podil' WHERE id = ?`).run(writer, drafts[0]);
  sqlite.prepare(`UPDATE articles SET created_by = ? WHERE id = ?`).run(writer, drafts[1]);
  sqlite.prepare(`UPDATE articles SET created_by = ?, assignee_id = ? WHERE id = ?`).run(other, writer, drafts[2]);
  sqlite.prepare(`UPDATE articles SET deleted_at = ? WHERE id = (SELECT id FROM articles WHERE status = 'published' ORDER BY id LIMIT 1)`).run(Date.now());
  sectionId = sqlite.prepare(`SELECT section_id FROM articles GROUP BY section_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number;
  bylineId = sqlite.prepare(`SELECT byline_id FROM article_bylines GROUP BY byline_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number;
  tagId = sqlite.prepare(`SELECT tag_id FROM article_tags GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number;
  sqlite.exec('ANALYZE');

  const prepare = Database.prototype.prepare;
  vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    for (const method of ['all', 'get', 'run', 'values'] as const) {
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
  sqlite?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = async (f: AdminArticleFilters, viewer: { id: number; scope: 'own' | 'any' } = editor) => {
  const { listAdminArticles } = await import('./admin-articles');
  return listAdminArticles(f, viewer);
};
const statusOf = (id: number) => sqlite.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(id);

describe('listAdminArticles', () => {
  it('filters by status and counts every tab; deleted articles only under "Deleted"', async () => {
    const all = await list(filters());
    const total = sqlite.prepare('SELECT count(*) FROM articles WHERE deleted_at IS NULL').pluck().get();
    expect(all.total).toBe(total);
    expect(all.counts.deleted).toBe(1);
    expect(all.counts.all).toBe(all.counts.draft + all.counts.in_review + all.counts.scheduled + all.counts.published + all.counts.unpublished);
    const drafts = await list(filters({ status: 'draft' }));
    expect(drafts.total).toBe(all.counts.draft);
    expect(drafts.rows.every((r) => statusOf(r.id) === 'draft' && r.deletedAt === null)).toBe(true);
    const deleted = await list(filters({ status: 'deleted' }));
    expect(deleted.rows).toHaveLength(1);
    expect(all.rows.map((r) => r.id)).not.toContain(deleted.rows[0]!.id);
  });

  it('filters by section, byline, tag and text, and pages through the result', async () => {
    const bySection = await list(filters({ section: String(sectionId) }));
    expect(bySection.total).toBeGreaterThan(0);
    expect(new Set(bySection.rows.map((r) => r.section?.slug)).size).toBe(1);
    const byByline = await list(filters({ byline: String(bylineId) }));
    const bylineName = sqlite.prepare('SELECT name FROM bylines WHERE id = ?').pluck().get(bylineId);
    expect(byByline.rows.every((r) => r.bylines.includes(bylineName as string))).toBe(true);
    const byTag = await list(filters({ tag: String(tagId) }));
    const tagged = sqlite.prepare('SELECT count(*) FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE t.tag_id = ? AND a.deleted_at IS NULL').pluck().get(tagId);
    expect(byTag.total).toBe(tagged);
    const text = await list(filters({ q: 'zebra crossing' }));
    expect(text.rows.map((r) => r.title)).toEqual(['Zebra crossings for Podil']);
    expect((await list(filters({ q: '!!!' }))).total).toBe(0);

    const page1 = await list(filters());
    const page2 = await list(filters({ page: '2' }));
    expect(page1.rows).toHaveLength(25);
    expect(page2.rows[0]!.id).not.toBe(page1.rows[0]!.id);
    expect(page1.rows[0]!.modifiedAt.getTime()).toBeGreaterThanOrEqual(page2.rows[0]!.modifiedAt.getTime());
    const byTitle = await list(filters({ sort: 'title' }));
    const titles = byTitle.rows.map((r) => r.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("shows a writer only the articles they created or are assigned to", async () => {
    const mine = await list(filters(), { id: writer, scope: 'own' });
    expect(mine.total).toBe(3);
    expect(mine.counts.all).toBe(3);
    expect(mine.rows.map((r) => r.createdByName).sort()).toEqual(['Oleh Other', 'Wanda Writer', 'Wanda Writer']);
    expect(mine.rows.find((r) => r.createdByName === 'Oleh Other')?.assigneeName).toBe('Wanda Writer');
    expect((await list(filters(), { id: other, scope: 'own' })).total).toBe(1);
  });
});

// A SCAN reads a whole large table (or the whole of one of its indexes).
function fullScans(plan: string[]): string[] {
  return plan.filter((d) => /^SCAN (articles|article_tags|article_bylines)\b/.test(d));
}

describe('query plans of the article list', () => {
  it('use an index for the main filters', async () => {
    const { getConnection } = await import('../client');
    const cases: [string, AdminArticleFilters, { id: number; scope: 'own' | 'any' }][] = [
      ['all', filters(), editor],
      ['drafts', filters({ status: 'draft' }), editor],
      ['published by date', filters({ status: 'published', sort: 'published' }), editor],
      ['deleted', filters({ status: 'deleted' }), editor],
      ['section', filters({ section: String(sectionId) }), editor],
      ['byline', filters({ byline: String(bylineId) }), editor],
      ['tag', filters({ tag: String(tagId) }), editor],
      ['text', filters({ q: 'council' }), editor],
      ['own', filters(), { id: writer, scope: 'own' }],
    ];
    const problems: string[] = [];
    for (const [name, f, viewer] of cases) {
      captured.length = 0;
      await list(f, viewer);
      expect(captured.length).toBeGreaterThan(0);
      for (const { sql, params } of captured) {
        const plan = (getConnection().sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
        if (process.env.PLAN_DEBUG) console.log(name, sql.slice(0, 120), '=>', plan.join(' | '));
        const scans = fullScans(plan);
        if (scans.length > 0) problems.push(`${name}: ${scans.join(', ')}\n  ${sql}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('list the public corrections from the partial index only', async () => {
    const { getConnection } = await import('../client');
    const { listCorrectionNotes } = await import('./corrections');
    const expected = sqlite
      .prepare(`SELECT count(*) FROM articles, json_each(articles.corrections) WHERE status = 'published' AND deleted_at IS NULL`)
      .pluck()
      .get();
    captured.length = 0;
    const { notes, total } = await listCorrectionNotes(1);
    expect(total).toBe(expected);
    expect(notes.length).toBe(Math.min(expected as number, 30));
    expect(notes.length).toBeGreaterThan(0);
    for (const { sql, params } of captured) {
      const plan = (getConnection().sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      expect(fullScans(plan), sql).toEqual([]);
    }
  });
});
