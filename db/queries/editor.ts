import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  articleBylines,
  articles,
  articleTags,
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
  const [tagRows, bylineRows] = await Promise.all([
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.position)),
    db
      .select({ id: bylines.id, name: bylines.name })
      .from(articleBylines)
      .innerJoin(bylines, eq(bylines.id, articleBylines.bylineId))
      .where(eq(articleBylines.articleId, id))
      .orderBy(asc(articleBylines.position)),
  ]);
  const body = a.body as BodyDoc;
  const bodyIds = collectMediaIds(body);
  const found = await mediaByIds(
    [...bodyIds, a.heroMediaId, a.socialMediaId].filter((v): v is number => typeof v === 'number'),
  );
  return {
    id: a.id,
    version: a.version,
    status: a.status,
    createdBy: a.createdBy,
    url: articleUrl(row.sectionSlug, a.slug),
    ...pickTexts(a),
    slug: a.slug,
    sectionId: a.sectionId,
    kind: a.kind,
    body,
    tags: tagRows,
    bylines: bylineRows,
    hero: a.heroMediaId ? (found.get(a.heroMediaId) ?? null) : null,
    social: a.socialMediaId ? (found.get(a.socialMediaId) ?? null) : null,
    corrections: a.corrections,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt?.toISOString() ?? null,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    modifiedAt: a.modifiedAt.toISOString(),
    assigneeId: a.assigneeId,
    reviewDeadline: a.reviewDeadline?.toISOString() ?? null,
    internalNotes: a.internalNotes,
    bodyMedia: Object.fromEntries([...bodyIds].flatMap((mid) => (found.has(mid) ? [[mid, found.get(mid)!]] : []))),
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
