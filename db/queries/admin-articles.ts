import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { articleBylines, articles, articleTags, articleWorkingCopies, bylines, sections, tags, users } from '@/db/schema';
import {
  ADMIN_ARTICLES_PER_PAGE,
  ADMIN_STATUS_TABS,
  type AdminArticleFilters,
  type AdminStatusTab,
} from '@/lib/articles/list-filters';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/domain';
import { buildMatchExpression } from '@/lib/site/search-query';

// The newsroom's article list (uncached, per request). Who sees what: writers ('article.edit'
// scope 'own') see only articles they created or are assigned to; editors see all. The caller
// passes the viewer's scope from lib/newsroom/permissions.ts — this module does not decide roles.
// Every filter is served by an index at 100,000 articles (db/queries/admin-articles.test.ts).

export interface AdminViewer {
  id: number;
  scope: 'own' | 'any';
}

export interface AdminArticleRow {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  section: { name: string; slug: string } | null;
  modifiedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  deletedAt: Date | null;
  createdBy: number | null;
  createdByName: string | null;
  assigneeName: string | null;
  version: number;
  bylines: string[];
  // When the story's pending changes (a live or scheduled story's edits waiting for Update) were
  // last saved; null when it has none.
  pendingSavedAt: Date | null;
}

export interface AdminArticleList {
  rows: AdminArticleRow[];
  total: number;
  pageCount: number;
  // Per status tab, under the same filters (section, byline, tag, text, scope).
  counts: Record<AdminStatusTab, number>;
}

function scopeCondition(viewer: AdminViewer): SQL | undefined {
  if (viewer.scope === 'any') return undefined;
  return or(eq(articles.createdBy, viewer.id), eq(articles.assigneeId, viewer.id));
}

// Everything but the status tab.
function baseConditions(filters: AdminArticleFilters, viewer: AdminViewer): SQL[] {
  const conditions: SQL[] = [];
  const scope = scopeCondition(viewer);
  if (scope) conditions.push(scope);
  if (filters.sectionId) conditions.push(eq(articles.sectionId, filters.sectionId));
  if (filters.bylineId) {
    conditions.push(
      inArray(articles.id, getDb().select({ id: articleBylines.articleId }).from(articleBylines).where(eq(articleBylines.bylineId, filters.bylineId))),
    );
  }
  if (filters.tagId) {
    conditions.push(inArray(articles.id, getDb().select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, filters.tagId))));
  }
  const match = buildMatchExpression(filters.q);
  if (match) {
    // Title, dek and body words through the search index (any status; the index covers all).
    conditions.push(sql`${articles.id} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${match})`);
  } else if (filters.q) {
    // Nothing searchable (punctuation only): match nothing rather than everything.
    conditions.push(sql`0`);
  }
  return conditions;
}

function statusCondition(tab: AdminStatusTab): SQL[] {
  if (tab === 'deleted') return [isNotNull(articles.deletedAt)];
  if (tab === 'all') return [isNull(articles.deletedAt)];
  return [eq(articles.status, tab), isNull(articles.deletedAt)];
}

function orderFor(filters: AdminArticleFilters) {
  if (filters.sort === 'title') return [asc(sql`${articles.title} COLLATE NOCASE`), asc(articles.id)];
  if (filters.sort === 'published') return [sql`${articles.publishedAt} DESC NULLS LAST`, desc(articles.id)];
  return [desc(articles.modifiedAt), desc(articles.id)];
}

async function countWhere(conditions: SQL[]): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(articles).where(and(...conditions));
  return row?.n ?? 0;
}

export async function listAdminArticles(filters: AdminArticleFilters, viewer: AdminViewer): Promise<AdminArticleList> {
  const db = getDb();
  const base = baseConditions(filters, viewer);
  // One count per tab, each narrowed by the status index (a GROUP BY would walk every row).
  const tabs = ADMIN_STATUS_TABS.filter((t) => t !== 'all');
  const tabCounts = await Promise.all(tabs.map((tab) => countWhere([...base, ...statusCondition(tab)])));
  const counts = Object.fromEntries(tabs.map((tab, i) => [tab, tabCounts[i] ?? 0])) as Record<AdminStatusTab, number>;
  counts.all = ARTICLE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const total = counts[filters.status];
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_ARTICLES_PER_PAGE));

  const creator = alias(users, 'creator');
  const assignee = alias(users, 'assignee');
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      sectionName: sections.name,
      sectionSlug: sections.slug,
      modifiedAt: articles.modifiedAt,
      publishedAt: articles.publishedAt,
      scheduledAt: articles.scheduledAt,
      deletedAt: articles.deletedAt,
      createdBy: articles.createdBy,
      createdByName: creator.name,
      assigneeName: assignee.name,
      version: articles.version,
      pendingSavedAt: articleWorkingCopies.savedAt,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(creator, eq(creator.id, articles.createdBy))
    .leftJoin(assignee, eq(assignee.id, articles.assigneeId))
    .leftJoin(articleWorkingCopies, eq(articleWorkingCopies.articleId, articles.id))
    .where(and(...base, ...statusCondition(filters.status)))
    .orderBy(...orderFor(filters))
    .limit(ADMIN_ARTICLES_PER_PAGE)
    .offset((page - 1) * ADMIN_ARTICLES_PER_PAGE);

  const names = new Map<number, string[]>();
  if (rows.length > 0) {
    const bylineRows = await db
      .select({ articleId: articleBylines.articleId, name: bylines.name })
      .from(articleBylines)
      .innerJoin(bylines, eq(bylines.id, articleBylines.bylineId))
      .where(inArray(articleBylines.articleId, rows.map((r) => r.id)))
      .orderBy(asc(articleBylines.articleId), asc(articleBylines.position));
    for (const b of bylineRows) names.set(b.articleId, [...(names.get(b.articleId) ?? []), b.name]);
  }
  return {
    total,
    pageCount,
    counts,
    rows: rows.map(({ sectionName, sectionSlug, ...r }) => ({
      ...r,
      section: sectionName && sectionSlug ? { name: sectionName, slug: sectionSlug } : null,
      bylines: names.get(r.id) ?? [],
    })),
  };
}

export interface FilterOption {
  id: number;
  name: string;
}

// The choices for the list's filter form.
export async function listAdminArticleFilterOptions(): Promise<{ sections: FilterOption[]; bylines: FilterOption[]; tags: FilterOption[] }> {
  const db = getDb();
  const [sectionRows, bylineRows, tagRows] = await Promise.all([
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ id: bylines.id, name: bylines.name }).from(bylines).orderBy(asc(bylines.name)),
    db.select({ id: tags.id, name: tags.name }).from(tags).orderBy(asc(tags.name)),
  ]);
  return { sections: sectionRows, bylines: bylineRows, tags: tagRows };
}

export interface ArticleOwnership {
  id: number;
  createdBy: number | null;
  assigneeId: number | null;
  status: ArticleStatus;
  deleted: boolean;
  version: number;
}

// What a server action needs to ask lib/newsroom/permissions.ts about one article (deleted ones too).
export async function getArticleOwnership(id: number): Promise<ArticleOwnership | null> {
  const [row] = await getDb()
    .select({ id: articles.id, createdBy: articles.createdBy, assigneeId: articles.assigneeId, status: articles.status, deletedAt: articles.deletedAt, version: articles.version })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  if (!row) return null;
  const { deletedAt, ...rest } = row;
  return { ...rest, deleted: deletedAt !== null };
}
