import { describe, expect, it } from 'vitest';
import { describeAuditEntry, formatAuditValue, listAuditArticleIds, type AuditArticle, type AuditText } from './audit-entry';

const zone = 'Europe/Kyiv';
const articles = new Map<number, AuditArticle>([
  [311, { title: 'Council approves the harbour budget', deleted: false }],
  [12, { title: 'Tram line reopens', deleted: false }],
  [40, { title: 'Withdrawn ferry story', deleted: true }],
]);
const text = (value: AuditText) => value.map((part) => part.text).join('');
const entry = (action: string, targetType: string | null, targetId: string | null, details: unknown) => ({ action, targetType, targetId, details });

describe('describeAuditEntry', () => {
  it('names an article by its headline, linked to the editor', () => {
    const read = describeAuditEntry(entry('article.publish', 'article', '311', { from: 'approved', to: 'published', scheduledAt: null }), articles, zone);
    expect(read.action).toBe('Published');
    expect(read.target).toEqual([{ text: 'Council approves the harbour budget', href: '/admin/articles/311' }]);
    expect(read.details).toEqual([{ label: 'Status', value: [{ text: 'Approved → Published' }] }]);
  });

  it('keeps the headline the entry recorded when the article is gone, and links nothing in the trash', () => {
    expect(describeAuditEntry(entry('article.delete', 'article', '40', { title: 'Old', status: 'published' }), articles, zone).target).toEqual([
      { text: 'Withdrawn ferry story (in the trash)' },
    ]);
    expect(describeAuditEntry(entry('article.create', 'article', '999', { title: 'Purged story' }), articles, zone).target).toEqual([{ text: 'Purged story' }]);
    expect(text(describeAuditEntry(entry('article.unpublish', 'article', '998', {}), articles, zone).target)).toBe('Article #998 (no longer exists)');
  });

  it('reads the banner before and after, never [object Object]', () => {
    const read = describeAuditEntry(
      entry('breaking.updated', 'settings', 'breaking', {
        before: { text: 'Bridge closed', url: '/search?q=bridge', expiresAt: '2099-07-01T06:30:00.000Z' },
        after: null,
      }),
      articles,
      zone,
    );
    expect(read.action).toBe('Breaking-news banner changed');
    // The action names it; the entry names no other target.
    expect(read.target).toEqual([]);
    expect(read.details.map((d) => `${d.label}: ${text(d.value)}`)).toEqual([
      'Before: “Bridge closed”, linking to /search?q=bridge, until July 1, 2099, 09:30 EEST',
      'After: No banner',
    ]);
  });

  it('shows a curated slot’s stories before and after by headline', () => {
    const read = describeAuditEntry(entry('curation.updated', 'curation', 'top', { slot: 'top', before: [12], after: [311, 12] }), articles, zone);
    expect(read.target).toEqual([{ text: 'Top stories' }]);
    expect(read.details[0]).toEqual({ label: 'Before', value: [{ text: 'Tram line reopens', href: '/admin/articles/12' }] });
    expect(read.details[1]!.value).toEqual([
      { text: '1. ' },
      { text: 'Council approves the harbour budget', href: '/admin/articles/311' },
      { text: ' · 2. ' },
      { text: 'Tram line reopens', href: '/admin/articles/12' },
    ]);
    expect(text(describeAuditEntry(entry('curation.updated', 'curation', 'lead', { before: [], after: [12] }), articles, zone).details[0]!.value)).toBe('(none)');
  });

  it('lists only the settings that changed', () => {
    const read = describeAuditEntry(
      entry('settings.updated', 'settings', 'site', { before: { siteName: 'The Gazette', timeZone: 'Europe/Kyiv' }, after: { siteName: 'The City Gazette', timeZone: 'Europe/Kyiv' } }),
      articles,
      zone,
    );
    expect(read.details.map((d) => `${d.label}: ${text(d.value)}`)).toEqual(['Site name: The Gazette → The City Gazette']);
  });

  it('names no target for a sign-in: the actor is the account', () => {
    expect(describeAuditEntry(entry('auth.sign_in', 'user', '1', null), articles, zone).target).toEqual([]);
  });

  it('reads users, sign-in failures, tags and redirects', () => {
    const role = describeAuditEntry(entry('user.role_changed', 'user', '5', { email: 'a@gazette.test', from: 'author', to: 'editor' }), articles, zone);
    expect(text(role.target)).toBe('a@gazette.test');
    expect(text(role.details[0]!.value)).toBe('author → editor');
    expect(text(describeAuditEntry(entry('auth.sign_in_failed', null, null, { reason: 'wrong_password' }), articles, zone).details[0]!.value)).toBe('wrong password');
    const merged = describeAuditEntry(
      entry('tag.merged', 'tag', '2', { from: { id: 3, name: 'Trams', slug: 'trams' }, into: { id: 2, name: 'Transit', slug: 'transit' }, articles: 4 }),
      articles,
      zone,
    );
    expect(text(merged.details[0]!.value)).toBe('“Trams” into “Transit”');
    const redirect = describeAuditEntry(entry('redirect.deleted', 'redirect', '7', { from: '/old', to: '/new' }), articles, zone);
    expect(redirect.details.map((d) => text(d.value))).toEqual(['/old', '/new']);
  });

  it('reads an unknown action’s details as text', () => {
    const read = describeAuditEntry(entry('something.new', null, null, { before: { a: 1 }, list: [1, 2] }), articles, zone);
    expect(read.action).toBe('something.new');
    expect(read.details.map((d) => `${d.label}: ${text(d.value)}`)).toEqual(['before: a: 1', 'list: 1, 2']);
  });
});

describe('listAuditArticleIds', () => {
  it('collects article targets and curated stories once each', () => {
    expect(
      listAuditArticleIds([
        entry('article.publish', 'article', '311', {}),
        entry('curation.updated', 'curation', 'top', { before: [12, 311], after: [40] }),
        entry('user.created', 'user', '5', {}),
      ]).sort((a, b) => a - b),
    ).toEqual([12, 40, 311]);
  });
});

describe('formatAuditValue', () => {
  it('never prints [object Object]', () => {
    expect(formatAuditValue({ name: 'City', slug: 'city' })).toBe('Name: City; Address: city');
    expect(formatAuditValue(null)).toBe('(none)');
  });
});
