import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/domain';
import {
  canChangeLiveUpdate,
  ACTIONS,
  ADMIN_PAGES,
  can,
  canChangeArticle,
  canMoveArticle,
  decideAdminPage,
  decideArticleControls,
  decideUserControls,
  moveArticle,
  PERMISSION_TABLE,
  refusalMessage,
  type Action,
} from './permissions';

// The expected table, written out cell by cell by hand, independently of the module:
// A = allowed on anything, O = only on own resources, - = refused.
// Columns: contributor, author, editor, admin.
const EXPECTED: Record<Action, [string, string, string, string]> = {
  'admin.access': ['A', 'A', 'A', 'A'],
  'account.update_own': ['A', 'A', 'A', 'A'],
  'article.edit': ['O', 'O', 'A', 'A'],
  'article.submit': ['O', 'O', 'A', 'A'],
  'article.approve': ['-', '-', 'A', 'A'],
  'article.publish': ['-', 'O', 'A', 'A'],
  'article.delete': ['O', 'O', 'A', 'A'],
  'article.restore': ['-', '-', 'A', 'A'],
  'media.upload': ['A', 'A', 'A', 'A'],
  'live.post': ['-', 'A', 'A', 'A'],
  'live.manage': ['-', 'O', 'A', 'A'],
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

describe('canChangeArticle() — a live or scheduled article needs the right to publish', () => {
  const statuses = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'unpublished'] as const;
  // Written out from the role table: who may save (edit) an article they may open, by status.
  const MAY_SAVE_OWN: Record<Role, Record<(typeof statuses)[number], boolean>> = {
    contributor: { draft: true, in_review: true, approved: true, scheduled: false, published: false, unpublished: true },
    author: { draft: true, in_review: true, approved: true, scheduled: true, published: true, unpublished: true },
    editor: { draft: true, in_review: true, approved: true, scheduled: true, published: true, unpublished: true },
    admin: { draft: true, in_review: true, approved: true, scheduled: true, published: true, unpublished: true },
  };
  for (const role of ROLES) {
    for (const status of statuses) {
      it(`${role}, own ${status} article: save ${MAY_SAVE_OWN[role][status] ? 'allowed' : 'refused'}`, () => {
        const user = { id: ME, role };
        expect(canChangeArticle(user, 'article.edit', { ownerId: ME, status })).toBe(MAY_SAVE_OWN[role][status]);
        expect(canChangeArticle(user, 'article.delete', { ownerId: ME, status })).toBe(MAY_SAVE_OWN[role][status]);
        // Someone else's article: only editors and admins, whatever the status.
        expect(canChangeArticle(user, 'article.edit', { ownerId: OTHER, status })).toBe(role === 'editor' || role === 'admin');
      });
    }
  }

  it('a contributor cannot take their own scheduled or published article back to review or draft', () => {
    const contributor = { id: ME, role: 'contributor' as const };
    for (const status of ['scheduled', 'published'] as const) {
      expect(canMoveArticle(contributor, { ownerId: ME, status }, 'in_review')).toBe(false);
      expect(canMoveArticle(contributor, { ownerId: ME, status }, 'draft')).toBe(false);
    }
    expect(canMoveArticle(contributor, { ownerId: ME, status: 'draft' }, 'in_review')).toBe(true);
    expect(canMoveArticle(contributor, { ownerId: ME, status: 'in_review' }, 'draft')).toBe(true);
    expect(canMoveArticle(contributor, { ownerId: ME, status: 'draft' }, 'published')).toBe(false);
  });

  it('an author moves their own live article anywhere the workflow allows, never someone else\'s', () => {
    const author = { id: ME, role: 'author' as const };
    expect(canMoveArticle(author, { ownerId: ME, status: 'scheduled' }, 'draft')).toBe(true);
    expect(canMoveArticle(author, { ownerId: ME, status: 'published' }, 'unpublished')).toBe(true);
    expect(canMoveArticle(author, { ownerId: OTHER, status: 'draft' }, 'in_review')).toBe(false);
  });

  it('the editor page and revisions page offer exactly what the doors allow', () => {
    const contributor = { id: ME, role: 'contributor' as const };
    expect(decideArticleControls(contributor, { ownerId: ME, status: 'published' })).toEqual({
      canEdit: false,
      canPublish: false,
      canApprove: false,
      canDelete: false,
      canRestoreRevision: false,
    });
    expect(decideArticleControls(contributor, { ownerId: ME, status: 'draft' })).toEqual({
      canEdit: true,
      canPublish: false,
      canApprove: false,
      canDelete: true,
      canRestoreRevision: true,
    });
  });
});

describe('canMoveArticle() to approved — a second pair of eyes', () => {
  // Written out by hand: may `role` approve an article in review that is (own) theirs or (other)
  // someone else's? Editors and admins approve others' work; nobody approves their own.
  const MAY_APPROVE: Record<Role, { own: boolean; other: boolean }> = {
    contributor: { own: false, other: false },
    author: { own: false, other: false },
    editor: { own: false, other: true },
    admin: { own: false, other: true },
  };
  for (const role of ROLES) {
    it(`${role}: own ${MAY_APPROVE[role].own ? 'allowed' : 'refused'}, someone else's ${MAY_APPROVE[role].other ? 'allowed' : 'refused'}`, () => {
      const user = { id: ME, role };
      expect(canMoveArticle(user, { ownerId: ME, status: 'in_review' }, 'approved')).toBe(MAY_APPROVE[role].own);
      expect(canMoveArticle(user, { ownerId: OTHER, status: 'in_review' }, 'approved')).toBe(MAY_APPROVE[role].other);
      expect(canMoveArticle(user, { ownerId: null, status: 'in_review' }, 'approved')).toBe(MAY_APPROVE[role].other);
      expect(decideArticleControls(user, { ownerId: OTHER, status: 'in_review' }).canApprove).toBe(MAY_APPROVE[role].other);
      expect(moveArticle('approved').allows(user, { ownerId: OTHER, status: 'in_review' } as never)).toBe(MAY_APPROVE[role].other);
      expect(moveArticle('approved').allows(user, { ownerId: ME, status: 'in_review' } as never)).toBe(false);
    });
  }

  it('tells an editor why their own article is refused', () => {
    const editor = { id: ME, role: 'editor' as const };
    const article = { ownerId: ME, status: 'in_review' as const };
    expect(refusalMessage(moveArticle('approved'), editor, article)).toBe(
      'You are not allowed to do that. You wrote this article; another editor has to approve it.',
    );
  });

  it('a disabled editor approves nothing', () => {
    expect(canMoveArticle({ id: ME, role: 'editor', disabled: true }, { ownerId: OTHER, status: 'in_review' }, 'approved')).toBe(false);
  });
});

describe('decideUserControls() — what the users page offers', () => {
  const me = { id: 1 };
  it('never offers to disable yourself', () => {
    expect(decideUserControls(me, { id: 1, role: 'admin', disabled: false }, 3)).toEqual({ canDisable: false, canChangeRole: true });
  });
  it('leaves the last active administrator alone', () => {
    expect(decideUserControls(me, { id: 2, role: 'admin', disabled: false }, 1)).toEqual({ canDisable: false, canChangeRole: false });
  });
  it('offers both for anyone else, and enabling a disabled account', () => {
    expect(decideUserControls(me, { id: 2, role: 'editor', disabled: false }, 1)).toEqual({ canDisable: true, canChangeRole: true });
    expect(decideUserControls(me, { id: 2, role: 'admin', disabled: true }, 1)).toEqual({ canDisable: true, canChangeRole: true });
  });
});

describe('decideAdminPage() — what opens each newsroom page', () => {
  it('reads the list pages from ADMIN_PAGES', () => {
    expect(decideAdminPage('/admin/users')).toEqual({ action: 'user.manage', articleId: null });
    expect(decideAdminPage('/admin/audit/')).toEqual({ action: 'audit.read', articleId: null });
    expect(decideAdminPage('/admin')).toEqual({ action: 'admin.access', articleId: null });
  });
  it('names the article an editor page is about', () => {
    expect(decideAdminPage('/admin/articles/42')).toEqual({ action: 'article.edit', articleId: 42 });
    expect(decideAdminPage('/admin/articles/42/revisions')).toEqual({ action: 'article.edit', articleId: 42 });
    expect(decideAdminPage('/admin/articles/new')).toEqual({ action: 'admin.access', articleId: null });
    expect(decideAdminPage('/admin/media/7')).toEqual({ action: 'media.upload', articleId: null });
    expect(decideAdminPage('/admin/articles/12/live')).toEqual({ action: 'live.post', articleId: 12 });
  });
  it('knows nothing of other addresses', () => {
    expect(decideAdminPage('/admin/nothing-here')).toBeNull();
    expect(decideAdminPage('/admin/articles/abc')).toBeNull();
    expect(decideAdminPage('/politics')).toBeNull();
  });
});

describe('canChangeLiveUpdate — an update of a live page', () => {
  const update = (ownerId: number | null, articleOwnerId: number | null) => ({ ownerId, articleOwnerId });
  it('its poster may change it while they may post', () => {
    expect(canChangeLiveUpdate({ id: ME, role: 'author' }, update(ME, OTHER))).toBe(true);
    expect(canChangeLiveUpdate({ id: ME, role: 'contributor' }, update(ME, ME))).toBe(false);
  });
  it('another reporter may not, unless the story is theirs', () => {
    expect(canChangeLiveUpdate({ id: ME, role: 'author' }, update(OTHER, OTHER))).toBe(false);
    expect(canChangeLiveUpdate({ id: ME, role: 'author' }, update(OTHER, ME))).toBe(true);
  });
  it('editors and admins may change anyone’s', () => {
    expect(canChangeLiveUpdate({ id: ME, role: 'editor' }, update(OTHER, OTHER))).toBe(true);
    expect(canChangeLiveUpdate({ id: ME, role: 'admin' }, update(null, null))).toBe(true);
  });
});
