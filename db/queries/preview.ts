import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, sections } from '@/db/schema';
import { buildArticlePage, type ArticlePage } from '@/db/queries/articles';
import type { ArticleStatus } from '@/lib/domain';

// An article in any status (not deleted) as its public page would show it, for /preview.
// Uncached and untagged: a preview must show the latest save, and the caller (app/preview)
// decides who may see it. The page itself is built by the same function as the reader's
// (buildArticlePage), so the preview cannot drift from the public page.

export interface ArticlePreview {
  article: ArticlePage;
  status: ArticleStatus;
  // Whose article it is, for the 'own' scope of 'article.edit'.
  createdBy: number | null;
  scheduledAt: string | null;
  // The address it has (or will have) once published.
  publicUrl: string;
  // Share links issued until then no longer open it (platform/preview-token.ts).
  previewLinksRevokedAt: Date | null;
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
  // An unpublished article shows the time it is scheduled for, or "now": what a reader would see
  // if it went live at this moment.
  const publishedAt = a.publishedAt ?? a.scheduledAt ?? now;
  const article = await buildArticlePage(row, { publishedAt, updatedAt: a.updatedAt ?? publishedAt });
  return {
    status: a.status,
    createdBy: a.createdBy,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    publicUrl: article.url,
    previewLinksRevokedAt: a.previewLinksRevokedAt,
    article,
  };
}

/** When the desk last withdrew this article's share links (proxy.ts refuses older links). */
export function getPreviewLinksRevokedAt(id: number): Date | null {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const row = getDb()
    .select({ revokedAt: articles.previewLinksRevokedAt })
    .from(articles)
    .where(eq(articles.id, id))
    .get();
  return row?.revokedAt ?? null;
}
