import type { ArticleStatus, Role } from '@/lib/domain';

// The newsroom's role table, as data. Every admin page, server action and route handler asks
// `can()` (through server/session.ts); no other file decides who may do what.
//
// A scope says how far a role reaches for an action:
//   'any'  — allowed, whoever owns the resource
//   'own'  — allowed only on resources the user owns (resource.ownerId === user.id)
//   'none' — refused
export type Scope = 'none' | 'own' | 'any';

export const ACTIONS = [
  // Open the newsroom at all (dashboard, own account).
  'admin.access',
  'account.update_own',
  // Write and edit drafts, submit for review; 'own' for writers, 'any' for editors.
  'article.edit',
  'article.submit',
  // Approve someone else's article in review (never one's own: canMoveArticle).
  'article.approve',
  // Publish, schedule, unpublish.
  'article.publish',
  // Soft delete (writers their own, editors any) and bring a deleted article back (editors).
  'article.delete',
  'article.restore',
  'media.upload',
  // Live coverage: post an update to a story's live page (and edit or delete one's own) …
  'live.post',
  // … and run the coverage: start and end it, keep the key points, edit or delete anyone's update.
  'live.manage',
  // Alt text, captions, deletion of a media item.
  'media.edit',
  // Attach existing tags and bylines to an article one may edit.
  'article.attach_taxonomy',
  'tag.create',
  // Rename, merge, delete tags; sections; bylines; curation; breaking banner; redirects.
  'tag.manage',
  'section.manage',
  'byline.manage',
  'curation.manage',
  'breaking.manage',
  'redirect.manage',
  // Admin only.
  'user.manage',
  'settings.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

type Row = Readonly<Record<Role, Scope>>;

const everyone: Row = { contributor: 'any', author: 'any', editor: 'any', admin: 'any' };
const writersOwnEditorsAny: Row = { contributor: 'own', author: 'own', editor: 'any', admin: 'any' };
const authorsOwnEditorsAny: Row = { contributor: 'none', author: 'own', editor: 'any', admin: 'any' };
const authorsUp: Row = { contributor: 'none', author: 'any', editor: 'any', admin: 'any' };
const editorsUp: Row = { contributor: 'none', author: 'none', editor: 'any', admin: 'any' };
const adminsOnly: Row = { contributor: 'none', author: 'none', editor: 'none', admin: 'any' };

export const PERMISSION_TABLE: Readonly<Record<Action, Row>> = {
  'admin.access': everyone,
  'account.update_own': everyone,
  'article.edit': writersOwnEditorsAny,
  'article.submit': writersOwnEditorsAny,
  // The desk's editors review; a writer, even one who may publish their own work, does not sign
  // off on it (a managing editor wants a second pair of eyes to mean one).
  'article.approve': editorsUp,
  'article.publish': authorsOwnEditorsAny,
  'article.delete': writersOwnEditorsAny,
  'article.restore': editorsUp,
  'media.upload': everyone,
  // A live page is a team's: any reporter who may publish posts to it, as they would file to the
  // desk; contributors' work goes through review, so they do not post straight to readers.
  'live.post': authorsUp,
  // Starting, ending and summing up the coverage is the story's: its author, or any editor.
  'live.manage': authorsOwnEditorsAny,
  'media.edit': writersOwnEditorsAny,
  'article.attach_taxonomy': writersOwnEditorsAny,
  'tag.create': authorsUp,
  'tag.manage': editorsUp,
  'section.manage': editorsUp,
  'byline.manage': editorsUp,
  'curation.manage': editorsUp,
  'breaking.manage': editorsUp,
  'redirect.manage': editorsUp,
  'user.manage': adminsOnly,
  'settings.manage': adminsOnly,
  'audit.read': adminsOnly,
};

/** Whose role is checked: a signed-in user. (Who a write is recorded against is db/mutations/common.ts's Actor.) */
export interface ActingUser {
  id: number;
  role: Role;
  disabled?: boolean;
}

export interface Resource {
  // The user who owns the resource (an article's creator, a media item's uploader).
  ownerId: number | null;
}

export function scopeOf(role: Role, action: Action): Scope {
  return PERMISSION_TABLE[action][role];
}

/**
 * May `user` do `action` (on `resource`)? Pure: the caller supplies the acting user as read
 * from the database on this request. An 'own'-scoped action without a resource is refused,
 * so forgetting to pass the article never widens access.
 */
export function can(user: ActingUser | null | undefined, action: Action, resource?: Resource): boolean {
  if (!user || user.disabled) return false;
  const scope = PERMISSION_TABLE[action]?.[user.role];
  if (scope === 'any') return true;
  if (scope === 'own') return resource != null && resource.ownerId != null && resource.ownerId === user.id;
  return false;
}

/** An article as the permission rules see it: who created it and where it is in the workflow. */
export interface ArticleResource extends Resource {
  status: ArticleStatus;
}

/** Published, or scheduled to go live without anyone clicking again. */
export function isLiveStatus(status: ArticleStatus): boolean {
  return status === 'published' || status === 'scheduled';
}

/**
 * May `user` change `article` by `action` (save, restore a revision, move it in the workflow,
 * delete it)? The role table, plus the one rule every door shares: a live or scheduled article is
 * changed only by someone who may publish it, so a writer cannot rewrite, cancel or pull a story
 * an editor put out. Opening an article to read it is plain `can(user, 'article.edit', article)`.
 */
export function canChangeArticle(user: ActingUser | null | undefined, action: Action, article: ArticleResource): boolean {
  if (!can(user, action, article)) return false;
  return !isLiveStatus(article.status) || can(user, 'article.publish', article);
}

// Which permission each workflow move needs: anyone may send their own draft to review or take it
// back; approving needs 'article.approve'; publishing, scheduling and unpublishing need
// 'article.publish'. Moving a live article anywhere is a change, so canChangeArticle adds the
// publish right for that too.
export const TRANSITION_ACTION: Readonly<Record<ArticleStatus, Action>> = {
  draft: 'article.edit',
  in_review: 'article.submit',
  approved: 'article.approve',
  scheduled: 'article.publish',
  published: 'article.publish',
  unpublished: 'article.publish',
};

/** Nobody approves an article they wrote: approval is someone else's sign-off. */
function isOwnWork(user: ActingUser | null | undefined, article: Resource): boolean {
  return user != null && article.ownerId != null && article.ownerId === user.id;
}

export function canMoveArticle(user: ActingUser | null | undefined, article: ArticleResource, to: ArticleStatus): boolean {
  if (to === 'approved' && isOwnWork(user, article)) return false;
  return canChangeArticle(user, TRANSITION_ACTION[to], article);
}

/**
 * What a door asks before it lets anyone through: an action of the role table, or a rule built on
 * one. `why` says more than "not allowed" when the rule knows the reason (a live article).
 */
export interface Rule {
  action: Action;
  allows(user: ActingUser, resource: Resource | undefined): boolean;
  why?(user: ActingUser, resource: Resource | undefined): string | null;
}

export type Permission = Action | Rule;

export function ruleOf(permission: Permission): Rule {
  if (typeof permission !== 'string') return permission;
  return { action: permission, allows: (user, resource) => can(user, permission, resource) };
}

export const FORBIDDEN_MESSAGE = 'You are not allowed to do that.';

/** The refusal a person reads when `rule` says no. */
export function refusalMessage(rule: Rule, user: ActingUser, resource: Resource | undefined): string {
  const why = rule.why?.(user, resource);
  return why ? `${FORBIDDEN_MESSAGE} ${why}` : FORBIDDEN_MESSAGE;
}

function articleOf(resource: Resource | undefined): ArticleResource | null {
  return resource && 'status' in resource ? (resource as ArticleResource) : null;
}

/** Open an article in the newsroom (read it, say you have it open): the role's edit right. */
export const openArticle: Rule = { action: 'article.edit', allows: (user, resource) => can(user, 'article.edit', resource) };

/** Change an article by `action` (save, note, restore, delete): canChangeArticle. */
export function changeArticle(action: Action): Rule {
  return {
    action,
    allows: (user, resource) => {
      const article = articleOf(resource);
      return article !== null && canChangeArticle(user, action, article);
    },
    // Saying why helps the writer who could edit the draft yesterday; others only hear "no".
    why: (user, resource) => {
      const article = articleOf(resource);
      return article && isLiveStatus(article.status) && can(user, 'article.edit', article)
        ? 'This article is live; ask an editor to change it.'
        : null;
    },
  };
}

/** Move an article to `to` in the workflow: canMoveArticle. */
export function moveArticle(to: ArticleStatus): Rule {
  const change = changeArticle(TRANSITION_ACTION[to]);
  if (to !== 'approved') return change;
  return {
    action: change.action,
    allows: (user, resource) => {
      const article = articleOf(resource);
      return article !== null && canMoveArticle(user, article, to);
    },
    why: (user, resource) => {
      const article = articleOf(resource);
      return article && isOwnWork(user, article) && can(user, 'article.approve', article)
        ? 'You wrote this article; another editor has to approve it.'
        : change.why!(user, resource);
    },
  };
}

/** An update of a live page as the permission rules see it: who posted it, whose story it is. */
export interface LiveUpdateResource extends Resource {
  // The story's creator ('live.manage' is decided on the story).
  articleOwnerId: number | null;
}

function liveUpdateOf(resource: Resource | undefined): LiveUpdateResource | null {
  return resource && 'articleOwnerId' in resource ? (resource as LiveUpdateResource) : null;
}

/** May `user` edit or delete `update`? Its poster may (while they may still post); so may whoever runs the coverage. */
export function canChangeLiveUpdate(user: ActingUser | null | undefined, update: LiveUpdateResource): boolean {
  if (can(user, 'live.manage', { ownerId: update.articleOwnerId })) return true;
  return can(user, 'live.post') && update.ownerId != null && update.ownerId === user?.id;
}

/** Edit or delete an update of a live page: canChangeLiveUpdate. */
export const changeLiveUpdate: Rule = {
  action: 'live.post',
  allows: (user, resource) => {
    const update = liveUpdateOf(resource);
    return update !== null && canChangeLiveUpdate(user, update);
  },
  why: (user, resource) => (liveUpdateOf(resource) && can(user, 'live.post') ? 'Only its author or an editor changes this update.' : null),
};

/** What the editor and the revisions page offer `user` on `article` (the doors check again). */
export function decideArticleControls(user: ActingUser, article: ArticleResource) {
  return {
    canEdit: canChangeArticle(user, 'article.edit', article),
    canPublish: can(user, 'article.publish', article),
    canApprove: canMoveArticle(user, article, 'approved'),
    canDelete: canChangeArticle(user, 'article.delete', article),
    canRestoreRevision: canChangeArticle(user, 'article.edit', article),
  };
}

// Newsroom pages and which action opens them; the admin navigation shows only what `can()` allows.
export const ADMIN_PAGES: readonly { href: string; label: string; action: Action }[] = [
  { href: '/admin', label: 'Dashboard', action: 'admin.access' },
  { href: '/admin/articles', label: 'Articles', action: 'admin.access' },
  { href: '/admin/media', label: 'Media', action: 'media.upload' },
  { href: '/admin/sections', label: 'Sections', action: 'section.manage' },
  { href: '/admin/tags', label: 'Tags', action: 'tag.manage' },
  { href: '/admin/bylines', label: 'Bylines', action: 'byline.manage' },
  { href: '/admin/curation', label: 'Homepage', action: 'curation.manage' },
  { href: '/admin/settings', label: 'Settings', action: 'breaking.manage' },
  { href: '/admin/users', label: 'Users', action: 'user.manage' },
  { href: '/admin/audit', label: 'Audit log', action: 'audit.read' },
  { href: '/admin/redirects', label: 'Redirects', action: 'redirect.manage' },
  { href: '/admin/account', label: 'Your account', action: 'account.update_own' },
];

/**
 * What the users page offers an administrator on one person's row. The mutations refuse the same
 * (db/mutations/users.ts): nobody disables themselves, and the last active administrator is
 * neither disabled nor given another role.
 */
export function decideUserControls(me: { id: number }, person: { id: number; role: Role; disabled: boolean }, activeAdmins: number) {
  const lastAdmin = person.role === 'admin' && !person.disabled && activeAdmins <= 1;
  return {
    canDisable: person.disabled || (person.id !== me.id && !lastAdmin),
    canChangeRole: !lastAdmin,
  };
}

/**
 * The action that opens a newsroom page, and the article it is about (opened with the edit
 * right), or null for an address that is no newsroom page. proxy.ts asks before the page renders,
 * so a role that may not open it gets a real 403 (a page's own requirePermission runs after the
 * response has started, under Cache Components, and can only show the page); each page asks again.
 */
export function decideAdminPage(pathname: string): { action: Action; articleId: number | null } | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const article = /^\/admin\/articles\/(\d{1,12})(?:\/revisions)?$/.exec(path);
  if (article) return { action: 'article.edit', articleId: Number(article[1]) };
  const live = /^\/admin\/articles\/(\d{1,12})\/live$/.exec(path);
  if (live) return { action: 'live.post', articleId: Number(live[1]) };
  if (path === '/admin/articles/new') return { action: 'admin.access', articleId: null };
  if (/^\/admin\/media\/[^/]+$/.test(path)) return { action: 'media.upload', articleId: null };
  const page = ADMIN_PAGES.find((p) => p.href === path);
  return page ? { action: page.action, articleId: null } : null;
}
