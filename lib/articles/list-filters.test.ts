import { describe, expect, it } from 'vitest';
import { adminArticlesHref, decideAdminArticleFilters } from './list-filters';

describe('decideAdminArticleFilters', () => {
  it('reads every filter from the query string', () => {
    const f = decideAdminArticleFilters(
      { status: 'in_review', section: '3', byline: '7', tag: '12', q: '  night   buses ', sort: 'title', page: '4' },
      { mayViewDeleted: false },
    );
    expect(f).toEqual({ status: 'in_review', sectionId: 3, bylineId: 7, tagId: 12, q: 'night buses', sort: 'title', page: 4 });
  });

  it('falls back to defaults for anything malformed, and keeps writers out of the trash', () => {
    const defaults = { status: 'all', sectionId: null, bylineId: null, tagId: null, q: '', sort: 'modified', page: 1 };
    expect(decideAdminArticleFilters({ status: 'gone', section: '0', byline: 'x', tag: '-1', sort: 'DROP', page: '02' }, { mayViewDeleted: true })).toEqual(
      defaults,
    );
    expect(decideAdminArticleFilters({ status: 'deleted' }, { mayViewDeleted: false }).status).toBe('all');
    expect(decideAdminArticleFilters({ status: 'deleted' }, { mayViewDeleted: true }).status).toBe('deleted');
    expect(decideAdminArticleFilters({ status: ['draft', 'published'] }, { mayViewDeleted: false }).status).toBe('draft');
  });
});

describe('adminArticlesHref', () => {
  it('writes only what differs from the defaults, and round-trips', () => {
    const f = decideAdminArticleFilters({}, { mayViewDeleted: true });
    expect(adminArticlesHref(f)).toBe('/admin/articles');
    const href = adminArticlesHref(f, { status: 'draft', q: 'a&b', page: 2, sectionId: 5 });
    expect(href).toBe('/admin/articles?status=draft&section=5&q=a%26b&page=2');
    const back = decideAdminArticleFilters(Object.fromEntries(new URL(href, 'http://x').searchParams), { mayViewDeleted: true });
    expect(back).toMatchObject({ status: 'draft', sectionId: 5, q: 'a&b', page: 2 });
  });
});
