import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags, bylines, media, sections, tags, type ArticleStatus } from '@/db/schema';
import { articleUrl, mediaUrl, toImageRef, type ArticlePage } from '@/db/queries/articles';
import { sanitizeBody } from '@/lib/body/sanitize';
import { collectMediaIds } from '@/lib/body/text';
import type { BodyMedia } from '@/lib/body/types';
import { readingTimeMinutes } from '@/lib/reading-time';

// An article in any status (not deleted) as its public page would show it, for /preview.
// Uncached and untagged: a preview must show the latest save, and the caller (app/preview)
// decides who may see it. The mapping mirrors getPublishedArticle in db/queries/articles.ts,
// which stays the only reader query; keep the two in step when the page gains a field.

export interface ArticlePreview {
  article: ArticlePage;
  status: ArticleStatus;
  // Whose article it is, for the 'own' scope of 'article.edit'.
  createdBy: number | null;
  scheduledAt: string | null;
  // The address it has (or will have) once published.
  publicUrl: string;
}

export async function getArticleForPreview(id: number, now = new Date()): Promise<ArticlePreview | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const db = getDb();
  const [row] = await db
    .select({ article: articles, sectionName: sections.name, sectionSlug: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
    .limit(1);
  if (!row) return null;
  const a = row.article;

  const body = sanitizeBody(a.body);
  const mediaIds = collectMediaIds(body);
  if (a.heroMediaId) mediaIds.push(a.heroMediaId);

  const [bylineRows, tagRows, mediaRows] = await Promise.all([
    db
      .select({
        id: bylines.id,
        name: bylines.name,
        slug: bylines.slug,
        kind: bylines.kind,
        jobTitle: bylines.jobTitle,
        bio: bylines.bio,
        avatarFile: media.file,
        avatarWidth: media.width,
        avatarHeight: media.height,
      })
      .from(articleBylines)
      .innerJoin(bylines, eq(bylines.id, articleBylines.bylineId))
      .leftJoin(media, eq(media.id, bylines.avatarMediaId))
      .where(eq(articleBylines.articleId, a.id))
      .orderBy(asc(articleBylines.position)),
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, a.id))
      .orderBy(asc(articleTags.position)),
    mediaIds.length ? db.select().from(media).where(inArray(media.id, mediaIds)) : Promise.resolve([]),
  ]);

  const bodyMedia: Record<number, BodyMedia> = {};
  for (const m of mediaRows) {
    bodyMedia[m.id] = { id: m.id, src: mediaUrl(m.file), width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit };
  }
  const heroMedia = a.heroMediaId ? mediaRows.find((m) => m.id === a.heroMediaId) : undefined;
  // An unpublished article shows the time it is scheduled for, or "now": what a reader would see
  // if it went live at this moment.
  const publishedAt = (a.publishedAt ?? a.scheduledAt ?? now).toISOString();
  const url = articleUrl(row.sectionSlug, a.slug);

  return {
    status: a.status,
    createdBy: a.createdBy,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    publicUrl: url,
    article: {
      id: a.id,
      url,
      slug: a.slug,
      title: a.title,
      dek: a.dek,
      kind: a.kind,
      section: { id: a.sectionId, name: row.sectionName, slug: row.sectionSlug },
      publishedAt,
      updatedAt: (a.updatedAt ?? a.publishedAt ?? a.scheduledAt ?? now).toISOString(),
      wordCount: a.wordCount,
      readingMinutes: readingTimeMinutes(a.wordCount),
      body,
      media: bodyMedia,
      hero: heroMedia
        ? {
            src: mediaUrl(heroMedia.file),
            width: heroMedia.width,
            height: heroMedia.height,
            alt: heroMedia.alt,
            caption: a.heroCaption || heroMedia.caption,
            credit: a.heroCredit || heroMedia.credit,
          }
        : null,
      bylines: bylineRows.map((b) => ({
        id: b.id,
        name: b.name,
        slug: b.slug,
        kind: b.kind,
        jobTitle: b.jobTitle,
        bio: b.bio,
        avatar: toImageRef(b.avatarFile, b.avatarWidth, b.avatarHeight, b.name),
      })),
      tags: tagRows,
      videoUrl: a.videoUrl,
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      corrections: a.corrections,
    },
  };
}

/** Who owns the article, for checking a preview-link request; null when unknown or deleted. */
export async function getPreviewOwner(id: number): Promise<{ id: number; createdBy: number | null } | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await getDb()
    .select({ id: articles.id, createdBy: articles.createdBy })
    .from(articles)
    .where(and(eq(articles.id, id), isNull(articles.deletedAt)))
    .limit(1);
  return row ?? null;
}
