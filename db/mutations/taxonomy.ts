import 'server-only';
import { and, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { getDb, type DB } from '@/db/client';
import { startsWithText } from '@/db/like';
import { articleBylines, articles, articleTags, bylines, media, redirects, sections, tags, users } from '@/db/schema';
import { cacheTags } from '@/lib/site/cache-tags';
import { isReservedSlug, isValidSlug, slugify } from '@/lib/site/slug';
import type { BylineInput, SectionInput, TagInput } from '@/lib/validation/taxonomy';
import { appendAudit, auditedBy } from './audit';
import type { Actor, Done, Refused, Tx } from './common';

// Sections, tags and bylines. Each write is one transaction with its audit entry, and names the
// cache tags of the public pages that show what it changed (see the reader queries in
// db/queries/{site,taxonomy,articles,listing,sitemaps,feeds}.ts):
//   - section names and slugs: the navigation and section look-ups ('sections'), the section's
//     front and its articles' pages ('section:N'), and every article card, feed and sitemap
//     ('article-lists', which cards carry their section's name and address under);
//   - tag names and slugs: the tag page and the article pages listing it ('tag:N'), tag feeds
//     and the sitemap ('feeds', 'sitemaps'); a merge also moves its lists ('tag-list:N'), and a
//     new slug replaces cached "not found" look-ups ('not-found');
//   - byline names: the author page and the article pages ('byline:N') and every card
//     ('article-lists').
// A changed slug leaves a permanent redirect from the old address ('redirects').

export type TaxonomyField = 'name' | 'slug' | 'intoId' | 'avatarMediaId' | 'userId' | 'order';

type TaxonomyRefusal = Refused<'not_found' | 'conflict' | 'in_use' | 'invalid', { message: string; field?: TaxonomyField }>;

export type TaxonomyResult<T extends object = object> = Done<T> | TaxonomyRefusal;

const fail = (reason: TaxonomyRefusal['reason'], message: string, field?: TaxonomyField): TaxonomyRefusal => ({
  ok: false,
  reason,
  message,
  ...(field ? { field } : {}),
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------
// Redirects left by a moved address

/**
 * `from` now lives at `to`: leave a permanent redirect, point older redirects that led to
 * `from` (or below it) straight at the new address so no reader follows a chain, and drop any
 * redirect away from `to`, which is a live page again.
 */
function moveAddress(tx: Tx, from: string, to: string, createdBy: number | null): void {
  tx.delete(redirects).where(eq(redirects.fromPath, to)).run();
  // Rules that pointed at the old address (or at pages below it, for a section).
  tx.update(redirects).set({ toPath: to }).where(eq(redirects.toPath, from)).run();
  tx.update(redirects)
    .set({ toPath: sql`${to} || substr(${redirects.toPath}, ${from.length + 1})` })
    .where(startsWithText(redirects.toPath, `${from}/`))
    .run();
  // Rules from pages below the old address (an article's old slug in a moved section).
  const nested = tx
    .select({ id: redirects.id, fromPath: redirects.fromPath })
    .from(redirects)
    .where(startsWithText(redirects.fromPath, `${from}/`))
    .all();
  for (const rule of nested) {
    const moved = to + rule.fromPath.slice(from.length);
    tx.delete(redirects).where(eq(redirects.fromPath, moved)).run();
    tx.update(redirects).set({ fromPath: moved }).where(eq(redirects.id, rule.id)).run();
  }
  tx.delete(redirects).where(eq(redirects.fromPath, from)).run();
  tx.insert(redirects).values({ fromPath: from, toPath: to, source: 'auto', createdBy }).run();
  // A rule that now leads to itself would loop.
  tx.delete(redirects).where(sql`${redirects.fromPath} = ${redirects.toPath}`).run();
}

// A new page at `path` takes the address back from an old redirect.
function claimAddress(tx: Tx, path: string): boolean {
  return tx.delete(redirects).where(eq(redirects.fromPath, path)).run().changes > 0;
}

// ---------------------------------------------------------------------------------------------
// Sections

function sectionSlugProblem(tx: Tx, slug: string, exceptId?: number) {
  if (!isValidSlug(slug)) return fail('invalid', 'Use lowercase letters, digits and single hyphens only.', 'slug');
  if (isReservedSlug(slug)) return fail('invalid', `“${slug}” is reserved by the site; choose another slug.`, 'slug');
  const taken = tx
    .select({ id: sections.id })
    .from(sections)
    .where(exceptId ? and(eq(sections.slug, slug), ne(sections.id, exceptId)) : eq(sections.slug, slug))
    .get();
  if (taken) return fail('conflict', 'Another section already uses this slug.', 'slug');
  return null;
}

export async function createSection(input: SectionInput, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult<{ id: number }>> {
  return db.transaction((tx) => {
    const problem = sectionSlugProblem(tx, input.slug);
    if (problem) return problem;
    const last = tx.select({ max: sql<number | null>`max(${sections.position})` }).from(sections).get();
    const row = tx
      .insert(sections)
      .values({ name: input.name, slug: input.slug, description: input.description, position: (last?.max ?? -1) + 1 })
      .returning({ id: sections.id })
      .get();
    const claimed = claimAddress(tx, `/${input.slug}`);
    appendAudit(tx, { action: 'section.created', ...auditedBy(actor), targetType: 'section', targetId: row.id, details: { name: input.name, slug: input.slug } });
    return { ok: true, id: row.id, invalidates: [cacheTags.sections, cacheTags.sitemaps, ...(claimed ? [cacheTags.redirects] : [])] };
  });
}

export async function updateSection(
  id: number,
  input: SectionInput,
  actor: Actor,
  db: DB = getDb(),
): Promise<TaxonomyResult<{ redirected: boolean }>> {
  return db.transaction((tx) => {
    const before = tx.select().from(sections).where(eq(sections.id, id)).get();
    if (!before) return fail('not_found', 'That section no longer exists.');
    const problem = sectionSlugProblem(tx, input.slug, id);
    if (problem) return problem;
    tx.update(sections).set({ name: input.name, slug: input.slug, description: input.description }).where(eq(sections.id, id)).run();
    const moved = before.slug !== input.slug;
    // One prefix rule moves the front and every article under it (lib/site/redirects.ts applyRedirect).
    if (moved) moveAddress(tx, `/${before.slug}`, `/${input.slug}`, actor.id);
    appendAudit(tx, {
      action: 'section.updated',
      ...auditedBy(actor),
      targetType: 'section',
      targetId: id,
      details: { before: { name: before.name, slug: before.slug }, after: { name: input.name, slug: input.slug } },
    });
    return {
      ok: true,
      redirected: moved,
      invalidates: [
        cacheTags.sections,
        cacheTags.section(id),
        cacheTags.articleLists,
        cacheTags.feeds,
        cacheTags.sitemaps,
        ...(moved ? [cacheTags.redirects] : []),
      ],
    };
  });
}

function writeSectionOrder(tx: Tx, orderedIds: number[], actor: Actor): TaxonomyResult {
  const existing = tx.select({ id: sections.id }).from(sections).all().map((r) => r.id);
  const wanted = new Set(orderedIds);
  if (wanted.size !== orderedIds.length || existing.length !== orderedIds.length || existing.some((sid) => !wanted.has(sid))) {
    return fail('conflict', 'The sections changed while you were ordering them. Reload and try again.', 'order');
  }
  orderedIds.forEach((sid, position) => tx.update(sections).set({ position }).where(eq(sections.id, sid)).run());
  appendAudit(tx, { action: 'sections.reordered', ...auditedBy(actor), targetType: 'section', details: { order: orderedIds } });
  return { ok: true, invalidates: [cacheTags.sections, cacheTags.sitemaps] };
}

/** Puts every section in the given order (the whole list, as the page shows it). */
export async function reorderSections(orderedIds: number[], actor: Actor, db: DB = getDb()): Promise<TaxonomyResult> {
  return db.transaction((tx) => writeSectionOrder(tx, orderedIds, actor));
}

export async function deleteSection(id: number, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult> {
  return db.transaction((tx) => {
    const before = tx.select().from(sections).where(eq(sections.id, id)).get();
    if (!before) return fail('not_found', 'That section no longer exists.');
    // Drafts and deleted articles count too: every article must keep a section.
    const used = tx.select({ n: count() }).from(articles).where(eq(articles.sectionId, id)).get()?.n ?? 0;
    if (used > 0) {
      return fail('in_use', `${plural(used, 'article')} (drafts and deleted ones included) still use “${before.name}”. Move them to another section first.`);
    }
    tx.delete(sections).where(eq(sections.id, id)).run();
    appendAudit(tx, { action: 'section.deleted', ...auditedBy(actor), targetType: 'section', targetId: id, details: { name: before.name, slug: before.slug } });
    return { ok: true, invalidates: [cacheTags.sections, cacheTags.section(id), cacheTags.sitemaps] };
  });
}

// ---------------------------------------------------------------------------------------------
// Tags

export interface TagRef {
  id: number;
  name: string;
  slug: string;
}

/**
 * A tag by name, made on the fly from the article editor. A tag with the same slug or name
 * (ignoring case) is returned instead of a duplicate: `created` says which happened.
 */
export async function createTag(
  input: { name: string; slug?: string; description?: string },
  actor: Actor,
  db: DB = getDb(),
): Promise<TaxonomyResult<{ tag: TagRef; created: boolean }>> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const slug = input.slug?.trim() || slugify(name);
  if (!name || name.length > 120) return fail('invalid', 'Enter a tag name of up to 120 characters.', 'name');
  if (!slug || !isValidSlug(slug)) return fail('invalid', 'The name needs some Latin letters or digits to make an address from.', 'slug');
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(tags)
      .where(or(eq(tags.slug, slug), sql`lower(${tags.name}) = lower(${name})`))
      .orderBy(sql`${tags.slug} = ${slug} DESC`)
      .get();
    if (existing) return { ok: true, tag: existing, created: false, invalidates: [] };
    const tag = tx
      .insert(tags)
      .values({ name, slug, description: input.description?.trim() ?? '' })
      .returning({ id: tags.id, name: tags.name, slug: tags.slug })
      .get();
    const claimed = claimAddress(tx, `/tag/${slug}`);
    appendAudit(tx, { action: 'tag.created', ...auditedBy(actor), targetType: 'tag', targetId: tag.id, details: { name, slug } });
    // No article has it yet, so no list changes; a redirect it takes over does.
    return { ok: true, tag, created: true, invalidates: claimed ? [cacheTags.redirects, cacheTags.notFound] : [] };
  });
}

export async function updateTag(id: number, input: TagInput, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult<{ redirected: boolean }>> {
  return db.transaction((tx) => {
    const before = tx.select().from(tags).where(eq(tags.id, id)).get();
    if (!before) return fail('not_found', 'That tag no longer exists.');
    const taken = tx.select({ id: tags.id }).from(tags).where(and(eq(tags.slug, input.slug), ne(tags.id, id))).get();
    if (taken) return fail('conflict', 'Another tag already uses this slug. Merge the two tags instead.', 'slug');
    tx.update(tags).set({ name: input.name, slug: input.slug, description: input.description }).where(eq(tags.id, id)).run();
    const moved = before.slug !== input.slug;
    if (moved) moveAddress(tx, `/tag/${before.slug}`, `/tag/${input.slug}`, actor.id);
    appendAudit(tx, {
      action: 'tag.updated',
      ...auditedBy(actor),
      targetType: 'tag',
      targetId: id,
      details: { before: { name: before.name, slug: before.slug }, after: { name: input.name, slug: input.slug } },
    });
    return {
      ok: true,
      redirected: moved,
      // A new slug: the cached "not found" at the new address is tagged only with the lists.
      invalidates: [cacheTags.tag(id), cacheTags.feeds, cacheTags.sitemaps, ...(moved ? [cacheTags.notFound, cacheTags.redirects] : [])],
    };
  });
}

/** Every article tagged `fromId` gets `intoId` instead (once), `fromId` goes, its address redirects. */
export async function mergeTags(fromId: number, intoId: number, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult<{ moved: number }>> {
  if (fromId === intoId) return fail('invalid', 'A tag cannot be merged into itself.', 'intoId');
  return db.transaction((tx) => {
    const from = tx.select().from(tags).where(eq(tags.id, fromId)).get();
    const into = tx.select().from(tags).where(eq(tags.id, intoId)).get();
    if (!from) return fail('not_found', 'The tag to merge no longer exists.');
    if (!into) return fail('not_found', 'The tag to merge into no longer exists.', 'intoId');
    const links = tx.select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, fromId)).all();
    const articleIds = links.map((l) => l.articleId);
    const already = new Set(
      articleIds.length
        ? tx
            .select({ articleId: articleTags.articleId })
            .from(articleTags)
            .where(and(eq(articleTags.tagId, intoId), inArray(articleTags.articleId, articleIds)))
            .all()
            .map((r) => r.articleId)
        : [],
    );
    for (const articleId of articleIds) {
      const link = and(eq(articleTags.articleId, articleId), eq(articleTags.tagId, fromId));
      if (already.has(articleId)) tx.delete(articleTags).where(link).run();
      else tx.update(articleTags).set({ tagId: intoId }).where(link).run();
    }
    tx.delete(tags).where(eq(tags.id, fromId)).run();
    moveAddress(tx, `/tag/${from.slug}`, `/tag/${into.slug}`, actor.id);
    appendAudit(tx, {
      action: 'tag.merged',
      ...auditedBy(actor),
      targetType: 'tag',
      targetId: intoId,
      details: { from: { id: fromId, name: from.name, slug: from.slug }, into: { id: intoId, name: into.name, slug: into.slug }, articles: articleIds.length },
    });
    return {
      ok: true,
      moved: articleIds.length,
      invalidates: [
        cacheTags.tag(fromId),
        cacheTags.tag(intoId),
        cacheTags.tagList(fromId),
        cacheTags.tagList(intoId),
        cacheTags.notFound,
        cacheTags.feeds,
        cacheTags.sitemaps,
        cacheTags.redirects,
      ],
    };
  });
}

export async function deleteTag(id: number, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult<{ detached: number }>> {
  return db.transaction((tx) => {
    const before = tx.select().from(tags).where(eq(tags.id, id)).get();
    if (!before) return fail('not_found', 'That tag no longer exists.');
    const detached = tx.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, id)).get()?.n ?? 0;
    // article_tags rows go with it (ON DELETE CASCADE).
    tx.delete(tags).where(eq(tags.id, id)).run();
    appendAudit(tx, { action: 'tag.deleted', ...auditedBy(actor), targetType: 'tag', targetId: id, details: { name: before.name, slug: before.slug, articles: detached } });
    return { ok: true, detached, invalidates: [cacheTags.tag(id), cacheTags.tagList(id), cacheTags.feeds, cacheTags.sitemaps] };
  });
}

// ---------------------------------------------------------------------------------------------
// Bylines

function bylineProblem(tx: Tx, input: BylineInput, exceptId?: number) {
  if (!isValidSlug(input.slug)) return fail('invalid', 'Use lowercase letters, digits and single hyphens only.', 'slug');
  const taken = tx
    .select({ id: bylines.id })
    .from(bylines)
    .where(exceptId ? and(eq(bylines.slug, input.slug), ne(bylines.id, exceptId)) : eq(bylines.slug, input.slug))
    .get();
  if (taken) return fail('conflict', 'Another byline already uses this slug.', 'slug');
  if (input.avatarMediaId != null) {
    const image = tx.select({ mimeType: media.mimeType }).from(media).where(eq(media.id, input.avatarMediaId)).get();
    if (!image || !image.mimeType.startsWith('image/')) return fail('invalid', 'Choose an image from the media library.', 'avatarMediaId');
  }
  if (input.userId != null) {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
    if (!user) return fail('invalid', 'That user does not exist.', 'userId');
    const linked = tx
      .select({ name: bylines.name })
      .from(bylines)
      .where(exceptId ? and(eq(bylines.userId, input.userId), ne(bylines.id, exceptId)) : eq(bylines.userId, input.userId))
      .get();
    if (linked) return fail('conflict', `That user already writes as “${linked.name}”.`, 'userId');
  }
  return null;
}

const bylineValues = (input: BylineInput) => ({
  name: input.name,
  slug: input.slug,
  kind: input.kind,
  jobTitle: input.jobTitle,
  bio: input.bio,
  avatarMediaId: input.avatarMediaId,
  userId: input.userId,
});

export async function createByline(input: BylineInput, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult<{ id: number }>> {
  return db.transaction((tx) => {
    const problem = bylineProblem(tx, input);
    if (problem) return problem;
    const row = tx.insert(bylines).values(bylineValues(input)).returning({ id: bylines.id }).get();
    const claimed = claimAddress(tx, `/author/${input.slug}`);
    appendAudit(tx, { action: 'byline.created', ...auditedBy(actor), targetType: 'byline', targetId: row.id, details: { name: input.name, slug: input.slug } });
    return { ok: true, id: row.id, invalidates: claimed ? [cacheTags.redirects, cacheTags.notFound] : [] };
  });
}

export async function updateByline(
  id: number,
  input: BylineInput,
  actor: Actor,
  db: DB = getDb(),
): Promise<TaxonomyResult<{ redirected: boolean }>> {
  return db.transaction((tx) => {
    const before = tx.select().from(bylines).where(eq(bylines.id, id)).get();
    if (!before) return fail('not_found', 'That byline no longer exists.');
    const problem = bylineProblem(tx, input, id);
    if (problem) return problem;
    tx.update(bylines).set(bylineValues(input)).where(eq(bylines.id, id)).run();
    const moved = before.slug !== input.slug;
    if (moved) moveAddress(tx, `/author/${before.slug}`, `/author/${input.slug}`, actor.id);
    appendAudit(tx, {
      action: 'byline.updated',
      ...auditedBy(actor),
      targetType: 'byline',
      targetId: id,
      details: { before: { name: before.name, slug: before.slug }, after: { name: input.name, slug: input.slug } },
    });
    return {
      ok: true,
      redirected: moved,
      invalidates: [
        cacheTags.byline(id),
        cacheTags.articleLists,
        cacheTags.feeds,
        cacheTags.sitemaps,
        ...(moved ? [cacheTags.redirects, cacheTags.notFound] : []),
      ],
    };
  });
}

export async function deleteByline(id: number, actor: Actor, db: DB = getDb()): Promise<TaxonomyResult> {
  return db.transaction((tx) => {
    const before = tx.select().from(bylines).where(eq(bylines.id, id)).get();
    if (!before) return fail('not_found', 'That byline no longer exists.');
    const used = tx.select({ n: count() }).from(articleBylines).where(eq(articleBylines.bylineId, id)).get()?.n ?? 0;
    if (used > 0) {
      return fail('in_use', `${plural(used, 'article')} (drafts included) carry “${before.name}”. Take it off them first.`);
    }
    tx.delete(bylines).where(eq(bylines.id, id)).run();
    appendAudit(tx, { action: 'byline.deleted', ...auditedBy(actor), targetType: 'byline', targetId: id, details: { name: before.name, slug: before.slug } });
    return { ok: true, invalidates: [cacheTags.byline(id), cacheTags.sitemaps] };
  });
}
