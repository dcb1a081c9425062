import { relations, sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

// Times are stored as integer milliseconds since the epoch (UTC) and read as Date.
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

import { ARTICLE_KINDS, ARTICLE_STATUSES, BYLINE_KINDS, ROLES, type ArticleNote } from '../lib/domain';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  role: text('role', { enum: ROLES }).notNull().default('contributor'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  // Bumped on disable, role change, password reset or "sign out everywhere": a JWT carrying an
  // older version is refused on the next request.
  sessionVersion: integer('session_version').notNull().default(1),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

// One-time links for invitations and password resets; only the hash is stored.
export const userTokens = sqliteTable(
  'user_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['invite', 'reset'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);

// One row per sign-in. The session cookie carries a random id (the JWT's `sid`); this table keeps
// only its SHA-256, so a copy of the database and the signing key together still cannot make a
// cookie for a live session. auth.ts refuses a cookie whose row is missing, ended or expired.
export const userSessions = sqliteTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export const media = sqliteTable(
  'media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Path relative to the media directory, e.g. "2026/11/ab12cd.jpg".
    file: text('file').notNull().unique(),
    originalName: text('original_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    alt: text('alt').notNull().default(''),
    caption: text('caption').notNull().default(''),
    credit: text('credit').notNull().default(''),
    sourceAgency: text('source_agency').notNull().default(''),
    usageRights: text('usage_rights').notNull().default(''),
    rightsExpireAt: integer('rights_expire_at', { mode: 'timestamp_ms' }),
    // Focal point as fractions of width and height, drives the crops.
    focalX: real('focal_x').notNull().default(0.5),
    focalY: real('focal_y').notNull().default(0.5),
    hash: text('hash').notNull().unique(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('media_created_idx').on(t.createdAt)],
);

export const bylines = sqliteTable('bylines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  kind: text('kind', { enum: BYLINE_KINDS }).notNull().default('person'),
  jobTitle: text('job_title').notNull().default(''),
  bio: text('bio').notNull().default(''),
  avatarMediaId: integer('avatar_media_id').references(() => media.id, { onDelete: 'set null' }),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const sections = sqliteTable('sections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  createdAt: createdAt(),
});

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
});

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    kind: text('kind', { enum: ARTICLE_KINDS }).notNull().default('news'),
    // A word or two above the headline ("Analysis", "Live", "Exclusive"); empty for most stories.
    kicker: text('kicker').notNull().default(''),
    title: text('title').notNull(),
    dek: text('dek').notNull().default(''),
    // Editor JSON (ProseMirror/TipTap document). Rendered only through lib/body.
    body: text('body', { mode: 'json' }).notNull(),
    // Plain text of the body, kept for search, reading time and feeds' summaries.
    bodyText: text('body_text').notNull().default(''),
    // The article's byline and tag names, for search only: written by triggers whenever a byline
    // or tag is added, removed or renamed (db/migrations/0014_search_people_tags.sql), never by code.
    bylineNames: text('byline_names').notNull().default(''),
    tagNames: text('tag_names').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    // First publication: never changes once set.
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    // Public "Updated" time: moves only on a substantive update.
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
    scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }),
    // Last save of any kind (internal).
    modifiedAt: integer('modified_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    // Share links made at or before this time no longer open the preview (platform/preview-token.ts).
    previewLinksRevokedAt: integer('preview_links_revoked_at', { mode: 'timestamp_ms' }),
    heroMediaId: integer('hero_media_id').references(() => media.id, { onDelete: 'set null' }),
    heroCaption: text('hero_caption').notNull().default(''),
    heroCredit: text('hero_credit').notNull().default(''),
    videoUrl: text('video_url'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    socialMediaId: integer('social_media_id').references(() => media.id, {
      onDelete: 'set null',
    }),
    // Public correction / update notes, newest last: [{ at, text }].
    corrections: text('corrections', { mode: 'json' })
      .$type<ArticleNote[]>()
      .notNull()
      .default(sql`'[]'`),
    // Review workflow, never shown to readers.
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    reviewDeadline: integer('review_deadline', { mode: 'timestamp_ms' }),
    internalNotes: text('internal_notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    // Optimistic locking: every save must name the version it started from.
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('articles_section_slug_idx').on(t.sectionId, t.slug),
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_section_status_published_idx').on(t.sectionId, t.status, t.publishedAt),
    index('articles_kind_status_published_idx').on(t.kind, t.status, t.publishedAt),
    index('articles_status_scheduled_idx').on(t.status, t.scheduledAt),
    index('articles_status_updated_idx').on(t.status, t.updatedAt),
    index('articles_created_by_idx').on(t.createdBy),
    // Sitemaps and counts walk only live articles, oldest first, without touching the wide
    // rows (bodies): a partial covering index keeps them fast at 100,000 articles.
    // Search checks thousands of candidate ids for "live?": a narrow partial index answers from
    // the index alone instead of reading each wide row (db/queries/search.ts).
    index('articles_live_id_idx')
      .on(t.id, t.publishedAt, t.sectionId)
      .where(sql`status = 'published' AND deleted_at IS NULL`),
    index('articles_sitemap_idx')
      .on(t.publishedAt, t.id, t.sectionId, t.slug, t.updatedAt, t.heroMediaId)
      .where(sql`status = 'published' AND deleted_at IS NULL`),
    // The newsroom's article list (db/queries/admin-articles.ts): per-status counts and tabs
    // newest-modified first, the all-articles list, the trash, and "assigned to me".
    index('articles_desk_status_modified_idx').on(t.status, t.deletedAt, t.modifiedAt),
    index('articles_desk_modified_idx').on(t.deletedAt, t.modifiedAt),
    index('articles_assignee_idx').on(t.assigneeId),
    // The public /corrections page: only live articles that carry notes (a handful).
    index('articles_corrections_idx')
      .on(t.publishedAt)
      .where(sql`status = 'published' AND deleted_at IS NULL AND corrections <> '[]'`),
  ],
);

export const articleBylines = sqliteTable(
  'article_bylines',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    bylineId: integer('byline_id')
      .notNull()
      .references(() => bylines.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.bylineId] }),
    index('article_bylines_byline_idx').on(t.bylineId, t.articleId),
  ],
);

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId, t.articleId),
  ],
);

// Related stories an editor chose for an article, in the order they come first under it
// (db/queries/related.ts fills the rest of the block automatically). Saved with the article like
// its tags; only published stories can be chosen, never the article itself.
export const articleRelated = sqliteTable(
  'article_related',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    relatedId: integer('related_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.relatedId] }), index('article_related_related_idx').on(t.relatedId)],
);

// A full snapshot of every editable field per save.
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('revisions_article_idx').on(t.articleId, t.createdAt)],
);

export const pageViews = sqliteTable(
  'page_views',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    // Calendar day in UTC, "YYYY-MM-DD".
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.day] }),
    // Covering (count included): Most Popular sums a week of views from the index alone.
    index('page_views_day_idx').on(t.day, t.articleId, t.count),
  ],
);

// Hand-curated slots: "lead", "top" (ordered) and "picks" (Editors' Picks, ordered).
export const curation = sqliteTable(
  'curation',
  {
    slot: text('slot', { enum: ['lead', 'top', 'picks'] }).notNull(),
    position: integer('position').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.slot, t.position] }),
    index('curation_article_idx').on(t.articleId),
  ],
);

// Who has an article open in the editor right now: a heartbeat row per (article, user),
// refreshed every few seconds by the editor; rows older than a minute mean "gone".
// An article's pending changes while it is live or scheduled (db/mutations/working-copies.ts):
// the whole article as the save receives it, autosaved from the editor, visible to every editor
// who opens it, and applied to the article only by "Update" (which removes the row). One a
// story: the newsroom edits one next version together. `revision` counts its saves, so two
// editors autosaving the same copy find each other instead of overwriting.
export const articleWorkingCopies = sqliteTable('article_working_copies', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  // The article's version the changes were last saved on (db/mutations/working-copies.ts).
  baseVersion: integer('base_version').notNull(),
  revision: integer('revision').notNull().default(1),
  // The save's input (lib/validation/article.ts), as sent or as a restore wrote it.
  content: text('content', { mode: 'json' }).notNull(),
  savedBy: integer('saved_by').references(() => users.id, { onDelete: 'set null' }),
  savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  note: text('note').notNull().default(''),
});

// Live coverage (docs/decisions/020-live-coverage.md): a published story that carries timestamped
// updates. The row makes the story live; `endedAt` closes it (the page then reads as an article
// with its updates as a timeline). `keyPoints` is the summary the desk keeps current; `version`
// guards it and the start/end against two editors saving over each other.
export const liveCoverage = sqliteTable('live_coverage', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
  endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  keyPoints: text('key_points', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

// One row per update, so several people post at once without touching each other's rows (or the
// article's version). Deleting sets `deletedAt`: the row stays for the audit trail.
export const liveUpdates = sqliteTable(
  'live_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    // A short line above the text; optional (the text's first words stand in for crawlers).
    title: text('title').notNull().default(''),
    // Plain paragraphs separated by blank lines; rendered as the allowlisted body (lib/live).
    body: text('body').notNull(),
    mediaId: integer('media_id').references(() => media.id, { onDelete: 'set null' }),
    // A YouTube or Vimeo address, shown as the body's video facade.
    embedUrl: text('embed_url'),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    // The byline readers see: the poster's own byline when they have one, else their name.
    bylineId: integer('byline_id').references(() => bylines.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull().default(''),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('live_updates_article_idx').on(t.articleId, t.deletedAt, t.createdAt)],
);

export type LiveUpdateRow = typeof liveUpdates.$inferSelect;

export const articlePresence = sqliteTable(
  'article_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: integer('seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

export const redirects = sqliteTable('redirects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fromPath: text('from_path').notNull().unique(),
  toPath: text('to_path').notNull(),
  // "auto" when a slug or section change left it; "manual" when an editor added it.
  source: text('source', { enum: ['auto', 'manual'] }).notNull().default('manual'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

// One row per cluster-wide job ('publish-due'): which server instance runs it, until when, and
// what its last run did. Several server processes may share one data folder; only the holder of
// an unexpired lease runs the job (db/mutations/scheduler-lease.ts), and every instance reads the
// last run from here for /api/health.
export const schedulerLease = sqliteTable('scheduler_lease', {
  name: text('name').primaryKey(),
  // platform/instance-id.ts; null once its holder has let it go.
  holder: text('holder'),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }),
  lastRunBy: text('last_run_by'),
  lastPublishedCount: integer('last_published_count').notNull().default(0),
  lastFailedCount: integer('last_failed_count').notNull().default(0),
  // Why the last run could not reach the publish route at all; null when it did.
  lastError: text('last_error'),
});

// Append-only: nothing in the app updates or deletes rows here.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
  ],
);

export const articlesRelations = relations(articles, ({ one, many }) => ({
  section: one(sections, { fields: [articles.sectionId], references: [sections.id] }),
  hero: one(media, { fields: [articles.heroMediaId], references: [media.id] }),
  bylines: many(articleBylines),
  tags: many(articleTags),
}));

export const articleBylinesRelations = relations(articleBylines, ({ one }) => ({
  article: one(articles, { fields: [articleBylines.articleId], references: [articles.id] }),
  byline: one(bylines, { fields: [articleBylines.bylineId], references: [bylines.id] }),
}));

export const articleTagsRelations = relations(articleTags, ({ one }) => ({
  article: one(articles, { fields: [articleTags.articleId], references: [articles.id] }),
  tag: one(tags, { fields: [articleTags.tagId], references: [tags.id] }),
}));

export const bylinesRelations = relations(bylines, ({ one, many }) => ({
  avatar: one(media, { fields: [bylines.avatarMediaId], references: [media.id] }),
  articles: many(articleBylines),
}));

export type User = typeof users.$inferSelect;
export type Byline = typeof bylines.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Media = typeof media.$inferSelect;
