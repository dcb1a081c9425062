// Search at the level of its SQL: ranking, what readers may find, the capped count, and the
// highlighted passages — against a real FTS5 index kept by the migrations' triggers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildHighlightExpression, buildMatchExpression, MARK_START } from '../../lib/site/search-query';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-search-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { COUNT_CAP, searchArticles } = await import('./search');
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
    // Many matches for a common word: more than the count goes.
    for (let i = 0; i < COUNT_CAP + 20; i++) article(1000 + i, `Weather note ${i}`, 'Rain again across the city today.');
  })();
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) =>
  searchArticles({ match: buildMatchExpression(q)!, highlight: buildHighlightExpression(q), limit: 10, offset: 0, ...extra });

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
  });
});
