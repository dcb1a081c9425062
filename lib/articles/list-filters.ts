import { ARTICLE_STATUSES } from '../domain';
import { parsePageParam } from '../site/pagination';

// The newsroom's article list is driven by a GET form: every filter lives in the URL, so a
// filtered list can be bookmarked, shared and used without JavaScript. This module turns the
// query string into a checked filter and back.

export const ADMIN_STATUS_TABS = ['all', ...ARTICLE_STATUSES, 'deleted'] as const;
export type AdminStatusTab = (typeof ADMIN_STATUS_TABS)[number];

export const ADMIN_SORTS = ['modified', 'published', 'title'] as const;
export type AdminSort = (typeof ADMIN_SORTS)[number];

export const ADMIN_ARTICLES_PER_PAGE = 25;

export interface AdminArticleFilters {
  status: AdminStatusTab;
  sectionId: number | null;
  bylineId: number | null;
  tagId: number | null;
  q: string;
  sort: AdminSort;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

function id(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export const STATUS_TAB_LABELS: Record<AdminStatusTab, string> = {
  all: 'All',
  draft: 'Drafts',
  in_review: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  deleted: 'Deleted',
};

export const SORT_LABELS: Record<AdminSort, string> = {
  modified: 'Last modified',
  published: 'Published',
  title: 'Title',
};

// Unknown or malformed values fall back to the defaults; "deleted" only for those who may
// see the trash (editors and up), so a writer's URL cannot open it.
export function decideAdminArticleFilters(params: Params, options: { mayViewDeleted: boolean }): AdminArticleFilters {
  const status = one(params.status) as AdminStatusTab;
  const sort = one(params.sort) as AdminSort;
  const validStatus = (ADMIN_STATUS_TABS as readonly string[]).includes(status) && (status !== 'deleted' || options.mayViewDeleted);
  return {
    status: validStatus ? status : 'all',
    sectionId: id(one(params.section)),
    bylineId: id(one(params.byline)),
    tagId: id(one(params.tag)),
    q: one(params.q).replace(/\s+/g, ' ').slice(0, 200),
    sort: (ADMIN_SORTS as readonly string[]).includes(sort) ? sort : 'modified',
    page: parsePageParam(one(params.page)) ?? 1,
  };
}

// The list's address for these filters, leaving defaults out so URLs stay short.
export function adminArticlesHref(filters: AdminArticleFilters, changes: Partial<AdminArticleFilters> = {}): string {
  const f = { ...filters, ...changes };
  const params = new URLSearchParams();
  if (f.status !== 'all') params.set('status', f.status);
  if (f.sectionId) params.set('section', String(f.sectionId));
  if (f.bylineId) params.set('byline', String(f.bylineId));
  if (f.tagId) params.set('tag', String(f.tagId));
  if (f.q) params.set('q', f.q);
  if (f.sort !== 'modified') params.set('sort', f.sort);
  if (f.page > 1) params.set('page', String(f.page));
  const query = params.toString();
  return query ? `/admin/articles?${query}` : '/admin/articles';
}
