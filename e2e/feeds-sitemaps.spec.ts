import { expect, test } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { getPublishedArticle, openTestDb } from './fixtures';
import { W3C_WITH_OFFSET } from './seo-helpers';

// Feed readers and crawlers: every feed parsed by a real RSS parser, every sitemap as XML.

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name),
});

const rss = new Parser<Record<string, never>, { creators: string[] }>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] },
});

// Articles tests insert (slugs starting "e2e-") are left out of exact comparisons.
const LIVE = `a.status = 'published' AND a.deleted_at IS NULL AND a.slug NOT LIKE 'e2e-%'`;

test('every feed is RSS 2.0 with full content, creators, categories, hero and dates', async ({ request, baseURL }) => {
  const seeded = getPublishedArticle();
  const feeds = ['/rss.xml', `/${seeded.sectionSlug}/rss.xml`, `/tag/${seeded.tags[0]!.slug}/rss.xml`];
  for (const path of feeds) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers()['cache-control']).toContain('max-age=');
    const body = await response.text();
    expect(body).toContain('<rss version="2.0"');
    const feed = await rss.parseString(body);
    expect(feed.title).toBeTruthy();
    expect(feed.link?.startsWith(`${baseURL}/`)).toBe(true);
    expect(feed.items.length, path).toBeGreaterThan(0);
    let previous = Infinity;
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.link?.startsWith(`${baseURL}/`), item.link).toBe(true);
      const published = new Date(item.pubDate ?? '').getTime();
      expect(Number.isNaN(published)).toBe(false);
      expect(published).toBeLessThanOrEqual(previous);
      previous = published;
      const content = (item as unknown as Record<string, string>)['content:encoded'] ?? '';
      expect(content).toContain('<p>');
      // Links and images in the body are absolute.
      expect(content).not.toMatch(/(?:href|src)="\/(?!\/)/);
      expect(content).not.toMatch(/<script|<iframe|javascript:/i);
      expect(item.creators.length, item.link).toBeGreaterThan(0);
      expect(item.categories?.length).toBeGreaterThan(0);
      if (item.enclosure) expect(item.enclosure.url.startsWith(`${baseURL}/media-crop/`)).toBe(true);
    }
  }
  // The section feed names every article's bylines as the database holds them, in order, and
  // carries hero images as JPEG enclosures.
  const sectionFeed = await rss.parseString(await (await request.get(feeds[1]!)).text());
  const bylinesOf = openTestDb().prepare(
    `SELECT b.name FROM articles a
       JOIN sections s ON s.id = a.section_id
       JOIN article_bylines ab ON ab.article_id = a.id
       JOIN bylines b ON b.id = ab.byline_id
      WHERE s.slug = ? AND a.slug = ? ORDER BY ab.position`,
  ).pluck();
  expect(sectionFeed.items.length).toBeGreaterThan(0);
  for (const item of sectionFeed.items) {
    const [, sectionSlug, slug] = new URL(item.link!).pathname.split('/');
    expect(item.creators, item.link).toEqual(bylinesOf.all(sectionSlug, slug));
  }
  const enclosures = sectionFeed.items.flatMap((i) => (i.enclosure ? [i.enclosure] : []));
  expect(enclosures.length, 'the seed gives this section\'s newest articles hero images').toBeGreaterThan(0);
  for (const enclosure of enclosures) expect(enclosure.type).toBe('image/jpeg');
  // The static rss.xml segment wins over article slugs; unknown sections have no feed.
  expect((await request.get('/no-such-section/rss.xml')).status()).toBe(404);
  expect((await request.get('/tag/no-such-tag/rss.xml')).status()).toBe(404);
});

test('robots.txt names the sitemaps and keeps crawlers out of private paths', async ({ request, baseURL }) => {
  const body = await (await request.get('/robots.txt')).text();
  for (const path of ['/admin', '/api', '/search']) expect(body).toContain(`Disallow: ${path}\n`);
  expect(body).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(body).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
});

test('the sitemap index and every sitemap list every public address, absolutely and dated', async ({ request, baseURL }) => {
  const index = await request.get('/sitemap.xml');
  expect(index.headers()['content-type']).toBe('application/xml; charset=utf-8');
  expect(index.headers()['cache-control']).toContain('max-age=');
  const sitemaps = (xml.parse(await index.text()).sitemapindex.sitemap as { loc: string; lastmod?: string }[]);
  const names = sitemaps.map((s) => s.loc.replace(`${baseURL}/sitemaps/`, ''));
  expect(names).toEqual(['articles-1.xml', 'sections.xml', 'tags.xml', 'authors.xml']);

  const locs = new Map<string, string[]>();
  for (const sitemap of sitemaps) {
    expect(sitemap.loc.startsWith(`${baseURL}/`)).toBe(true);
    if (sitemap.lastmod) expect(sitemap.lastmod).toMatch(W3C_WITH_OFFSET);
    const response = await request.get(sitemap.loc);
    expect(response.status(), sitemap.loc).toBe(200);
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const urls = xml.parse(await response.text()).urlset.url as { loc: string; lastmod?: string; 'image:image'?: { 'image:loc': string }[] }[];
    expect(urls.length).toBeLessThanOrEqual(50_000);
    for (const url of urls) {
      expect(url.loc.startsWith(`${baseURL}/`), url.loc).toBe(true);
      if (url.lastmod) expect(url.lastmod).toMatch(W3C_WITH_OFFSET);
      for (const image of url['image:image'] ?? []) expect(image['image:loc'].startsWith(`${baseURL}/`)).toBe(true);
    }
    locs.set(sitemap.loc, urls.map((u) => u.loc.slice(baseURL!.length)));
    if (sitemap.loc.endsWith('articles-1.xml')) {
      expect(urls.every((u) => u.lastmod)).toBe(true);
      expect(urls.some((u) => (u['image:image'] ?? []).length > 0)).toBe(true);
    }
  }

  const db = openTestDb();
  const articlePaths = (
    db.prepare(`SELECT '/' || s.slug || '/' || a.slug AS path FROM articles a JOIN sections s ON s.id = a.section_id WHERE ${LIVE}`).all() as { path: string }[]
  ).map((r) => r.path);
  const listed = locs.get(`${baseURL}/sitemaps/articles-1.xml`)!.filter((p) => !/\/e2e-/.test(p));
  expect(new Set(listed)).toEqual(new Set(articlePaths));
  const sections = (db.prepare('SELECT slug FROM sections').all() as { slug: string }[]).map((s) => `/${s.slug}`);
  expect(new Set(locs.get(`${baseURL}/sitemaps/sections.xml`))).toEqual(new Set(sections));
  expect(locs.get(`${baseURL}/sitemaps/tags.xml`)!.length).toBeGreaterThan(0);
  expect(locs.get(`${baseURL}/sitemaps/authors.xml`)!.every((p) => p.startsWith('/author/'))).toBe(true);
  expect((await request.get('/sitemaps/articles-2.xml')).status()).toBe(404);
  expect((await request.get('/sitemaps/nothing.xml')).status()).toBe(404);
});

test('the news sitemap lists only the last 48 hours, with publication, date and title', async ({ request, baseURL }) => {
  const response = await request.get('/news-sitemap.xml');
  expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
  const urls = (xml.parse(await response.text()).urlset.url ?? []) as {
    loc: string;
    'news:news': {
      'news:publication': { 'news:name': string; 'news:language': string };
      'news:publication_date': string;
      'news:title': string;
    };
  }[];
  const recent = openTestDb()
    .prepare(`SELECT count(*) AS n FROM articles a WHERE ${LIVE} AND a.published_at >= ? AND a.published_at <= ?`)
    .get(Date.now() - 47 * 3_600_000, Date.now()) as { n: number };
  expect(recent.n, 'the demo seed publishes within the last 48 hours (db/seed.ts)').toBeGreaterThan(0);
  expect(urls.length).toBeGreaterThanOrEqual(Math.min(recent.n, 1000));
  expect(urls.length).toBeLessThanOrEqual(1000);
  for (const url of urls) {
    expect(url.loc.startsWith(`${baseURL}/`)).toBe(true);
    const news = url['news:news'];
    expect(news['news:publication']['news:name']).toBeTruthy();
    expect(news['news:publication']['news:language']).toBe('en');
    expect(news['news:title']).toBeTruthy();
    expect(news['news:publication_date']).toMatch(W3C_WITH_OFFSET);
    // Cached for a few minutes, so allow a little past 48 hours.
    expect(Date.now() - new Date(news['news:publication_date']).getTime()).toBeLessThan(49 * 3_600_000);
  }
});
