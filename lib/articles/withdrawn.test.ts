import { describe, expect, it } from 'vitest';
import { decideWithdrawn } from './withdrawn';

const once = new Date('2026-03-01T09:00:00Z');

describe('decideWithdrawn', () => {
  it('is withdrawn once published and now unpublished or back in the workflow', () => {
    expect(decideWithdrawn({ status: 'unpublished', publishedAt: once, deletedAt: null })).toBe(true);
    expect(decideWithdrawn({ status: 'draft', publishedAt: once, deletedAt: null })).toBe(true);
    expect(decideWithdrawn({ status: 'in_review', publishedAt: once, deletedAt: null })).toBe(true);
  });

  it('is withdrawn when a published article is in the trash', () => {
    expect(decideWithdrawn({ status: 'published', publishedAt: once, deletedAt: new Date() })).toBe(true);
  });

  it('is not withdrawn while live', () => {
    expect(decideWithdrawn({ status: 'published', publishedAt: once, deletedAt: null })).toBe(false);
  });

  it('never calls an address withdrawn that readers never saw: drafts and scheduled stories stay 404', () => {
    expect(decideWithdrawn({ status: 'draft', publishedAt: null, deletedAt: null })).toBe(false);
    expect(decideWithdrawn({ status: 'scheduled', publishedAt: null, deletedAt: null })).toBe(false);
    expect(decideWithdrawn({ status: 'draft', publishedAt: null, deletedAt: new Date() })).toBe(false);
  });
});
