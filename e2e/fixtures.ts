import path from 'node:path';
import Database from 'better-sqlite3';

// Read-only look-ups in the database the e2e server was built and seeded with
// (scripts/e2e-server.mjs), so journeys can assert against real seeded content instead of
// hard-coding titles. The tests live outside the app, so opening SQLite here does not cross
// the app's data boundary (only db/client.ts opens it *inside* the app); the connection is
// read-only and never migrates or writes.
export const TEST_DB_PATH = path.join(__dirname, '..', 'test-data', 'gazette.db');

let connection: Database.Database | null = null;

export function openTestDb(): Database.Database {
  connection ??= new Database(TEST_DB_PATH, { readonly: true, fileMustExist: true });
  return connection;
}

export interface SeededByline {
  name: string;
  slug: string;
  hasAvatar: boolean;
}

export interface SeededArticle {
  id: number;
  /** "/{section}/{slug}" — the canonical address. */
  url: string;
  sectionSlug: string;
  sectionName: string;
  slug: string;
  title: string;
  dek: string;
  bylines: SeededByline[];
  tags: { name: string; slug: string }[];
  hero: { caption: string; credit: string };
}

export interface SeededVideoArticle {
  id: number;
  url: string;
  sectionSlug: string;
  slug: string;
  title: string;
}

// What readers can see: published, not deleted, already live.
const LIVE = `a.status = 'published' AND a.deleted_at IS NULL AND a.published_at <= @now`;
// A plain article: not a live-coverage page (e2e/live-coverage.spec.ts has its own journeys).
const NOT_LIVE_COVERAGE = `NOT EXISTS (SELECT 1 FROM live_coverage lc WHERE lc.article_id = a.id)`;

// The page shows the article's own caption and credit, falling back to the image's.
const HERO_CAPTION = `coalesce(nullif(a.hero_caption, ''), m.caption, '')`;
const HERO_CREDIT = `coalesce(nullif(a.hero_credit, ''), m.credit, '')`;

interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  dek: string;
  sectionSlug: string;
  sectionName: string;
  heroCaption: string;
  heroCredit: string;
}

/**
 * A published, non-feed article with everything the article page can show: dek, body, a hero
 * image with caption and credit, bylines (all with avatars when the seed has such an article)
 * and at least two tags. The newest such article, so it is among the prerendered ones.
 */
export function getPublishedArticle(): SeededArticle {
  const db = openTestDb();
  const row = db
    .prepare<{ now: number }, ArticleRow>(
      `SELECT a.id, a.slug, a.title, a.dek, s.slug AS sectionSlug, s.name AS sectionName,
              ${HERO_CAPTION} AS heroCaption, ${HERO_CREDIT} AS heroCredit
         FROM articles a
         JOIN sections s ON s.id = a.section_id
         JOIN media m ON m.id = a.hero_media_id
        WHERE ${LIVE}
          AND ${NOT_LIVE_COVERAGE}
          AND a.kind <> 'feed'
          AND a.dek <> ''
          AND a.word_count > 0
          AND ${HERO_CAPTION} <> '' AND ${HERO_CREDIT} <> ''
          AND (SELECT count(*) FROM article_tags t WHERE t.article_id = a.id) >= 2
          AND EXISTS (SELECT 1 FROM article_bylines ab WHERE ab.article_id = a.id)
        ORDER BY EXISTS (SELECT 1 FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id
                          WHERE ab.article_id = a.id AND b.avatar_media_id IS NULL),
                 a.published_at DESC, a.id DESC
        LIMIT 1`,
    )
    .get({ now: Date.now() });
  if (!row) {
    throw new Error(
      `No published non-feed article with a dek, a captioned and credited hero image, bylines and ≥2 tags in ${TEST_DB_PATH}: check db/seed.ts.`,
    );
  }

  const bylines = db
    .prepare<[number], { name: string; slug: string; hasAvatar: number }>(
      `SELECT b.name, b.slug, b.avatar_media_id IS NOT NULL AS hasAvatar
         FROM article_bylines ab JOIN bylines b ON b.id = ab.byline_id
        WHERE ab.article_id = ? ORDER BY ab.position`,
    )
    .all(row.id)
    .map((b) => ({ name: b.name, slug: b.slug, hasAvatar: b.hasAvatar === 1 }));

  const tags = db
    .prepare<[number], { name: string; slug: string }>(
      `SELECT t.name, t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id = ? ORDER BY at.position`,
    )
    .all(row.id);

  return {
    id: row.id,
    url: `/${row.sectionSlug}/${row.slug}`,
    sectionSlug: row.sectionSlug,
    sectionName: row.sectionName,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    bylines,
    tags,
    hero: { caption: row.heroCaption, credit: row.heroCredit },
  };
}

/**
 * A published article with an embedded video: a video node in its body (preferred) or,
 * failing that, a video URL.
 */
export function getArticleWithVideo(): SeededVideoArticle {
  const row = openTestDb()
    .prepare<{ now: number }, Omit<SeededVideoArticle, 'url'>>(
      `SELECT a.id, a.slug, a.title, s.slug AS sectionSlug
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE ${LIVE}
          AND ${NOT_LIVE_COVERAGE}
          AND (instr(a.body, '"type":"video"') > 0 OR coalesce(a.video_url, '') <> '')
        ORDER BY instr(a.body, '"type":"video"') > 0 DESC, a.published_at DESC, a.id DESC
        LIMIT 1`,
    )
    .get({ now: Date.now() });
  if (!row) throw new Error(`No published article with a video in ${TEST_DB_PATH}: check db/seed.ts.`);
  return { ...row, url: `/${row.sectionSlug}/${row.slug}` };
}

/** The seed's live story (db/seed.ts seedLiveCoverage): its address and its updates, newest first, pinned on top. */
export function getSeededLiveStory(): { id: number; url: string; title: string; updates: { id: number; title: string; body: string; pinned: boolean }[] } {
  const db = openTestDb();
  const row = db
    .prepare<[], { id: number; url: string; title: string }>(
      `SELECT a.id, '/' || s.slug || '/' || a.slug AS url, a.title FROM live_coverage lc
         JOIN articles a ON a.id = lc.article_id JOIN sections s ON s.id = a.section_id
        WHERE a.slug = 'storm-vera-live'`,
    )
    .get();
  if (!row) throw new Error(`No seeded live story in ${TEST_DB_PATH}: check db/seed.ts.`);
  const updates = db
    .prepare<[number], { id: number; title: string; body: string; pinned: number }>(
      `SELECT id, title, body, pinned FROM live_updates WHERE article_id = ? AND deleted_at IS NULL ORDER BY pinned DESC, created_at DESC, id DESC`,
    )
    .all(row.id)
    .map((u) => ({ ...u, pinned: u.pinned === 1 }));
  return { ...row, updates };
}

export interface FeedItem {
  title: string;
  publishedAt: Date;
}

// The newest published News Feed items, as the rail lists them.
export function getLatestFeedItems(limit: number): FeedItem[] {
  const rows = openTestDb()
    .prepare(
      `SELECT title, published_at AS publishedAt FROM articles
       WHERE status = 'published' AND deleted_at IS NULL AND kind = 'feed'
       ORDER BY published_at DESC, id DESC LIMIT ?`,
    )
    .all(limit) as { title: string; publishedAt: number }[];
  return rows.map((r) => ({ title: r.title, publishedAt: new Date(r.publishedAt) }));
}

export function getNewsroomTimeZone(): string {
  const row = openTestDb().prepare(`SELECT value FROM settings WHERE key = 'time_zone'`).get() as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as string) : 'Europe/Kyiv';
}

/** An article as the editor API takes it (PUT /api/admin/articles/:id), read from `db`. */
export function articleInput(db: Database.Database, id: number) {
  const a = db.prepare('SELECT title, dek, slug, section_id AS sectionId, kind, body FROM articles WHERE id = ?').get(id) as {
    title: string;
    dek: string;
    slug: string;
    sectionId: number;
    kind: string;
    body: string;
  };
  const bylineIds = db.prepare('SELECT byline_id FROM article_bylines WHERE article_id = ? ORDER BY position').pluck().all(id) as number[];
  return { ...a, body: JSON.parse(a.body), bylineIds };
}
