// The article sitemaps split at 50,000 URLs (lib/seo/sitemaps.ts): a newsroom past that many live
// articles gets a second sitemap, listed in the index, and no article is in two or in none.
// Against a private database holding 50,000 + 3 live articles, written in one statement with
// the indexes built afterwards (db/seed.ts's withBulkLoading, as the benchmark seed does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SITEMAP_MAX_URLS } from '../../lib/seo/sitemaps';

vi.mock('next/cache', () => ({ cacheTag: () => {}, cacheLife: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-sitemaps-'));
process.env.GAZETTE_DATA_DIR = dir;
process.env.SITE_URL = 'https://gazette.test';

const { getConnection } = await import('../client');
const { withBulkLoading } = await import('../seed');
const { getArticleSitemapSummary, listSitemapArticles } = await import('./sitemaps');
const sitemapIndex = await import('../../app/sitemap.xml/route');
const sitemapPage = await import('../../app/sitemaps/[name]/route');
const conn = getConnection();

const LIVE = SITEMAP_MAX_URLS + 3;
const FIRST_PUBLISHED = Date.UTC(2020, 0, 1);
const MINUTE = 60_000;

beforeAll(() => {
  conn.sqlite.exec(`INSERT INTO sections (id, name, slug) VALUES (1, 'City', 'city')`);
  withBulkLoading(conn, () => {
    conn.sqlite
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO articles (id, slug, section_id, title, body, status, published_at)
         SELECT i, 'story-' || i, 1, 'Story ' || i, '{"type":"doc","content":[]}', 'published', ? + i * ? FROM n`,
      )
      .run(LIVE, FIRST_PUBLISHED, MINUTE);
    // Drafts and deleted articles dated among the live ones: were they counted, every page
    // boundary would move.
    const extra = conn.sqlite.prepare(
      `INSERT INTO articles (slug, section_id, title, body, status, published_at, deleted_at)
       VALUES (?, 1, 'Not live', '{"type":"doc","content":[]}', ?, ?, ?)`,
    );
    for (let k = 1; k <= 10; k++) {
      const at = FIRST_PUBLISHED + k * 4_000 * MINUTE + MINUTE / 2;
      extra.run(`draft-${k}`, 'draft', null, null);
      extra.run(`deleted-${k}`, 'published', at, at);
    }
  });
}, 120_000);

afterAll(() => {
  conn.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const livePaths = () =>
  conn.sqlite
    .prepare(`SELECT '/city/' || slug FROM articles WHERE status = 'published' AND deleted_at IS NULL ORDER BY published_at, id`)
    .pluck()
    .all() as string[];

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

async function getSitemap(name: string): Promise<Response> {
  return sitemapPage.GET(new Request(`https://gazette.test/sitemaps/${name}`), { params: Promise.resolve({ name }) });
}

describe('article sitemaps past 50,000 live articles', () => {
  it('has the database it needs: more live articles than one sitemap holds', () => {
    expect(livePaths()).toHaveLength(LIVE);
  });

  it('counts two pages, each dated by its newest publication', { timeout: 60_000 }, async () => {
    const published = conn.sqlite
      .prepare(`SELECT published_at FROM articles WHERE status = 'published' AND deleted_at IS NULL ORDER BY published_at, id`)
      .pluck()
      .all() as number[];
    expect(await getArticleSitemapSummary()).toEqual({
      total: LIVE,
      lastModified: [published[SITEMAP_MAX_URLS - 1], published.at(-1)],
    });
  });

  it('pages through live articles oldest first: 50,000, then the rest, then nothing', { timeout: 60_000 }, async () => {
    const first = await listSitemapArticles(1);
    const second = await listSitemapArticles(2);
    expect(first).toHaveLength(SITEMAP_MAX_URLS);
    expect(second).toHaveLength(3);
    expect(await listSitemapArticles(3)).toEqual([]);
    expect([...first, ...second].map((a) => a.path)).toEqual(livePaths());
  });

  it('the index names both article sitemaps; each lists its own articles and the third is not found', async () => {
    const index = await (await sitemapIndex.GET()).text();
    expect(locs(index)).toEqual([
      'https://gazette.test/sitemaps/articles-1.xml',
      'https://gazette.test/sitemaps/articles-2.xml',
      'https://gazette.test/sitemaps/sections.xml',
      'https://gazette.test/sitemaps/tags.xml',
      'https://gazette.test/sitemaps/authors.xml',
    ]);

    const first = await getSitemap('articles-1.xml');
    const second = await getSitemap('articles-2.xml');
    expect([first.status, second.status]).toEqual([200, 200]);
    const firstLocs = locs(await first.text());
    const secondLocs = locs(await second.text());
    expect(firstLocs).toHaveLength(SITEMAP_MAX_URLS);
    expect(secondLocs).toHaveLength(3);
    expect([...firstLocs, ...secondLocs]).toEqual(livePaths().map((p) => `https://gazette.test${p}`));
    expect((await getSitemap('articles-3.xml')).status).toBe(404);
  }, 60_000);
});
