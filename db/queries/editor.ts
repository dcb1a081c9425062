import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleBylines,
  articleRelated,
  articles,
  articleTags,
  articleWorkingCopies,
  bylines,
  media,
  sections,
  tags,
  users,
} from '@/db/schema';
import { pickTexts, type ArticleTexts } from '@/lib/articles/fields';
import { collectMediaIds } from '@/lib/body/text';
import type { BodyDoc } from '@/lib/body/types';
import type { ArticleKind, ArticleNote, ArticleStatus, BylineKind } from '@/lib/domain';
import type { ArticleInput } from '@/lib/validation/article';
import { articleUrl, mediaUrl } from './articles';

// What the article editor loads: every editable field, the names behind the ids it shows,
// and the workflow state. Newsroom reads are per request and never cached.

export interface EditorMedia {
  id: number;
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface EditorArticle extends ArticleTexts {
  id: number;
  version: number;
  status: ArticleStatus;
  createdBy: number | null;
  url: string;
  slug: string;
  sectionId: number;
  kind: ArticleKind;
  body: BodyDoc;
  tags: { id: number; name: string; slug: string }[];
  bylines: { id: number; name: string }[];
  // The related stories the editor chose, in order; `live` is false for one unpublished since.
  related: { id: number; title: string; live: boolean }[];
  hero: EditorMedia | null;
  social: EditorMedia | null;
  corrections: ArticleNote[];
  publishedAt: string | null;
  updatedAt: string | null;
  scheduledAt: string | null;
  modifiedAt: string;
  assigneeId: number | null;
  reviewDeadline: string | null;
  internalNotes: string;
  // Display URLs of the images inside the body, by media id (the stored JSON holds ids only).
  bodyMedia: Record<number, EditorMedia>;
  // A live or scheduled article's changes not yet applied by "Update" (db/mutations/working-copies.ts).
  pending: PendingChanges | null;
}

/** What the editor changes about an article, with the names and images behind its ids. */
export type EditorContent = Pick<
  EditorArticle,
  keyof ArticleTexts | 'slug' | 'sectionId' | 'kind' | 'body' | 'tags' | 'bylines' | 'related' | 'hero' | 'social' | 'bodyMedia'
>;

export interface PendingChanges {
  revision: number;
  // The article's version the changes were made on.
  baseVersion: number;
  savedBy: string | null;
  savedAt: string;
  note: string;
  content: EditorContent;
}

function toEditorMedia(row: { id: number; file: string; alt: string; width: number; height: number }): EditorMedia {
  return { id: row.id, url: mediaUrl(row.file), alt: row.alt, width: row.width, height: row.height };
}

async function mediaByIds(ids: number[]): Promise<Map<number, EditorMedia>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: media.id, file: media.file, alt: media.alt, width: media.width, height: media.height })
    .from(media)
    .where(inArray(media.id, ids));
  return new Map(rows.map((r) => [r.id, toEditorMedia(r)]));
}

type StoredContent = Pick<ArticleInput, keyof ArticleTexts | 'slug' | 'sectionId' | 'kind' | 'tagIds' | 'bylineIds' | 'heroMediaId'> & {
  body: unknown;
  socialMediaId?: number | null;
  // Pending changes saved before related stories existed lack it.
  relatedIds?: number[];
};

// Resolves a stored article's (or its pending changes') ids to what the editor shows, in order;
// a tag, byline, image or related story deleted since is left out (a related story unpublished
// since stays, marked, so the editor sees why the save refuses it).
async function editorContent(c: StoredContent): Promise<EditorContent> {
  const db = getDb();
  const relatedIds = c.relatedIds ?? [];
  const [tagRows, bylineRows, relatedRows] = await Promise.all([
    c.tagIds.length ? db.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).where(inArray(tags.id, c.tagIds)) : [],
    c.bylineIds.length ? db.select({ id: bylines.id, name: bylines.name }).from(bylines).where(inArray(bylines.id, c.bylineIds)) : [],
    relatedIds.length
      ? db
          .select({ id: articles.id, title: articles.title, status: articles.status, deletedAt: articles.deletedAt })
          .from(articles)
          .where(inArray(articles.id, relatedIds))
      : [],
  ]);
  const inOrder = <T extends { id: number }>(ids: number[], rows: T[]) =>
    ids.flatMap((id) => rows.filter((r) => r.id === id).slice(0, 1));
  const body = c.body as BodyDoc;
  const bodyIds = collectMediaIds(body);
  const socialMediaId = c.socialMediaId ?? null;
  const found = await mediaByIds([...bodyIds, c.heroMediaId, socialMediaId].filter((v): v is number => typeof v === 'number'));
  return {
    ...pickTexts(c),
    slug: c.slug,
    sectionId: c.sectionId,
    kind: c.kind,
    body,
    tags: inOrder(c.tagIds, tagRows),
    bylines: inOrder(c.bylineIds, bylineRows),
    related: inOrder(relatedIds, relatedRows).map((r) => ({ id: r.id, title: r.title, live: r.status === 'published' && r.deletedAt === null })),
    hero: c.heroMediaId ? (found.get(c.heroMediaId) ?? null) : null,
    social: socialMediaId ? (found.get(socialMediaId) ?? null) : null,
    bodyMedia: Object.fromEntries([...bodyIds].flatMap((mid) => (found.has(mid) ? [[mid, found.get(mid)!]] : []))),
  };
}

async function getPendingChanges(articleId: number): Promise<PendingChanges | null> {
  const [row] = await getDb()
    .select({ copy: articleWorkingCopies, name: users.name })
    .from(articleWorkingCopies)
    .leftJoin(users, eq(users.id, articleWorkingCopies.savedBy))
    .where(eq(articleWorkingCopies.articleId, articleId))
    .limit(1);
  if (!row) return null;
  return {
    revision: row.copy.revision,
    baseVersion: row.copy.baseVersion,
    savedBy: row.name ?? null,
    savedAt: row.copy.savedAt.toISOString(),
    note: row.copy.note,
    content: await editorContent(row.copy.content as ArticleInput),
  };
}

export async function getArticleForEditor(id: number): Promise<EditorArticle | null> {
  const db = getDb();
  const [row] = await db
    .select({ article: articles, sectionSlug: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, id))
    .limit(1);
  if (!row || row.article.deletedAt) return null;
  const a = row.article;
  const [tagIds, bylineIds, relatedIds, pending] = await Promise.all([
    db.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, id)).orderBy(asc(articleTags.position)),
    db.select({ id: articleBylines.bylineId }).from(articleBylines).where(eq(articleBylines.articleId, id)).orderBy(asc(articleBylines.position)),
    db.select({ id: articleRelated.relatedId }).from(articleRelated).where(eq(articleRelated.articleId, id)).orderBy(asc(articleRelated.position)),
    getPendingChanges(id),
  ]);
  const content = await editorContent({
    ...a,
    tagIds: tagIds.map((t) => t.id),
    bylineIds: bylineIds.map((b) => b.id),
    relatedIds: relatedIds.map((r) => r.id),
  });
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    createdBy: a.createdBy,
    url: articleUrl(row.sectionSlug, a.slug),
    ...content,
    corrections: a.corrections,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt?.toISOString() ?? null,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    modifiedAt: a.modifiedAt.toISOString(),
    assigneeId: a.assigneeId,
    reviewDeadline: a.reviewDeadline?.toISOString() ?? null,
    internalNotes: a.internalNotes,
    pending,
  };
}

export interface EditorOptions {
  sections: { id: number; name: string; slug: string }[];
  bylines: { id: number; name: string; kind: BylineKind; userId: number | null }[];
  staff: { id: number; name: string; role: string }[];
}

// The choices the editor's selects offer.
export async function getEditorOptions(): Promise<EditorOptions> {
  const db = getDb();
  const [sectionRows, bylineRows, staff] = await Promise.all([
    db.select({ id: sections.id, name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db
      .select({ id: bylines.id, name: bylines.name, kind: bylines.kind, userId: bylines.userId })
      .from(bylines)
      .orderBy(asc(bylines.name)),
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.disabled, false))
      .orderBy(asc(users.name)),
  ]);
  return { sections: sectionRows, bylines: bylineRows, staff };
}
