import { describe, expect, it } from 'vitest';
import type { Role } from '@/db/schema';
import { ROLE_LIST as ROLES } from '@/lib/roles';
import { ACTIONS, ADMIN_PAGES, can, PERMISSION_TABLE, type Action } from './permissions';

// The expected table, written out cell by cell from design.md §3 independently of the module:
// A = allowed on anything, O = only on own resources, - = refused.
// Columns: contributor, author, editor, admin.
const EXPECTED: Record<Action, [string, string, string, string]> = {
  'admin.access': ['A', 'A', 'A', 'A'],
  'account.update_own': ['A', 'A', 'A', 'A'],
  'article.edit': ['O', 'O', 'A', 'A'],
  'article.submit': ['O', 'O', 'A', 'A'],
  'article.publish': ['-', 'O', 'A', 'A'],
  'article.delete': ['O', 'O', 'A', 'A'],
  'article.restore': ['-', '-', 'A', 'A'],
  'media.upload': ['A', 'A', 'A', 'A'],
  'media.edit': ['O', 'O', 'A', 'A'],
  'article.attach_taxonomy': ['O', 'O', 'A', 'A'],
  'tag.create': ['-', 'A', 'A', 'A'],
  'tag.manage': ['-', '-', 'A', 'A'],
  'section.manage': ['-', '-', 'A', 'A'],
  'byline.manage': ['-', '-', 'A', 'A'],
  'curation.manage': ['-', '-', 'A', 'A'],
  'breaking.manage': ['-', '-', 'A', 'A'],
  'redirect.manage': ['-', '-', 'A', 'A'],
  'user.manage': ['-', '-', '-', 'A'],
  'settings.manage': ['-', '-', '-', 'A'],
  'audit.read': ['-', '-', '-', 'A'],
};

const ME = 7;
const OTHER = 8;

describe('can() — every cell of the role table', () => {
  it('covers every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    ROLES.forEach((role: Role, column) => {
      const cell = EXPECTED[action][column];
      const user = { id: ME, role };
      it(`${role} ${cell === '-' ? 'may not' : 'may'} ${action}${cell === 'O' ? ' (own only)' : ''}`, () => {
        expect(can(user, action, { ownerId: ME })).toBe(cell !== '-');
        expect(can(user, action, { ownerId: OTHER })).toBe(cell === 'A');
        expect(can(user, action, { ownerId: null })).toBe(cell === 'A');
        // Without a resource only unconditional permissions hold.
        expect(can(user, action)).toBe(cell === 'A');
      });
    });
  }
});

describe('can() — who is asking', () => {
  it('refuses nobody and disabled users, whatever their role', () => {
    expect(can(null, 'admin.access')).toBe(false);
    expect(can(undefined, 'article.edit', { ownerId: ME })).toBe(false);
    expect(can({ id: ME, role: 'admin', disabled: true }, 'user.manage')).toBe(false);
    expect(can({ id: ME, role: 'contributor', disabled: true }, 'article.edit', { ownerId: ME })).toBe(false);
  });

  it('refuses a role it does not know', () => {
    expect(can({ id: ME, role: 'owner' as Role }, 'admin.access')).toBe(false);
  });
});

describe('ADMIN_PAGES', () => {
  it('shows users and the audit log only to admins, redirects to editors and admins', () => {
    const visible = (role: Role) =>
      ADMIN_PAGES.filter((p) => can({ id: ME, role }, p.action)).map((p) => p.href);
    const writer = ['/admin', '/admin/articles', '/admin/media', '/admin/account'];
    const desk = ['/admin', '/admin/articles', '/admin/media', '/admin/sections', '/admin/tags', '/admin/bylines', '/admin/curation', '/admin/settings'];
    expect(visible('contributor')).toEqual(writer);
    expect(visible('author')).toEqual(writer);
    expect(visible('editor')).toEqual([...desk, '/admin/redirects', '/admin/account']);
    expect(visible('admin')).toEqual([...desk, '/admin/users', '/admin/audit', '/admin/redirects', '/admin/account']);
  });
});
