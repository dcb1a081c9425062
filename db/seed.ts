// Demo and benchmark content for The Gazette, built from db/factories.ts.
//
//   node --conditions=react-server --import tsx db/seed.ts [--articles N] [--reset]
//
// Words, people and pictures are deterministic (fixed seed); times are relative to `now`, so
// the site always looks freshly written. Rows go through prepared statements on the raw
// better-sqlite3 handle: the ORM's per-row overhead would dominate a 100,000-article run.
// Up to 10,000 articles the whole seed is one transaction; above that (a benchmark run, with
// 2,000 tags and 50 bylines) it commits every 5,000 articles and keeps revisions only for
// unpublished work. The search indexes follow the articles, bylines and tags through their
// triggers (built once at the end of a large run, withBulkLoading).
//
// Images are drawn locally and written once to <media dir>/seed/<name>-<hash>.jpg; the hash
// in the name lets a re-run reuse them.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { getDatabasePath, getMediaDir } from '../platform/paths';
import { slugify } from '../lib/site/slug';
import { bodyToPlainText, countWords } from '../lib/body/text';
import type { BodyDoc } from '../lib/body/types';
import { openConnection, type Connection } from './client';
import { seedEmbedsDemo } from './seed-embeds';
import {
  AVATAR_SPECS,
  HERO_SPECS,
  PHOTO_CREDITS,
  SECTION_DEFS,
  SEED,
  articleRng,
  avatarSvg,
  chance,
  createRng,
  deskAvatarSvg,
  formatCredit,
  grainTile,
  heroSvg,
  int,
  makeArticleContent,
  makeBylineDefs,
  makeCorrection,
  makeHeroCaption,
  makeInternalNote,
  makeTagDefs,
  pick,
  pickSkewed,
  sample,
  type InlineImage,
  type RelatedLink,
  type Rng,
  type SectionDef,
  type SectionTopic,
  type Topic,
} from './factories';
import type { ArticleStatus } from '../lib/domain';
import { articles, bylines, media, sections, tags } from './schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BATCH = 5_000;
// Above this many articles the seed is a benchmark: more tags and bylines, fewer revisions.
const LARGE_RUN = 10_000;

export const NEWSROOM_TIME_ZONE = 'Europe/Kyiv';
export const DESK_BYLINE_SLUG = 'news-desk';
export const FEED_SECTION_SLUG = 'news-feed';

export interface SeedOptions {
  // Total articles, News Feed items included. Default 300.
  articles?: number;
  // Times are placed relative to this instant. Default: the current time.
  now?: Date;
  seed?: number;
  // How far back published articles reach, in days. Default 60.
  days?: number;
  // Where the seed images are written. Default getMediaDir().
  mediaDir?: string;
  // One revision per article. Default: on up to 10,000 articles, otherwise only for the
  // desk's unpublished work.
  revisions?: boolean;
  log?: (line: string) => void;
}

export interface SeedSummary {
  articles: number;
  published: number;
  feedItems: number;
  sections: number;
  tags: number;
  bylines: number;
  media: number;
  revisions: number;
  pageViews: number;
  curation: number;
  // Milliseconds per phase.
  timings: Record<string, number>;
}

// True when no content has been created yet: no articles, sections, bylines, tags or media.
// Users, settings and the audit log do not count.
export async function isDatabaseEmpty(conn: Connection): Promise<boolean> {
  for (const table of [articles, sections, bylines, tags, media]) {
    const rows = await conn.db.select({ one: sql<number>`1` }).from(table).limit(1);
    if (rows.length > 0) return false;
  }
  return true;
}

const CONTENT_TABLES = [
  'live_updates',
  'live_coverage',
  'curation',
  'page_views',
  'revisions',
  'article_tags',
  'article_bylines',
  'article_related',
  'redirects',
  'articles',
  'bylines',
  'tags',
  'sections',
  'media',
] as const;

// The search triggers (db/migrations/0014_search_people_tags.sql): a bulk load or a reset sets
// them aside and brings the search indexes up to date once, instead of row by row.
const SEARCH_TRIGGERS = `type = 'trigger' AND (name LIKE 'articles_fts_%' OR name LIKE 'search_names_%')`;
const SEARCH_INDEXES = ['articles_fts', 'articles_words'] as const;

// Deletes every content row (not users, settings or the audit log) and restarts their ids. Row by
// row, the search triggers would re-index every article once per tag and byline link deleted.
export function resetContent(conn: Connection): void {
  const { sqlite } = conn;
  sqlite.transaction(() => {
    const triggers = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE ${SEARCH_TRIGGERS}`).all() as { name: string; sql: string }[];
    for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
    for (const table of CONTENT_TABLES) sqlite.prepare(`DELETE FROM ${table}`).run();
    for (const index of SEARCH_INDEXES) sqlite.exec(`INSERT INTO ${index}(${index}) VALUES ('delete-all')`);
    for (const trigger of triggers) sqlite.exec(trigger.sql);
    const names = CONTENT_TABLES.map((t) => `'${t}'`).join(', ');
    sqlite.prepare(`DELETE FROM sqlite_sequence WHERE name IN (${names})`).run();
  })();
}

// ---------------------------------------------------------------------------------------------
// Time helpers

// UTC instant of midnight, local time in `timeZone`, on the local day containing `ms`.
export function startOfZonedDay(ms: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offset = (at: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = Number(part.value);
    const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    return asUtc - Math.floor(at / 1000) * 1000;
  };
  const local = ms + offset(ms);
  const localMidnight = local - (((local % DAY) + DAY) % DAY);
  let guess = localMidnight - offset(localMidnight);
  guess = localMidnight - offset(guess);
  return guess;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Images

interface SeededImage {
  id: number;
  alt: string;
  credit: string;
  topics: readonly SectionTopic[];
  scene: string;
}

interface SeededMedia {
  heroes: SeededImage[];
  avatars: SeededImage[];
  desk: SeededImage;
}

interface ImageJob {
  name: string;
  svg: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  // "Photographer/Agency", as printed under the picture.
  credit: string;
  agency: string;
  focal: [number, number];
  topics: readonly SectionTopic[];
  scene: string;
}

const JPEG_QUALITY = 82;

function renderJpeg(svg: string, grain: Buffer): Promise<Buffer> {
  return sharp(Buffer.from(svg))
    .composite([{ input: grain, raw: { width: 160, height: 160, channels: 1 }, tile: true, blend: 'soft-light' }])
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
}

// Rendering takes a second or two, so a file is reused when one drawn from the same SVG is
// already on disk: the name carries a hash of everything that shapes the picture.
async function renderOnce(dir: string, job: ImageJob, grain: Buffer): Promise<{ file: string; buffer: Buffer }> {
  const key = crypto.createHash('sha256').update(job.svg).update(grain).update(`q${JPEG_QUALITY}`).digest('hex').slice(0, 10);
  const file = `${job.name}-${key}.jpg`;
  const full = path.join(dir, file);
  if (fs.existsSync(full)) return { file, buffer: fs.readFileSync(full) };
  const buffer = await renderJpeg(job.svg, grain);
  const temp = `${full}.${process.pid}.tmp`;
  fs.writeFileSync(temp, buffer);
  fs.renameSync(temp, full);
  return { file, buffer };
}

interface RenderedImages {
  jobs: ImageJob[];
  files: { file: string; buffer: Buffer }[];
}

// Draws the seed pictures and writes them under <media>/seed/ (no database work).
async function renderSeedImages(mediaDir: string, seed: number): Promise<RenderedImages> {
  const rng = createRng(seed ^ 0x1a2b3c);
  const jobs: ImageJob[] = HERO_SPECS.map((spec, i) => ({
    name: `hero-${String(i + 1).padStart(2, '0')}`,
    svg: heroSvg(spec, rng),
    width: 1600,
    height: 900,
    alt: spec.alt,
    caption: spec.caption,
    credit: formatCredit(PHOTO_CREDITS[i % PHOTO_CREDITS.length] ?? { photographer: 'Staff', agency: 'Gazette' }),
    agency: (PHOTO_CREDITS[i % PHOTO_CREDITS.length] ?? { agency: 'Gazette' }).agency,
    focal: [0.5, 0.45],
    topics: spec.topics,
    scene: spec.scene,
  }));
  AVATAR_SPECS.forEach((spec, i) => {
    jobs.push({
      name: `avatar-${String(i + 1).padStart(2, '0')}`,
      svg: avatarSvg(spec),
      width: 400,
      height: 400,
      alt: 'Portrait illustration: a head-and-shoulders silhouette on a coloured background',
      caption: '',
      credit: 'Illustration/Gazette',
      agency: 'Gazette',
      focal: [0.5, 0.4],
      topics: [],
      scene: '',
    });
  });
  jobs.push({
    name: 'desk-avatar',
    svg: deskAvatarSvg(),
    width: 400,
    height: 400,
    alt: 'The Gazette monogram: a white G on dark blue inside an orange ring',
    caption: '',
    credit: 'Gazette',
    agency: 'Gazette',
    focal: [0.5, 0.5],
    topics: [],
    scene: '',
  });

  const grain = grainTile(rng);
  const dir = path.join(mediaDir, 'seed');
  fs.mkdirSync(dir, { recursive: true });
  const files = await Promise.all(jobs.map((job) => renderOnce(dir, job, grain)));
  return { jobs, files };
}

function insertSeedMedia(conn: Connection, { jobs, files }: RenderedImages, nowMs: number): SeededMedia {
  const insert = conn.sqlite.prepare(
    `INSERT INTO media (file, original_name, mime_type, size, width, height, alt, caption, credit,
       source_agency, usage_rights, focal_x, focal_y, hash, created_at)
     VALUES (?, ?, 'image/jpeg', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const images: SeededImage[] = [];
  conn.sqlite.transaction(() => {
    jobs.forEach((job, i) => {
      const { file, buffer } = files[i] as { file: string; buffer: Buffer };
      const staff = job.agency === 'Gazette';
      const result = insert.run(
        `seed/${file}`,
        `${job.name}.jpg`,
        buffer.length,
        job.width,
        job.height,
        job.alt,
        job.caption,
        job.credit,
        job.agency,
        staff ? 'Staff work, all uses' : 'Licensed for editorial use',
        job.focal[0],
        job.focal[1],
        crypto.createHash('sha256').update(buffer).digest('hex'),
        nowMs - 120 * DAY + i * HOUR,
      );
      images.push({ id: Number(result.lastInsertRowid), alt: job.alt, credit: job.credit, topics: job.topics, scene: job.scene });
    });
  })();
  const heroes = images.slice(0, HERO_SPECS.length);
  const avatars = images.slice(HERO_SPECS.length, HERO_SPECS.length + AVATAR_SPECS.length);
  const desk = images[images.length - 1] as SeededImage;
  return { heroes, avatars, desk };
}

// ---------------------------------------------------------------------------------------------
// The plan: what each article is and when it happens, before any words are written.

interface PlanEntry {
  index: number;
  section: SectionDef;
  kindHint: 'feed' | 'regular';
  status: ArticleStatus;
  // Published time, or last-modified time for unpublished work.
  at: number;
  scheduledAt: number | null;
}

const SECTION_WEIGHTS: Record<string, number> = {
  politics: 17, city: 24, business: 15, climate: 12, culture: 12, sport: 12, opinion: 8,
};

function planArticles(total: number, seed: number, now: number, days: number): PlanEntry[] {
  const rng = createRng(seed ^ 0x9a7e);
  const bySlug = new Map(SECTION_DEFS.map((s) => [s.slug, s]));
  const feedSection = bySlug.get(FEED_SECTION_SLUG) as SectionDef;
  const regularSections = SECTION_DEFS.filter((s) => s.topic !== 'feed');
  const weightTotal = regularSections.reduce((sum, s) => sum + (SECTION_WEIGHTS[s.slug] ?? 1), 0);
  const pickSection = (): SectionDef => {
    let r = rng() * weightTotal;
    for (const s of regularSections) {
      r -= SECTION_WEIGHTS[s.slug] ?? 1;
      if (r < 0) return s;
    }
    return regularSections[0] as SectionDef;
  };

  const small = total < 80;
  const feedCount = small ? Math.floor(total / 2) : Math.max(36, Math.round(total * 0.15));
  // At least 36 in the last three days, more on big runs so the rail is as dense as the archive.
  const recentFeed = Math.min(feedCount, Math.max(36, Math.round((feedCount * 3) / days)));
  const drafts = small ? Math.min(1, total) : Math.max(6, Math.round(total * 0.01));
  const inReview = small ? 0 : Math.max(3, Math.round(total * 0.005));
  const scheduled = small ? 0 : Math.max(3, Math.round(total * 0.005));
  const unpublished = small ? 0 : Math.max(1, Math.round(total * 0.002));
  const regular = Math.max(0, total - feedCount - drafts - inReview - scheduled - unpublished);

  const entries: PlanEntry[] = [];
  let index = 0;
  const add = (section: SectionDef, kindHint: PlanEntry['kindHint'], status: ArticleStatus, at: number, scheduledAt: number | null = null) => {
    entries.push({ index: index++, section, kindHint, status, at, scheduledAt });
  };

  // The News Feed rail needs items today, yesterday and the day before in the newsroom's
  // zone: the newest item lands after local midnight, the rest every ~1.9 hours back from it,
  // all within the last 72 hours.
  const midnight = startOfZonedDay(now, NEWSROOM_TIME_ZONE);
  const newestJitter = (3 + rng() * 37) * MINUTE;
  const newest = now - newestJitter > midnight ? now - newestJitter : midnight + (now - midnight) / 2;
  const step = (66 * HOUR) / Math.max(1, recentFeed - 1);
  for (let k = 0; k < recentFeed; k++) {
    const jitter = (rng() - 0.5) * 30 * MINUTE;
    add(feedSection, 'feed', 'published', k === 0 ? newest : newest - k * step + jitter);
  }
  for (let k = recentFeed; k < feedCount; k++) {
    add(feedSection, 'feed', 'published', now - 3 * DAY - rng() * (days - 3) * DAY);
  }
  for (let k = 0; k < regular; k++) {
    add(pickSection(), 'regular', 'published', now - 10 * MINUTE - rng() * (days * DAY - 10 * MINUTE));
  }
  for (let k = 0; k < drafts; k++) add(pickSection(), 'regular', 'draft', now - rng() * 5 * DAY);
  for (let k = 0; k < inReview; k++) add(pickSection(), 'regular', 'in_review', now - rng() * 2 * DAY);
  for (let k = 0; k < scheduled; k++) {
    const modified = now - rng() * 2 * DAY;
    add(pickSection(), 'regular', 'scheduled', modified, now + 2 * HOUR + rng() * 7 * DAY);
  }
  for (let k = 0; k < unpublished; k++) {
    add(pickSection(), 'regular', 'unpublished', now - 5 * DAY - rng() * (days - 5) * DAY);
  }
  // Oldest first, so ids follow time like a real archive.
  entries.sort((a, b) => a.at - b.at || a.index - b.index);
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Seeding

interface PublishedRef {
  id: number;
  at: number;
  kind: string;
  feed: boolean;
}

// Content rows (articles, sections, bylines, tags, media) exist. Synchronous, for use inside
// a transaction.
function hasContent(conn: Connection): boolean {
  const row = conn.sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM sections) OR EXISTS (SELECT 1 FROM bylines)
         OR EXISTS (SELECT 1 FROM tags) OR EXISTS (SELECT 1 FROM media) AS found`,
    )
    .get() as { found: number };
  return row.found === 1;
}

// Writes the demo content. Up to 10,000 articles it is one transaction, so a failed run
// leaves nothing behind; bigger runs commit every 5,000 articles.
export async function seedDatabase(conn: Connection, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const images = await renderSeedImages(options.mediaDir ?? getMediaDir(), options.seed ?? SEED);
  const renderMs = Math.round(performance.now() - started);
  const total = Math.max(1, Math.floor(options.articles ?? 300));
  const summary =
    total > LARGE_RUN
      ? withBulkLoading(conn, () => writeSeed(conn, images, options), options.log, { searchNamesWritten: true })
      : conn.sqlite.transaction(() => writeSeed(conn, images, options))();
  conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  summary.timings = { images: renderMs, ...summary.timings };
  return summary;
}

// A benchmark-sized seed writes ~100,000 articles into an empty database. Keeping the search
// index and a dozen secondary indexes up to date row by row made that ~2 ms an article; building
// them once at the end, from sorted data, takes seconds. The trigger and index definitions are
// read back from the database itself and re-created exactly, whatever happens in between, and
// durability is relaxed only for the load (a crash mid-seed leaves a seed to redo, not a newsroom).
// `searchNamesWritten`: the load wrote articles.byline_names and tag_names itself (the seed does);
// otherwise they are filled from the link tables afterwards, which rewrites every article row.
export function withBulkLoading<T>(
  conn: Connection,
  load: () => T,
  log: (line: string) => void = () => {},
  options: { searchNamesWritten?: boolean } = {},
): T {
  const { sqlite } = conn;
  const deferred = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
        WHERE tbl_name IN ('articles', 'article_tags', 'article_bylines', 'bylines', 'tags', 'revisions') AND sql IS NOT NULL
          AND ((type = 'index' AND name NOT LIKE 'sqlite_autoindex%') OR (${SEARCH_TRIGGERS}))`,
    )
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  for (const item of deferred) sqlite.exec(`DROP ${item.type.toUpperCase()} IF EXISTS "${item.name}"`);
  try {
    return load();
  } finally {
    const started = performance.now();
    sqlite.transaction(() => {
      // The names the search triggers would have written link by link, in one pass.
      if (!options.searchNamesWritten) sqlite.exec(
        `UPDATE articles SET
           byline_names = coalesce((SELECT group_concat(b.name, ', ' ORDER BY ab.position) FROM article_bylines ab
                                      JOIN bylines b ON b.id = ab.byline_id WHERE ab.article_id = articles.id), ''),
           tag_names = coalesce((SELECT group_concat(t.name, ', ' ORDER BY at.position) FROM article_tags at
                                   JOIN tags t ON t.id = at.tag_id WHERE at.article_id = articles.id), '')`,
      );
      for (const item of deferred) sqlite.exec(item.sql);
      for (const index of SEARCH_INDEXES) sqlite.exec(`INSERT INTO ${index}(${index}) VALUES ('rebuild')`);
    })();
    sqlite.pragma('synchronous = NORMAL');
    log(`  indexes and search index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

// Seeds only when the database has no content, deciding inside a write transaction so two
// processes starting at once cannot both seed. Returns null when there was content already.
export async function seedIfEmpty(conn: Connection, options: SeedOptions = {}): Promise<SeedSummary | null> {
  if (!(await isDatabaseEmpty(conn))) return null;
  const total = Math.max(1, Math.floor(options.articles ?? 300));
  if (total > LARGE_RUN) return seedDatabase(conn, options);
  const started = performance.now();
  const images = await renderSeedImages(options.mediaDir ?? getMediaDir(), options.seed ?? SEED);
  const renderMs = Math.round(performance.now() - started);
  const summary = conn.sqlite
    .transaction(() => (hasContent(conn) ? null : writeSeed(conn, images, options)))
    .immediate();
  if (summary) {
    conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    summary.timings = { images: renderMs, ...summary.timings };
  }
  return summary;
}

function writeSeed(conn: Connection, images: RenderedImages, options: SeedOptions): SeedSummary {
  const total = Math.max(1, Math.floor(options.articles ?? 300));
  const nowMs = (options.now ?? new Date()).getTime();
  const seed = options.seed ?? SEED;
  const days = Math.max(4, options.days ?? 60);
  const large = total > LARGE_RUN;
  const allRevisions = options.revisions ?? !large;
  const log = options.log ?? (() => {});
  const sqlite = conn.sqlite;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    timings[name] = Math.round(t - mark);
    mark = t;
  };

  const seededMedia = insertSeedMedia(conn, images, nowMs);
  lap('media');

  // Settings: values are JSON (the column is a JSON text column).
  const setSetting = sqlite.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const sectionIds = new Map<string, number>();
  const tagIdsByTopic = new Map<Topic, number[]>();
  const coreTagIdsByTopic = new Map<Topic, number[]>();
  const allTagIds: number[] = [];
  const bylinesByBeat = new Map<SectionTopic, number[]>();
  const personBylineIds: number[] = [];
  let deskBylineId = 0;
  const tagCount = large ? 2_000 : 40;
  const bylineCount = large ? 50 : 8;

  sqlite.transaction(() => {
    // GAZETTE_SITE_NAME / GAZETTE_TIME_ZONE give a new newsroom its first settings.
    setSetting.run('site_name', JSON.stringify(process.env.GAZETTE_SITE_NAME?.trim() || 'The Gazette'));
    setSetting.run('time_zone', JSON.stringify(process.env.GAZETTE_TIME_ZONE?.trim() || NEWSROOM_TIME_ZONE));
    setSetting.run('breaking', JSON.stringify(null));

    const insertSection = sqlite.prepare(
      'INSERT INTO sections (name, slug, description, position, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    SECTION_DEFS.forEach((s, position) => {
      const result = insertSection.run(s.name, s.slug, s.description, position, nowMs - 365 * DAY);
      sectionIds.set(s.slug, Number(result.lastInsertRowid));
    });

    const insertTag = sqlite.prepare('INSERT INTO tags (name, slug, description, created_at) VALUES (?, ?, ?, ?)');
    const usedTagSlugs = new Set<string>();
    makeTagDefs(createRng(seed ^ 0x7a9), tagCount).forEach((def, i) => {
      let slug = slugify(def.name);
      for (let n = 2; usedTagSlugs.has(slug); n++) slug = `${slugify(def.name)}-${n}`;
      usedTagSlugs.add(slug);
      const description = i < 40 ? `Gazette coverage of ${def.name.toLowerCase()} in the city.` : '';
      const id = Number(insertTag.run(def.name, slug, description, nowMs - 300 * DAY).lastInsertRowid);
      allTagIds.push(id);
      pushTo(tagIdsByTopic, def.topic, id);
      if (i < 40) pushTo(coreTagIdsByTopic, def.topic, id);
    });

    const insertByline = sqlite.prepare(
      'INSERT INTO bylines (name, slug, kind, job_title, bio, avatar_media_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const usedBylineSlugs = new Set<string>();
    let personIndex = 0;
    for (const def of makeBylineDefs(createRng(seed ^ 0xb1e), bylineCount)) {
      let slug = def.kind === 'desk' ? DESK_BYLINE_SLUG : slugify(def.name);
      for (let n = 2; usedBylineSlugs.has(slug); n++) slug = `${slugify(def.name)}-${n}`;
      usedBylineSlugs.add(slug);
      const avatar =
        def.kind === 'desk'
          ? seededMedia.desk
          : (seededMedia.avatars[personIndex++ % seededMedia.avatars.length] as SeededImage);
      const id = Number(
        insertByline.run(def.name, slug, def.kind, def.jobTitle, def.bio, avatar.id, nowMs - 400 * DAY).lastInsertRowid,
      );
      if (def.kind === 'desk') {
        deskBylineId = id;
      } else {
        personBylineIds.push(id);
        pushTo(bylinesByBeat, def.beat, id);
      }
    }
  })();
  lap('taxonomy');

  const plan = planArticles(total, seed, nowMs, days);
  lap('plan');

  // byline_names and tag_names are what the search triggers write when the links are inserted
  // (db/migrations/0014_search_people_tags.sql); written here too, so a bulk load need not fill them.
  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (slug, section_id, kind, title, dek, body, body_text, word_count, status,
       published_at, updated_at, scheduled_at, modified_at, hero_media_id, hero_caption, hero_credit,
       video_url, corrections, review_deadline, internal_notes, version, created_at, byline_names, tag_names)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const namesOf = (table: 'bylines' | 'tags') =>
    new Map((sqlite.prepare(`SELECT id, name FROM ${table}`).all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  const bylineNames = namesOf('bylines');
  const tagNames = namesOf('tags');
  const insertArticleByline = sqlite.prepare(
    'INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, ?, ?)',
  );
  const insertArticleTag = sqlite.prepare('INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)');
  const insertRevision = sqlite.prepare(
    'INSERT INTO revisions (article_id, version, snapshot, note, created_at) VALUES (?, 1, ?, ?, ?)',
  );

  const inlineImages: InlineImage[] = seededMedia.heroes.map((h) => ({ mediaId: h.id, alt: h.alt, credit: h.credit }));
  const heroesFor = new Map<SectionTopic, SeededImage[]>();
  for (const hero of seededMedia.heroes) {
    for (const topic of hero.topics) pushTo(heroesFor, topic, hero);
  }
  const usedSlugs = new Map<number, Set<string>>();
  const recentPublished: RelatedLink[] = [];
  const published: PublishedRef[] = [];
  let revisionCount = 0;
  let feedItems = 0;

  const pickBylines = (rng: Rng, section: SectionTopic, topic: Topic): number[] => {
    if (section === 'feed') {
      return chance(rng, 0.85) ? [deskBylineId] : [pickSkewed(rng, bylinesByBeat.get(topic) ?? personBylineIds)];
    }
    const beat: SectionTopic = section === 'opinion' && chance(rng, 0.3) ? topic : section;
    const first = pickSkewed(rng, bylinesByBeat.get(beat) ?? personBylineIds, 1.5);
    if (!chance(rng, 0.25) || personBylineIds.length < 2) return [first];
    let second = pick(rng, personBylineIds);
    if (second === first) second = personBylineIds[(personBylineIds.indexOf(first) + 1) % personBylineIds.length] as number;
    return [first, second];
  };

  const pickTags = (rng: Rng, topic: Topic): number[] => {
    const chosen = new Set<number>();
    chosen.add(pickSkewed(rng, coreTagIdsByTopic.get(topic) ?? allTagIds, 1.5));
    const wanted = int(rng, 2, 5);
    for (let attempt = 0; chosen.size < wanted && attempt < 20; attempt++) {
      chosen.add(chance(rng, 0.6) ? pickSkewed(rng, tagIdsByTopic.get(topic) ?? allTagIds, 2) : pickSkewed(rng, allTagIds, 2.5));
    }
    return [...chosen];
  };

  for (let start = 0; start < plan.length; start += BATCH) {
    const batch = plan.slice(start, start + BATCH);
    sqlite.transaction(() => {
      for (const entry of batch) {
        const rng = articleRng(seed, entry.index);
        const sectionTopic = entry.section.topic;
        const isFeed = sectionTopic === 'feed';
        // Always draw, so the rest of this article's stream never depends on what came before.
        const relatedDraw = rng();
        const related = recentPublished.length > 0 ? (recentPublished[Math.floor(relatedDraw * recentPublished.length)] as RelatedLink) : null;
        const content = makeArticleContent(rng, {
          section: sectionTopic,
          topic: isFeed || sectionTopic === 'opinion' ? undefined : (sectionTopic as Topic),
          images: inlineImages,
          related,
          feedScenario: isFeed ? entry.index : undefined,
        });
        const kind = isFeed
          ? 'feed'
          : sectionTopic === 'opinion'
            ? 'opinion'
            : pick(rng, ['news', 'news', 'news', 'news', 'news', 'news', 'news', 'feature', 'feature', 'analysis'] as const);
        const heroPool = heroesFor.get(sectionTopic) ?? seededMedia.heroes;
        const hero = pick(rng, heroPool);
        const heroCaption = makeHeroCaption(rng, content.story, hero.scene);
        const bylineIds = pickBylines(rng, sectionTopic, content.topic);
        const tagIds = pickTags(rng, content.topic);

        const sectionId = sectionIds.get(entry.section.slug) as number;
        let slugs = usedSlugs.get(sectionId);
        if (!slugs) usedSlugs.set(sectionId, (slugs = new Set()));
        const base = slugify(content.title) || 'article';
        let slug = base;
        for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
        slugs.add(slug);

        let publishedAt: number | null = null;
        let updatedAt: number | null = null;
        let modifiedAt = entry.at;
        let reviewDeadline: number | null = null;
        let internalNotes = '';
        let corrections: { at: string; text: string }[] = [];
        const updated = chance(rng, 0.1);
        const updateDelay = HOUR + rng() * 2 * DAY;
        const createdAt = entry.at - (20 * MINUTE + rng() * 2 * DAY);
        const correctionDraw = chance(rng, 0.25);
        const note = makeInternalNote(rng, content.story);
        const correction = makeCorrection(rng, content.story);
        const reviewIn = 4 * HOUR + rng() * 3 * DAY;
        switch (entry.status) {
          case 'published':
            publishedAt = entry.at;
            updatedAt = updated ? Math.min(entry.at + updateDelay, nowMs - MINUTE) : entry.at;
            if (updatedAt < entry.at) updatedAt = entry.at;
            modifiedAt = updatedAt;
            if (updated && correctionDraw) corrections = [{ at: new Date(updatedAt).toISOString(), text: correction }];
            break;
          case 'unpublished':
            publishedAt = entry.at;
            updatedAt = entry.at;
            modifiedAt = Math.min(entry.at + DAY, nowMs - MINUTE);
            internalNotes = 'Unpublished pending a legal review of the figures.';
            break;
          case 'in_review':
            reviewDeadline = nowMs + reviewIn;
            internalNotes = note;
            break;
          case 'draft':
          case 'scheduled':
            internalNotes = entry.status === 'draft' && correctionDraw ? note : '';
            break;
        }

        const bodyJson = JSON.stringify(content.body.doc);
        const result = insertArticle.run(
          slug,
          sectionId,
          kind,
          content.title,
          content.dek,
          bodyJson,
          content.body.text,
          content.body.wordCount,
          entry.status,
          publishedAt,
          updatedAt,
          entry.scheduledAt,
          modifiedAt,
          hero.id,
          heroCaption,
          hero.credit,
          content.video?.url ?? null,
          JSON.stringify(corrections),
          reviewDeadline,
          internalNotes,
          Math.min(createdAt, modifiedAt),
          bylineIds.map((b) => bylineNames.get(b) ?? '').join(', '),
          tagIds.map((t) => tagNames.get(t) ?? '').join(', '),
        );
        const id = Number(result.lastInsertRowid);
        bylineIds.forEach((bylineId, position) => insertArticleByline.run(id, bylineId, position));
        tagIds.forEach((tagId, position) => insertArticleTag.run(id, tagId, position));

        if (allRevisions || entry.status !== 'published') {
          const snapshot = {
            slug,
            sectionId,
            kind,
            title: content.title,
            dek: content.dek,
            body: content.body.doc,
            status: entry.status,
            publishedAt: publishedAt === null ? null : new Date(publishedAt).toISOString(),
            scheduledAt: entry.scheduledAt === null ? null : new Date(entry.scheduledAt).toISOString(),
            heroMediaId: hero.id,
            heroCaption,
            heroCredit: hero.credit,
            videoUrl: content.video?.url ?? null,
            seoTitle: null,
            seoDescription: null,
            bylineIds,
            tagIds,
          };
          insertRevision.run(id, JSON.stringify(snapshot), 'Seeded demo content', modifiedAt);
          revisionCount++;
        }

        if (isFeed) feedItems++;
        if (entry.status === 'published') {
          published.push({ id, at: entry.at, kind, feed: isFeed });
          if (!isFeed) {
            recentPublished.push({ title: content.title, href: `/${entry.section.slug}/${slug}` });
            if (recentPublished.length > 400) recentPublished.splice(0, 100);
          }
        }
      }
    })();
    if (plan.length > BATCH) log(`  articles ${Math.min(start + BATCH, plan.length)}/${plan.length}`);
  }
  lap('articles');

  seedEmbedsDemo(conn, seededMedia.heroes.slice(0, 3).map((h) => h.id));
  lap('embedsDemo');

  const pageViews = seedPageViews(conn, published, seed, nowMs);
  lap('pageViews');
  const curationRows = seedCuration(conn, published, seed, nowMs);
  lap('curation');
  seedRelatedPicks(conn, published);
  seedLiveCoverage(conn, published, nowMs);
  lap('live');


  return {
    articles: plan.length,
    published: published.length,
    feedItems,
    sections: SECTION_DEFS.length,
    tags: tagCount,
    bylines: bylineCount,
    media: seededMedia.heroes.length + seededMedia.avatars.length + 1,
    revisions: revisionCount,
    pageViews,
    curation: curationRows,
    timings,
  };
}

// Views for the last 7 UTC days. Popularity is heavy-tailed (a Pareto draw), so a few articles
// clearly lead Most Popular; interest fades over a few days after publication.
function seedPageViews(conn: Connection, published: PublishedRef[], seed: number, nowMs: number): number {
  const rng = createRng(seed ^ 0x7e57);
  const todayStart = Math.floor(nowMs / DAY) * DAY;
  const dayStarts = Array.from({ length: 7 }, (_, d) => todayStart - d * DAY);
  const insert = conn.sqlite.prepare('INSERT INTO page_views (article_id, day, count) VALUES (?, ?, ?)');
  let rows = 0;
  const write = conn.sqlite.transaction((chunk: [number, string, number][]) => {
    for (const row of chunk) insert.run(row[0], row[1], row[2]);
  });
  let pending: [number, string, number][] = [];
  for (const article of published) {
    const weight = Math.min(400, (1 - rng()) ** (-1 / 1.2));
    const evergreen = chance(rng, 0.03);
    const ageNow = (nowMs - article.at) / DAY;
    if (ageNow > 21 && !evergreen) continue;
    const base = article.feed ? 25 : 180;
    for (const dayStart of dayStarts) {
      const dayEnd = Math.min(dayStart + DAY, nowMs);
      const noise = 0.7 + rng() * 0.6;
      if (dayEnd <= article.at) continue;
      const from = Math.max(dayStart, article.at);
      const share = (dayEnd - from) / DAY;
      const age = Math.max(0, (from - article.at) / DAY);
      const views = evergreen && ageNow > 21
        ? Math.floor(rng() * 12)
        : Math.floor(base * weight * share * Math.exp(-age / 2.5) * noise);
      if (views > 0) {
        pending.push([article.id, utcDay(dayStart), views]);
        rows++;
      }
    }
    if (pending.length >= BATCH) {
      write(pending);
      pending = [];
    }
  }
  write(pending);
  return rows;
}

// Home curation: the newest news story leads, the next four are top stories, and six recent
// features, analyses or columns are Editors' Picks.
function seedCuration(conn: Connection, published: PublishedRef[], seed: number, nowMs: number): number {
  const rng = createRng(seed ^ 0xc0de);
  const stories = published.filter((a) => !a.feed).sort((a, b) => b.at - a.at);
  const lead = stories.find((a) => a.kind === 'news') ?? stories[0];
  if (!lead) return 0;
  const top = stories.filter((a) => a.id !== lead.id).slice(0, 4);
  const taken = new Set([lead.id, ...top.map((a) => a.id)]);
  const candidates = stories
    .filter((a) => !taken.has(a.id) && a.kind !== 'news' && a.at > nowMs - 30 * DAY)
    .slice(0, 30);
  const picks = sample(rng, candidates, 6);
  for (const a of stories) {
    if (picks.length >= 6) break;
    if (!taken.has(a.id) && !picks.includes(a)) picks.push(a);
  }
  const insert = conn.sqlite.prepare('INSERT INTO curation (slot, position, article_id) VALUES (?, ?, ?)');
  conn.sqlite.transaction(() => {
    insert.run('lead', 0, lead.id);
    top.forEach((a, i) => insert.run('top', i, a.id));
    picks.forEach((a, i) => insert.run('picks', i, a.id));
  })();
  return 1 + top.length + picks.length;
}

// One editor's choice of related stories, on the front page's lead story: two older stories that
// the automatic fill (shared tags, newest first) would not choose, so the demo shows picks first.
function seedRelatedPicks(conn: Connection, published: PublishedRef[]): void {
  const lead = conn.sqlite.prepare(`SELECT article_id AS id FROM curation WHERE slot = 'lead'`).get() as { id: number } | undefined;
  if (!lead) return;
  const older = published.filter((a) => !a.feed && a.id !== lead.id).sort((a, b) => b.at - a.at);
  const picks = [older[10], older[25]].filter((a): a is PublishedRef => a !== undefined);
  const insert = conn.sqlite.prepare('INSERT INTO article_related (article_id, related_id, position) VALUES (?, ?, ?)');
  conn.sqlite.transaction(() => picks.forEach((a, position) => insert.run(lead.id, a.id, position)))();
}

// One live story for the demo: the newest news story becomes live coverage of a storm, with key
// points and six updates (one pinned) from the news desk's reporters. It keeps its id, section
// and publication time, so the seed's counts and lists are what they were.
const LIVE_STORY = {
  slug: 'storm-vera-live',
  title: 'Storm Vera: rivers rise as the city braces for a second night',
  dek: 'The embankment is closed, ferries are suspended and schools shut early. Follow the latest here.',
  heroCaption: 'The city centre under the first clouds of the storm, early on the first morning.',
  body: [
    'Storm Vera brought a month of rain in a day to the region, and forecasters expect more overnight.',
    'Our reporters are following the water levels, the closures and the emergency services’ work across the city.',
  ],
  keyPoints: [
    'The river embankment is closed between the two central bridges',
    'All river ferries are suspended until at least tomorrow morning',
    'Schools in the low-lying districts closed at noon',
    'Emergency shelters are open at the sports hall and the central library',
  ],
  updates: [
    { minutesAgo: 4, title: 'Water reaches the lower promenade', body: 'The river has topped the lower promenade near the fish market. Police have moved the barriers back another block.\n\nCafés on the waterfront are stacking sandbags at their doors.' },
    { minutesAgo: 22, title: '', body: 'The city’s transport office says trams on the riverside line will run only as far as the central station until the water goes down.' },
    { minutesAgo: 47, title: 'Shelters open', body: 'Two emergency shelters are now open: the sports hall on the hill and the central library. Both take pets.\nBring medicines and a phone charger, the shelters ask.' },
    { minutesAgo: 75, title: 'What we know so far', body: 'The storm arrived before dawn. The embankment is closed, ferries are suspended, and schools in the low-lying districts closed at noon. No injuries have been reported.', pinned: true },
    { minutesAgo: 110, title: 'Ferries suspended', body: 'The ferry company has cancelled every crossing for the rest of the day, citing the current and floating debris.' },
    { minutesAgo: 150, title: '', body: 'Forecasters have raised the rain warning for the region to its second-highest level until tomorrow morning.' },
  ],
} as const;

function seedLiveCoverage(conn: Connection, published: PublishedRef[], nowMs: number): void {
  const { sqlite } = conn;
  const story = published.filter((a) => a.kind === 'news' && !a.feed).sort((a, b) => b.at - a.at)[0];
  if (!story) return;
  const reporters = sqlite.prepare(`SELECT id, name FROM bylines WHERE kind = 'person' ORDER BY id LIMIT 3`).all() as { id: number; name: string }[];
  if (reporters.length === 0) return;
  const body = { type: 'doc', content: LIVE_STORY.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
  const text = bodyToPlainText(body as BodyDoc);
  sqlite
    .prepare(`UPDATE articles SET slug = ?, title = ?, dek = ?, body = ?, body_text = ?, word_count = ?, hero_caption = ? WHERE id = ?`)
    .run(LIVE_STORY.slug, LIVE_STORY.title, LIVE_STORY.dek, JSON.stringify(body), text, countWords(text), LIVE_STORY.heroCaption, story.id);
  sqlite
    .prepare(`UPDATE revisions SET snapshot = json_set(snapshot, '$.slug', ?, '$.title', ?, '$.dek', ?, '$.body', json(?), '$.heroCaption', ?) WHERE article_id = ?`)
    .run(LIVE_STORY.slug, LIVE_STORY.title, LIVE_STORY.dek, JSON.stringify(body), LIVE_STORY.heroCaption, story.id);
  // Coverage began with the story; every update falls between then and now.
  const startedAt = Math.min(story.at, nowMs - 3 * HOUR);
  sqlite
    .prepare(`INSERT INTO live_coverage (article_id, started_at, ended_at, key_points, version, updated_at) VALUES (?, ?, NULL, ?, 1, ?)`)
    .run(story.id, startedAt, JSON.stringify(LIVE_STORY.keyPoints), nowMs - 4 * MINUTE);
  const insert = sqlite.prepare(
    `INSERT INTO live_updates (article_id, title, body, byline_id, author_name, pinned, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  [...LIVE_STORY.updates].reverse().forEach((update, i) => {
    const reporter = reporters[i % reporters.length]!;
    const at = Math.max(startedAt + MINUTE, nowMs - update.minutesAgo * MINUTE);
    insert.run(story.id, update.title, update.body, reporter.id, reporter.name, 'pinned' in update && update.pinned ? 1 : 0, at, at);
  });
}

// ---------------------------------------------------------------------------------------------
// Command line

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: node --conditions=react-server --import tsx db/seed.ts [--articles N] [--reset]');
    return;
  }
  const count = values.articles === undefined ? 300 : Number(values.articles);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`seed: --articles must be a positive whole number, got "${values.articles}"`);
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const file = getDatabasePath();
  const conn = openConnection(file);
  try {
    if (values.reset) {
      const t = performance.now();
      resetContent(conn);
      console.log(`seed: deleted existing content in ${Math.round(performance.now() - t)} ms`);
    } else if (!(await isDatabaseEmpty(conn))) {
      console.error(`seed: ${file} already has content. Run with --reset to delete it and seed again.`);
      process.exitCode = 1;
      return;
    }
    console.log(`seed: writing ${count} articles to ${file}`);
    const summary = await seedDatabase(conn, { articles: count, log: console.log });
    const phases = Object.entries(summary.timings)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}s`)
      .join(', ');
    console.log(
      `seed: ${summary.articles} articles (${summary.published} published, ${summary.feedItems} feed items), ` +
        `${summary.sections} sections, ${summary.tags} tags, ${summary.bylines} bylines, ${summary.media} images, ` +
        `${summary.revisions} revisions, ${summary.pageViews} page-view rows, ${summary.curation} curation slots`,
    );
    console.log(`seed: done in ${((performance.now() - started) / 1000).toFixed(1)}s (${phases})`);
  } finally {
    conn.sqlite.close();
  }
}

if (/(^|[\\/])seed\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
