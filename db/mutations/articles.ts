import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import {
  articleBylines,
  articleRelated,
  articles,
  articleTags,
  bylines,
  media,
  redirects,
  revisions,
  sections,
  settings,
  tags,
  users,
  type Article,
} from '@/db/schema';
import type { ArticleNote, ArticleStatus } from '@/lib/domain';
import { articleCacheFacts, tagsForArticleChange } from '@/lib/articles/change-tags';
import { cacheTags } from '@/lib/site/cache-tags';
import { pickTexts } from '@/lib/articles/fields';
import type { ArticleSnapshot } from '@/lib/articles/snapshot';
import { bodyToPlainText, countWords } from '@/lib/body/text';
import type { BodyDoc } from '@/lib/body/types';
import { isReservedSlug } from '@/lib/site/slug';
import { readinessProblems, type ArticleInput } from '@/lib/validation/article';
import { decideTransition } from '@/lib/articles/workflow';
import { decideRightsProblems, listArticleImages, type ArticleImages } from '@/lib/media/rights';
import { DEFAULT_TIME_ZONE, formatDateTime, isValidTimeZone } from '@/lib/time/dates';
import { appendAudit, auditedBy, type AuditAction } from './audit';
import { clearWorkingCopy } from './working-copies';
import type { Actor, Done, Refused, Tx } from './common';

// Every mutation here is one SQLite transaction (the shape is in ./common.ts): an article, its
// bylines, tags, revision, redirects, audit row and (through triggers) its search index are saved
// together or not at all.

export interface ArticleConflict {
  version: number;
  modifiedAt: string;
  // Who made the save the caller did not know about (null for the scheduler or a script).
  savedBy: string | null;
  snapshot: ArticleSnapshot;
}

export type SaveResult =
  // `status` changes on a save only when an approved article's content is edited (back to review).
  | Done<{ id: number; version: number; status: ArticleStatus }>
  | Refused<'invalid', { errors: Record<string, string> }>
  | Refused<'conflict', { current: ArticleConflict }>
  | Refused<'not_found'>;

export type TransitionResult =
  | Done<{ id: number; version: number; status: ArticleStatus; publishedAt: string | null; scheduledAt: string | null }>
  | Refused<'not_found'>
  | Refused<'conflict', { current: ArticleConflict }>
  | Refused<'refused', { message: string; errors?: Record<string, string> }>;

function articlePath(tx: Tx, sectionId: number, slug: string): string {
  const section = tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId)).get();
  return `/${section?.slug ?? 'unknown'}/${slug}`;
}

export interface ArticleLinks {
  tagIds: number[];
  bylineIds: number[];
  relatedIds: number[];
}

/** The article's tag, byline and chosen related-story ids, in their order. */
export function linkedIds(tx: Tx, articleId: number): ArticleLinks {
  const tagIds = tx
    .select({ id: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.position))
    .all()
    .map((r) => r.id);
  const bylineIds = tx
    .select({ id: articleBylines.bylineId })
    .from(articleBylines)
    .where(eq(articleBylines.articleId, articleId))
    .orderBy(asc(articleBylines.position))
    .all()
    .map((r) => r.id);
  const relatedIds = tx
    .select({ id: articleRelated.relatedId })
    .from(articleRelated)
    .where(eq(articleRelated.articleId, articleId))
    .orderBy(asc(articleRelated.position))
    .all()
    .map((r) => r.id);
  return { tagIds, bylineIds, relatedIds };
}

export function snapshotOf(row: Article, links: ArticleLinks): ArticleSnapshot {
  return {
    ...pickTexts(row),
    slug: row.slug,
    sectionId: row.sectionId,
    kind: row.kind,
    body: row.body,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    heroMediaId: row.heroMediaId,
    socialMediaId: row.socialMediaId,
    bylineIds: links.bylineIds,
    tagIds: links.tagIds,
    relatedIds: links.relatedIds,
    corrections: row.corrections,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    assigneeId: row.assigneeId,
    reviewDeadline: row.reviewDeadline?.toISOString() ?? null,
    internalNotes: row.internalNotes,
  };
}

/** The save the caller did not know about, as a conflict reports it. */
export function conflictOf(tx: Tx, row: Article): ArticleConflict {
  const last = tx
    .select({ name: users.name })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.userId))
    .where(eq(revisions.articleId, row.id))
    .orderBy(desc(revisions.id))
    .limit(1)
    .get();
  return {
    version: row.version,
    modifiedAt: row.modifiedAt.toISOString(),
    savedBy: last?.name ?? null,
    snapshot: snapshotOf(row, linkedIds(tx, row.id)),
  };
}

// Checks that need the database: the section, bylines, tags and images exist, and the
// slug is free in its section. A missing image would otherwise fail the foreign key and
// surface as a server error instead of a message beside the picker.
function validateReferences(tx: Tx, input: ArticleInput, articleId: number | null): Record<string, string> {
  const errors: Record<string, string> = {};
  const section = tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId)).get();
  if (!section) errors.sectionId = 'That section does not exist.';
  if (isReservedSlug(input.slug)) errors.slug = 'That slug is reserved; choose another.';
  if (!errors.slug && section) {
    const clash = tx
      .select({ id: articles.id })
      .from(articles)
      .where(
        and(
          eq(articles.sectionId, input.sectionId),
          eq(articles.slug, input.slug),
          articleId === null ? undefined : ne(articles.id, articleId),
        ),
      )
      .get();
    if (clash) errors.slug = 'Another article in this section already uses this slug.';
  }
  if (input.bylineIds.length > 0) {
    const found = tx.select({ id: bylines.id }).from(bylines).where(inArray(bylines.id, input.bylineIds)).all();
    if (found.length !== input.bylineIds.length) errors.bylineIds = 'One of the bylines no longer exists.';
  }
  if (input.tagIds.length > 0) {
    const found = tx.select({ id: tags.id }).from(tags).where(inArray(tags.id, input.tagIds)).all();
    if (found.length !== input.tagIds.length) errors.tagIds = 'One of the tags no longer exists.';
  }
  const related = relatedStoryProblem(tx, input.relatedIds, articleId);
  if (related) errors.relatedIds = related;
  for (const field of ['heroMediaId', 'socialMediaId'] as const) {
    const mediaId = input[field];
    if (mediaId == null) continue;
    const image = tx.select({ id: media.id }).from(media).where(eq(media.id, mediaId)).get();
    if (!image) errors[field] = 'That image is no longer in the media library: choose another.';
  }
  return errors;
}

// Chosen related stories must be live stories other than this one: a draft or a withdrawn story
// would be left out of the block anyway, so refusing it tells the editor now, by its headline.
function relatedStoryProblem(tx: Tx, relatedIds: number[], articleId: number | null): string | null {
  if (relatedIds.length === 0) return null;
  if (articleId !== null && relatedIds.includes(articleId)) return 'A story cannot be related to itself: remove it from Related stories.';
  const rows = tx
    .select({ id: articles.id, title: articles.title, status: articles.status, deletedAt: articles.deletedAt })
    .from(articles)
    .where(inArray(articles.id, relatedIds))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const unknown = relatedIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) return `No story has the id ${unknown.join(', ')}: remove it from Related stories.`;
  const notLive = rows.filter((r) => r.status !== 'published' || r.deletedAt !== null);
  if (notLive.length > 0) {
    const names = notLive.map((r) => `“${r.title}”`).join(', ');
    return `${names} ${notLive.length === 1 ? 'is' : 'are'} not published: only published stories can be related.`;
  }
  return null;
}

// The newsroom's clock for the dates in a refusal (the settings row, as db/queries/site.ts reads it).
function newsroomTimeZone(tx: Tx): string {
  const row = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, 'time_zone')).get();
  const zone = row?.value;
  if (typeof zone === 'string' && isValidTimeZone(zone)) return zone;
  const envZone = process.env.GAZETTE_TIME_ZONE?.trim();
  return envZone && isValidTimeZone(envZone) ? envZone : DEFAULT_TIME_ZONE;
}

// Images whose usage rights will have run out at `at` (lib/media/rights.ts), by editor field.
function rightsProblems(tx: Tx, article: ArticleImages, at: Date, now: Date): Record<string, string> {
  const uses = listArticleImages(article);
  if (uses.length === 0) return {};
  const images = tx
    .select({ id: media.id, alt: media.alt, caption: media.caption, originalName: media.originalName, rightsExpireAt: media.rightsExpireAt })
    .from(media)
    .where(inArray(media.id, uses.map((u) => u.mediaId)))
    .all();
  const timeZone = newsroomTimeZone(tx);
  return decideRightsProblems(uses, images, { at, now, formatDate: (d) => formatDateTime(d, timeZone) });
}

function writeLinks(tx: Tx, articleId: number, input: ArticleInput): void {
  tx.delete(articleBylines).where(eq(articleBylines.articleId, articleId)).run();
  tx.delete(articleTags).where(eq(articleTags.articleId, articleId)).run();
  tx.delete(articleRelated).where(eq(articleRelated.articleId, articleId)).run();
  input.bylineIds.forEach((bylineId, position) =>
    tx.insert(articleBylines).values({ articleId, bylineId, position }).run(),
  );
  input.tagIds.forEach((tagId, position) => tx.insert(articleTags).values({ articleId, tagId, position }).run());
  input.relatedIds.forEach((relatedId, position) => tx.insert(articleRelated).values({ articleId, relatedId, position }).run());
}

function contentColumns(input: ArticleInput) {
  const bodyText = bodyToPlainText(input.body as BodyDoc);
  return {
    ...pickTexts(input),
    slug: input.slug,
    sectionId: input.sectionId,
    kind: input.kind,
    body: input.body,
    bodyText,
    wordCount: countWords(bodyText),
    heroMediaId: input.heroMediaId,
    socialMediaId: input.socialMediaId,
  };
}

function writeRevision(tx: Tx, row: Article, actor: Actor, note: string, now: Date): void {
  tx.insert(revisions)
    .values({
      articleId: row.id,
      version: row.version,
      snapshot: snapshotOf(row, linkedIds(tx, row.id)),
      userId: actor.id,
      note,
      createdAt: now,
    })
    .run();
}

// A published article that moves leaves a permanent redirect behind, and
// existing redirects to its old address follow it (no chains). Returns whether
// the redirects changed (their cache tag must then be invalidated).
function redirectMovedArticle(tx: Tx, oldPath: string, newPath: string, actor: Actor): boolean {
  if (oldPath === newPath) return false;
  tx.delete(redirects).where(eq(redirects.fromPath, newPath)).run();
  tx.update(redirects).set({ toPath: newPath }).where(eq(redirects.toPath, oldPath)).run();
  tx.insert(redirects)
    .values({ fromPath: oldPath, toPath: newPath, source: 'auto', createdBy: actor.id })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: newPath, source: 'auto' } })
    .run();
  return true;
}

export async function createArticle(input: ArticleInput, actor: Actor, now = new Date(), db: DB = getDb()): Promise<SaveResult> {
  return db.transaction((tx): SaveResult => {
    const errors = validateReferences(tx, input, null);
    if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
    const row = tx
      .insert(articles)
      .values({ ...contentColumns(input), status: 'draft', createdBy: actor.id, createdAt: now, modifiedAt: now })
      .returning()
      .get();
    writeLinks(tx, row.id, input);
    writeRevision(tx, row, actor, 'Created', now);
    appendAudit(tx, { action: 'article.create', ...auditedBy(actor), targetType: 'article', targetId: row.id, details: { title: row.title }, at: now });
    return { ok: true, id: row.id, version: row.version, status: row.status, invalidates: [] };
  });
}

type UpdateOptions = { substantive?: boolean; note?: string; now?: Date };

// Saves an edit if nobody saved since `expectedVersion`; otherwise returns the
// other save so the editor can compare and keep their own text. A substantive
// update of a published article moves its public "Updated" time; a typo fix
// changes nothing public but the text. A live or scheduled article is not saved with an image
// whose usage rights will have expired when readers see it. Changing an approved article's content
// sends it back to review: the approval was of what the reviewer read (decision 014).
export async function updateArticle(
  id: number,
  expectedVersion: number,
  input: ArticleInput,
  actor: Actor,
  options: UpdateOptions = {},
  db: DB = getDb(),
): Promise<SaveResult> {
  return db.transaction((tx) => applyArticleUpdate(tx, id, expectedVersion, input, actor, options));
}

/** updateArticle as a step of the caller's transaction (a revision restore saves through it). */
export function applyArticleUpdate(
  tx: Tx,
  id: number,
  expectedVersion: number,
  input: ArticleInput,
  actor: Actor,
  options: UpdateOptions = {},
): SaveResult {
  const now = options.now ?? new Date();
  const before = tx.select().from(articles).where(eq(articles.id, id)).get();
  if (!before || before.deletedAt) return { ok: false, reason: 'not_found' };
  if (before.version !== expectedVersion) return { ok: false, reason: 'conflict', current: conflictOf(tx, before) };
  const showsAt = before.status === 'published' ? now : before.status === 'scheduled' ? (before.scheduledAt ?? now) : null;
  const errors = { ...(showsAt ? rightsProblems(tx, input, showsAt < now ? now : showsAt, now) : {}), ...validateReferences(tx, input, id) };
  if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

  const beforeLinks = linkedIds(tx, id);
  const oldPath = articlePath(tx, before.sectionId, before.slug);
  const updatedAt = before.status === 'published' && options.substantive ? now : before.updatedAt;
  let after = tx
    .update(articles)
    .set({ ...contentColumns(input), updatedAt, modifiedAt: now, version: before.version + 1 })
    .where(and(eq(articles.id, id), eq(articles.version, expectedVersion)))
    .returning()
    .get();
  if (!after) return { ok: false, reason: 'conflict', current: conflictOf(tx, before) };
  writeLinks(tx, id, input);
  const afterLinks = linkedIds(tx, id);
  const reopened =
    before.status === 'approved' &&
    JSON.stringify(snapshotOf(before, beforeLinks)) !== JSON.stringify(snapshotOf(after, afterLinks));
  if (reopened) {
    after = tx.update(articles).set({ status: 'in_review' }).where(eq(articles.id, id)).returning().get()!;
  }
  // Whatever was pending is in this save now ("Update"), or was saved over by it.
  clearWorkingCopy(tx, id);
  const moved =
    before.publishedAt !== null && redirectMovedArticle(tx, oldPath, articlePath(tx, after.sectionId, after.slug), actor);
  const note = options.note ?? (options.substantive ? 'Substantive update' : 'Saved');
  writeRevision(tx, after, actor, reopened ? `${note}; edited after approval, back to review` : note, now);
  return {
    ok: true,
    id,
    version: after.version,
    status: after.status,
    invalidates: [
      ...tagsForArticleChange(articleCacheFacts(before, beforeLinks), articleCacheFacts(after, afterLinks)),
      ...(moved ? [cacheTags.redirects] : []),
    ],
  };
}

const TRANSITION_AUDIT = {
  in_review: 'article.submit',
  approved: 'article.approve',
  published: 'article.publish',
  scheduled: 'article.schedule',
  unpublished: 'article.unpublish',
  draft: 'article.return_to_draft',
} as const satisfies Record<ArticleStatus, AuditAction>;

// Moves an article through the workflow (lib/workflow decides which moves
// exist; the caller has already checked the role may make it).
export async function transitionArticle(
  id: number,
  to: ArticleStatus,
  actor: Actor,
  options: {
    expectedVersion?: number;
    scheduledAt?: Date | null;
    now?: Date;
    // With "submit for review": who should look at it, by when, and notes readers never see.
    review?: { assigneeId: number | null; deadline: Date | null; notes: string };
    // Why, as the person said it (the workflow route requires one to unpublish); for the audit log.
    reason?: string | null;
  } = {},
  db: DB = getDb(),
): Promise<TransitionResult> {
  const now = options.now ?? new Date();
  return db.transaction((tx): TransitionResult => {
    const before = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!before || before.deletedAt) return { ok: false, reason: 'not_found' };
    if (options.expectedVersion !== undefined && before.version !== options.expectedVersion) {
      return { ok: false, reason: 'conflict', current: conflictOf(tx, before) };
    }
    const decision = decideTransition(before.status, to, { scheduledAt: options.scheduledAt, now });
    if (!decision.ok) return { ok: false, reason: 'refused', message: decision.reason };
    if (to === 'in_review' || to === 'scheduled' || to === 'published') {
      const problems = readinessProblems({ ...before, bylineIds: linkedIds(tx, id).bylineIds });
      if (Object.keys(problems).length > 0) {
        return { ok: false, reason: 'refused', message: Object.values(problems).join(' '), errors: problems };
      }
    }
    // Going live, now or at the scheduled time, with images readers may still be shown then.
    if (to === 'scheduled' || to === 'published') {
      const problems = rightsProblems(tx, before, to === 'scheduled' ? options.scheduledAt! : now, now);
      if (Object.keys(problems).length > 0) {
        return { ok: false, reason: 'refused', message: Object.values(problems).join(' '), errors: problems };
      }
    }
    if (options.review?.assigneeId != null) {
      const assignee = tx.select({ id: users.id }).from(users).where(eq(users.id, options.review.assigneeId)).get();
      if (!assignee) return { ok: false, reason: 'refused', message: 'That colleague no longer exists.' };
    }

    const firstPublication = to === 'published' && !before.publishedAt;
    const after = tx
      .update(articles)
      .set({
        status: to,
        // The first-published time never changes once set.
        publishedAt: firstPublication ? now : before.publishedAt,
        updatedAt: firstPublication ? now : before.updatedAt,
        scheduledAt: to === 'scheduled' ? (options.scheduledAt ?? null) : null,
        ...(options.review
          ? {
              assigneeId: options.review.assigneeId,
              reviewDeadline: options.review.deadline,
              internalNotes: options.review.notes,
            }
          : {}),
        modifiedAt: now,
        version: before.version + 1,
      })
      .where(eq(articles.id, id))
      .returning()
      .get() as Article;
    const links = linkedIds(tx, id);
    writeRevision(tx, after, actor, `Status: ${before.status} → ${to}`, now);
    appendAudit(tx, {
      action: TRANSITION_AUDIT[to],
      ...auditedBy(actor),
      targetType: 'article',
      targetId: id,
      details: { from: before.status, to, scheduledAt: after.scheduledAt?.toISOString() ?? null, ...(options.reason ? { reason: options.reason } : {}) },
      at: now,
    });
    return {
      ok: true,
      id,
      version: after.version,
      status: to,
      publishedAt: after.publishedAt?.toISOString() ?? null,
      scheduledAt: after.scheduledAt?.toISOString() ?? null,
      invalidates: tagsForArticleChange(articleCacheFacts(before, links), articleCacheFacts(after, links)),
    };
  });
}

// Adds a public correction, clarification or update note to a published article. A note is a
// substantive change: it moves the public "Updated" time (dateModified, sitemap lastmod, feed)
// and is kept in the revision history like any other save.
export async function addArticleNote(
  id: number,
  expectedVersion: number,
  // `reason` is the desk's, for the audit log only; readers see the note.
  note: { kind: ArticleNote['kind']; text: string; reason?: string | null },
  actor: Actor,
  now = new Date(),
  db: DB = getDb(),
): Promise<SaveResult> {
  return db.transaction((tx): SaveResult => {
    const before = tx.select().from(articles).where(eq(articles.id, id)).get();
    if (!before || before.deletedAt) return { ok: false, reason: 'not_found' };
    if (before.version !== expectedVersion) return { ok: false, reason: 'conflict', current: conflictOf(tx, before) };
    if (before.status !== 'published') {
      return { ok: false, reason: 'invalid', errors: { note: 'Notes are for published articles; edit the draft instead.' } };
    }
    const corrections: ArticleNote[] = [...before.corrections, { at: now.toISOString(), kind: note.kind, text: note.text }];
    const after = tx
      .update(articles)
      .set({ corrections, updatedAt: now, modifiedAt: now, version: before.version + 1 })
      .where(eq(articles.id, id))
      .returning()
      .get() as Article;
    const links = linkedIds(tx, id);
    writeRevision(tx, after, actor, `Added ${note.kind ?? 'correction'} note`, now);
    appendAudit(tx, {
      action: 'article.note_added',
      ...auditedBy(actor),
      targetType: 'article',
      targetId: id,
      details: { kind: note.kind, text: note.text, ...(note.reason ? { reason: note.reason } : {}) },
      at: now,
    });
    return {
      ok: true,
      id,
      version: after.version,
      status: after.status,
      invalidates: tagsForArticleChange(articleCacheFacts(before, links), articleCacheFacts(after, links)),
    };
  });
}
