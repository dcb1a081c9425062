import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyToPlainText, countWords } from '../lib/body/text';
import type { BlockNode, BodyDoc, InlineNode } from '../lib/body/types';
import { openConnection, type Connection } from './client';
import { countWordsFast, createRng, makeArticleBody, makeStory } from './factories';
import { isDatabaseEmpty, resetContent, seedDatabase, startOfZonedDay, withBulkLoading, type SeedSummary } from './seed';

// Twenty minutes after midnight in Kyiv: the hardest moment for "items today".
const NOW = new Date('2026-11-26T22:20:00Z');
const HOUR = 3_600_000;

let dir: string;
let mediaDir: string;
let conn: Connection;
let summary: SeedSummary;

const all = <T>(query: string, ...params: unknown[]): T[] => conn.sqlite.prepare(query).all(...params) as T[];
const one = <T>(query: string, ...params: unknown[]): T => conn.sqlite.prepare(query).get(...params) as T;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-seed-'));
  mediaDir = path.join(dir, 'media');
  conn = openConnection(path.join(dir, 'gazette.db'));
  expect(await isDatabaseEmpty(conn)).toBe(true);
  summary = await seedDatabase(conn, { now: NOW, mediaDir });
}, 60_000);

afterAll(() => {
  conn?.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface ArticleRow {
  id: number;
  section: string;
  slug: string;
  kind: string;
  status: string;
  title: string;
  body: string;
  body_text: string;
  word_count: number;
  published_at: number | null;
  video_url: string | null;
}

function articleRows(): ArticleRow[] {
  return all<ArticleRow>(
    `SELECT a.id, s.slug AS section, a.slug, a.kind, a.status, a.title, a.body, a.body_text, a.word_count,
            a.published_at, a.video_url
       FROM articles a JOIN sections s ON s.id = a.section_id ORDER BY a.id`,
  );
}

function walk(doc: BodyDoc): { blocks: BlockNode[]; inlines: InlineNode[] } {
  const blocks: BlockNode[] = [];
  const inlines: InlineNode[] = [];
  const visit = (node: { type: string; content?: unknown[] }) => {
    if (node.type === 'text' || node.type === 'hardBreak') inlines.push(node as InlineNode);
    else blocks.push(node as BlockNode);
    for (const child of node.content ?? []) visit(child as { type: string; content?: unknown[] });
  };
  doc.content.forEach(visit);
  return { blocks, inlines };
}

describe('seedDatabase', () => {
  it('creates the newsroom: settings, sections, tags and bylines with the desk', () => {
    const settings = Object.fromEntries(
      all<{ key: string; value: string }>('SELECT key, value FROM settings').map((r) => [r.key, JSON.parse(r.value)]),
    );
    expect(settings).toMatchObject({ site_name: 'The Gazette', time_zone: 'Europe/Kyiv', breaking: null });

    const sections = all<{ slug: string; position: number }>('SELECT slug, position FROM sections ORDER BY position');
    expect(sections.length).toBeGreaterThanOrEqual(6);
    expect(sections.map((s) => s.slug)).toContain('news-feed');
    expect(new Set(sections.map((s) => s.position)).size).toBe(sections.length);

    expect(one<{ n: number }>('SELECT count(*) AS n FROM tags').n).toBe(40);
    const bylines = all<{ slug: string; kind: string; bio: string; avatar: string | null }>(
      'SELECT b.slug, b.kind, b.bio, m.file AS avatar FROM bylines b LEFT JOIN media m ON m.id = b.avatar_media_id',
    );
    expect(bylines).toHaveLength(8);
    expect(bylines).toContainEqual(expect.objectContaining({ slug: 'news-desk', kind: 'desk' }));
    for (const byline of bylines) {
      expect(byline.bio.length).toBeGreaterThan(40);
      expect(byline.avatar).toBeTruthy();
    }
  });

  it('writes 300 articles, mostly published, with work left for the desk', () => {
    expect(summary.articles).toBe(300);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM articles').n).toBe(300);
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>('SELECT status, count(*) AS n FROM articles GROUP BY status').map((r) => [r.status, r.n]),
    );
    expect(statuses.published).toBeGreaterThan(250);
    expect(statuses.draft).toBeGreaterThan(0);
    expect(statuses.in_review).toBeGreaterThan(0);
    expect(statuses.scheduled).toBeGreaterThan(0);
    const scheduled = all<{ scheduled_at: number }>("SELECT scheduled_at FROM articles WHERE status = 'scheduled'");
    for (const row of scheduled) expect(row.scheduled_at).toBeGreaterThan(NOW.getTime());

    const published = articleRows().filter((a) => a.status === 'published');
    for (const a of published) {
      expect(a.published_at).not.toBeNull();
      expect(a.published_at as number).toBeLessThanOrEqual(NOW.getTime());
      expect(a.published_at as number).toBeGreaterThan(NOW.getTime() - 61 * 24 * HOUR);
    }
  });

  it('fills the News Feed rail for today, yesterday and the day before in Kyiv', () => {
    const feed = all<{ published_at: number; word_count: number }>(
      `SELECT a.published_at, a.word_count FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE s.slug = 'news-feed' AND a.kind = 'feed' AND a.status = 'published' AND a.published_at > ?`,
      NOW.getTime() - 72 * HOUR,
    );
    expect(feed.length).toBeGreaterThanOrEqual(30);
    const today = startOfZonedDay(NOW.getTime(), 'Europe/Kyiv');
    expect(new Date(today).toISOString()).toBe('2026-11-26T22:00:00.000Z');
    const yesterday = startOfZonedDay(today - 1, 'Europe/Kyiv');
    const dayBefore = startOfZonedDay(yesterday - 1, 'Europe/Kyiv');
    expect(feed.some((f) => f.published_at >= today)).toBe(true);
    expect(feed.some((f) => f.published_at >= yesterday && f.published_at < today)).toBe(true);
    expect(feed.some((f) => f.published_at >= dayBefore && f.published_at < yesterday)).toBe(true);
    for (const item of feed) {
      expect(item.word_count).toBeGreaterThanOrEqual(60);
      expect(item.word_count).toBeLessThanOrEqual(150);
    }
    const desk = one<{ n: number }>(
      `SELECT count(*) AS n FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id
         JOIN articles a ON a.id = ab.article_id WHERE a.kind = 'feed' AND b.slug = 'news-desk'`,
    );
    expect(desk.n).toBeGreaterThan(summary.feedItems / 2);
  });

  it('gives every published article a hero image that exists on disk, stored once', () => {
    const missing = one<{ n: number }>(
      `SELECT count(*) AS n FROM articles a LEFT JOIN media m ON m.id = a.hero_media_id
        WHERE a.status = 'published' AND (m.id IS NULL OR a.hero_caption = '' OR a.hero_credit = '')`,
    );
    expect(missing.n).toBe(0);
    const media = all<{ file: string; hash: string; size: number; width: number; height: number; credit: string; alt: string }>(
      'SELECT file, hash, size, width, height, credit, alt FROM media',
    );
    expect(media.length).toBe(25);
    for (const m of media) {
      const file = path.join(mediaDir, m.file);
      expect(fs.existsSync(file), m.file).toBe(true);
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(m.size);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(m.hash);
      expect(m.alt).not.toBe('');
    }
    const heroes = media.filter((m) => m.width === 1600 && m.height === 900);
    expect(heroes.length).toBe(16);
    for (const hero of heroes) expect(hero.credit).toMatch(/^[A-Z][\w ]+\/[A-Z][\w ]+$/);
    const used = one<{ n: number }>('SELECT count(DISTINCT hero_media_id) AS n FROM articles');
    expect(used.n).toBeGreaterThan(10);
  });

  it('gives every article 1–2 ordered bylines and 2–5 ordered tags', () => {
    const counts = all<{ bylines: number; tags: number; byline_positions: string; tag_positions: string }>(
      `SELECT (SELECT count(*) FROM article_bylines ab WHERE ab.article_id = a.id) AS bylines,
              (SELECT count(*) FROM article_tags t WHERE t.article_id = a.id) AS tags,
              (SELECT group_concat(position) FROM (SELECT position FROM article_bylines WHERE article_id = a.id ORDER BY position)) AS byline_positions,
              (SELECT group_concat(position) FROM (SELECT position FROM article_tags WHERE article_id = a.id ORDER BY position)) AS tag_positions
         FROM articles a`,
    );
    for (const c of counts) {
      expect(c.bylines).toBeGreaterThanOrEqual(1);
      expect(c.bylines).toBeLessThanOrEqual(2);
      expect(c.tags).toBeGreaterThanOrEqual(2);
      expect(c.tags).toBeLessThanOrEqual(5);
      expect(c.byline_positions).toBe([...Array(c.bylines).keys()].join(','));
      expect(c.tag_positions).toBe([...Array(c.tags).keys()].join(','));
    }
  });

  it('makes the newest news story live coverage, with key points and six updates, one pinned', () => {
    const story = one<{ id: number; kind: string; status: string }>(`SELECT id, kind, status FROM articles WHERE slug = 'storm-vera-live'`);
    expect(story).toMatchObject({ kind: 'news', status: 'published' });
    const coverage = one<{ key_points: string; ended_at: number | null }>('SELECT key_points, ended_at FROM live_coverage WHERE article_id = ?', story.id);
    expect(JSON.parse(coverage.key_points).length).toBeGreaterThanOrEqual(3);
    expect(coverage.ended_at).toBeNull();
    const updates = all<{ pinned: number; created_at: number }>('SELECT pinned, created_at FROM live_updates WHERE article_id = ?', story.id);
    expect(updates).toHaveLength(6);
    expect(updates.filter((u) => u.pinned === 1)).toHaveLength(1);
    for (const u of updates) expect(u.created_at).toBeLessThanOrEqual(NOW.getTime());
  });

  it('keeps slugs unique within a section', () => {
    const duplicates = all('SELECT section_id, slug FROM articles GROUP BY section_id, slug HAVING count(*) > 1');
    expect(duplicates).toEqual([]);
    for (const a of articleRows()) expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has one published demo article with every embed in its body', () => {
    const demo = articleRows().filter((a) => a.body.includes('"type":"socialPost"'));
    expect(demo).toHaveLength(1);
    expect(demo[0]!.status).toBe('published');
    const blocks = (JSON.parse(demo[0]!.body) as BodyDoc).content;
    const types = blocks.map((b) => b.type);
    for (const type of ['gallery', 'table', 'pullQuote', 'document', 'audio']) expect(types).toContain(type);
    expect(new Set(blocks.flatMap((b) => (b.type === 'socialPost' ? [b.attrs.provider] : []))).size).toBe(2);
  });

  it('stores bodies whose plain text and word count match lib/body/text', () => {
    for (const a of articleRows()) {
      const doc = JSON.parse(a.body) as BodyDoc;
      expect(a.body_text).toBe(bodyToPlainText(doc));
      expect(a.word_count).toBe(countWords(a.body_text));
      // Feed items are short; the demo's live story is a short intro above its updates.
      if (a.kind === 'feed' || a.slug === 'storm-vera-live') continue;
      expect(a.word_count).toBeGreaterThanOrEqual(250);
      expect(a.word_count).toBeLessThanOrEqual(900);
      const { blocks, inlines } = walk(doc);
      const types = new Set(blocks.map((b) => b.type));
      expect(types).toContain('heading');
      expect(types).toContain('blockquote');
      expect(types.has('bulletList') || types.has('orderedList')).toBe(true);
      const hrefs = inlines.flatMap((n) =>
        n.type === 'text' ? (n.marks ?? []).flatMap((m) => (m.type === 'link' ? [m.attrs.href] : [])) : [],
      );
      expect(hrefs.some((h) => h.startsWith('https://example.org/'))).toBe(true);
      expect(hrefs.some((h) => /^\/[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(h))).toBe(true);
      const marks = new Set(inlines.flatMap((n) => (n.type === 'text' ? (n.marks ?? []).map((m) => m.type) : [])));
      expect(marks).toContain('bold');
      expect(marks).toContain('italic');
    }
  });

  it('puts a video in about one article in twelve, matching its videoUrl', () => {
    const withVideo = articleRows().filter((a) => a.video_url !== null);
    expect(withVideo.length).toBeGreaterThan(8);
    expect(withVideo.length).toBeLessThan(45);
    for (const a of withVideo) {
      const video = (JSON.parse(a.body) as BodyDoc).content.find((b) => b.type === 'video');
      expect(video?.type).toBe('video');
      if (video?.type !== 'video') continue;
      expect(a.video_url).toContain(video.attrs.videoId);
      if (video.attrs.provider === 'youtube') expect(video.attrs.videoId).toMatch(/^[A-Za-z0-9_-]{11}$/);
    }
    const images = articleRows().filter((a) => (JSON.parse(a.body) as BodyDoc).content.some((b) => b.type === 'image'));
    expect(images.length).toBeGreaterThan(20);
  });

  it('finds an article through the FTS index by a word of its title', () => {
    const article = articleRows().find((a) => a.status === 'published' && a.kind !== 'feed') as ArticleRow;
    const word = (article.title.match(/[A-Za-z]{5,}/g) ?? []).sort((a, b) => b.length - a.length)[0] as string;
    const hits = all<{ rowid: number }>('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', `"${word}"`);
    expect(hits.map((h) => h.rowid)).toContain(article.id);
  });

  it('curates a lead, four top stories and six Editors’ Picks from published stories', () => {
    const rows = all<{ slot: string; position: number; status: string; kind: string }>(
      `SELECT c.slot, c.position, a.status, a.kind FROM curation c JOIN articles a ON a.id = c.article_id
        ORDER BY c.slot, c.position`,
    );
    const positions = (slot: string) => rows.filter((r) => r.slot === slot).map((r) => r.position);
    expect(positions('lead')).toEqual([0]);
    expect(positions('top')).toEqual([0, 1, 2, 3]);
    expect(positions('picks')).toEqual([0, 1, 2, 3, 4, 5]);
    for (const row of rows) {
      expect(row.status).toBe('published');
      expect(row.kind).not.toBe('feed');
    }
  });

  it('records views for the last seven UTC days, with a clear most popular', () => {
    const days = all<{ day: string }>('SELECT DISTINCT day FROM page_views ORDER BY day');
    expect(days.length).toBeGreaterThan(0);
    expect(days.length).toBeLessThanOrEqual(7);
    for (const { day } of days) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Date.parse(`${day}T00:00:00Z`)).toBeGreaterThan(NOW.getTime() - 7 * 24 * HOUR);
    }
    const totals = all<{ views: number }>(
      'SELECT sum(count) AS views FROM page_views GROUP BY article_id ORDER BY views DESC LIMIT 10',
    );
    expect(totals.length).toBe(10);
    expect((totals[0] as { views: number }).views).toBeGreaterThan(2 * (totals[9] as { views: number }).views);
  });

  it('writes one revision snapshot per article', () => {
    expect(one<{ n: number }>('SELECT count(*) AS n FROM revisions').n).toBe(300);
    const revision = one<{ snapshot: string; title: string }>(
      'SELECT r.snapshot, a.title FROM revisions r JOIN articles a ON a.id = r.article_id LIMIT 1',
    );
    expect(JSON.parse(revision.snapshot)).toMatchObject({ title: revision.title, body: { type: 'doc' } });
  });

  it('is deterministic: the same seed gives the same words at any time of day', async () => {
    const other = openConnection(path.join(dir, 'second.db'));
    try {
      await seedDatabase(other, { now: new Date(NOW.getTime() + 13 * HOUR), mediaDir });
      const titles = (c: Connection) =>
        (c.sqlite.prepare('SELECT title FROM articles').all() as { title: string }[]).map((r) => r.title).sort();
      expect(titles(other)).toEqual(titles(conn));
      expect(await isDatabaseEmpty(other)).toBe(false);
      resetContent(other);
      expect(await isDatabaseEmpty(other)).toBe(true);
    } finally {
      other.sqlite.close();
    }
  }, 30_000);

  it('refuses, on the command line, to seed a database that has content', () => {
    const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'db/seed.ts'], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, GAZETTE_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--reset');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM articles').n).toBe(300);
  }, 30_000);
});

describe('factories', () => {
  it('count words exactly like lib/body/text', () => {
    const samples = [
      'The council voted 31 to 12 on Tuesday.',
      'Costs rose 3.5% to 1,250,000 hryvnias.',
      'The mayor\u2019s office said \u201cnot yet\u201d \u2014 twice.',
      'Night-bus pilot: four routes, from May 3.',
      'Caf\u00e9 owners in Ky\u00efv',
      '',
    ];
    for (const text of samples) expect(countWordsFast(text)).toBe(countWords(text));
  });

  it('build a body in the requested range from a story', () => {
    const rng = createRng(7);
    const body = makeArticleBody(rng, makeStory(rng, 'climate'), { minWords: 300, maxWords: 500 });
    expect(body.wordCount).toBeGreaterThanOrEqual(300);
    expect(body.wordCount).toBeLessThanOrEqual(500);
    expect(body.text).toBe(bodyToPlainText(body.doc));
  });
});

describe('withBulkLoading (benchmark-sized seeds)', () => {
  const schema = () => all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name`);

  it('drops the search trigger and article indexes during the load, then restores them exactly and fills the search index', () => {
    const before = schema();
    const title = `Bulk-loaded ferry timetable ${crypto.randomUUID().slice(0, 6)}`;
    withBulkLoading(conn, () => {
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles_fts_ai'`).n).toBe(0);
      conn.sqlite
        .prepare(
          `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status, modified_at)
           VALUES ('bulk-loaded', 1, 'news', ?, '', '{"type":"doc","content":[]}', 'quayside', 1, 'draft', 0)`,
        )
        .run(title);
    });
    expect(schema()).toEqual(before);
    const found = one<{ n: number }>(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'timetable AND quayside'`);
    expect(found.n).toBe(1);
    conn.sqlite.prepare(`DELETE FROM articles WHERE slug = 'bulk-loaded'`).run();
  });

  it('restores them when the load fails half-way', () => {
    const before = schema();
    expect(() =>
      withBulkLoading(conn, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(schema()).toEqual(before);
  });
});
