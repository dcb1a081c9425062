import { describe, expect, it } from 'vitest';
import { auditPageHref, decideAuditQuery, startOfZonedDay } from './audit-filters';

describe('startOfZonedDay', () => {
  it('finds midnight in the newsroom zone, not UTC', () => {
    expect(startOfZonedDay('2026-11-26', 'Europe/Kyiv').toISOString()).toBe('2026-11-25T22:00:00.000Z');
    expect(startOfZonedDay('2026-07-01', 'Europe/Kyiv').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(startOfZonedDay('2026-11-26', 'UTC').toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});

describe('decideAuditQuery', () => {
  it('makes inclusive day bounds and a page number', () => {
    const q = decideAuditQuery({ actor: ' ed@x.org ', action: 'auth.sign_in', from: '2026-11-20', to: '2026-11-26', page: '3' }, 'Europe/Kyiv');
    expect(q.actor).toBe('ed@x.org');
    expect(q.action).toBe('auth.sign_in');
    expect(q.from?.toISOString()).toBe('2026-11-19T22:00:00.000Z');
    expect(q.to?.toISOString()).toBe('2026-11-26T22:00:00.000Z');
    expect(q.page).toBe(3);
  });

  it('ignores malformed values', () => {
    const q = decideAuditQuery({ from: 'yesterday', to: '2026-13', page: '-1' }, 'UTC');
    expect(q.from).toBeUndefined();
    expect(q.to).toBeUndefined();
    expect(q.page).toBe(1);
    expect(q.actor).toBeUndefined();
  });

  it('keeps filters in pagination links', () => {
    expect(auditPageHref({ actor: 'a@b.c', action: '', from: '', to: '' }, 2)).toBe('/admin/audit?actor=a%40b.c&page=2');
    expect(auditPageHref({ actor: '', action: '', from: '', to: '' }, 1)).toBe('/admin/audit');
  });
});
