import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Every door into the newsroom, asked by every role. The doors are found in the code — every
// export of a 'use server' module and every method of a route handler under app/api — so a new one
// fails the first test below until it is given a row in DOORS. Each row says which permission the
// door needs, written out here by hand, not read from lib/newsroom/permissions.ts; each call runs against
// its own fresh rows in a private database, and a refused call must leave every row of that
// database exactly as it was.
//
// Only the edges of the framework are replaced: the session (who is signed in), the request's
// headers and Next's cache functions. The doors themselves, lib/newsroom/permissions.ts, the queries and
// the mutations all run for real.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-doors-'));
process.env.GAZETTE_DATA_DIR = dir;
process.env.LOG_LEVEL = 'fatal';
process.env.SITE_URL = 'http://gazette.test';

const session = { userId: null as number | null, headers: new Headers() };

vi.mock('@/auth', () => ({
  auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null),
  clientAddressFrom: () => '203.0.113.7',
  signIn: async () => undefined,
  signOut: async () => undefined,
  checkSignInThrottle: async () => ({ allowed: true }),
}));
vi.mock('next/headers', () => ({
  headers: async () => session.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));
vi.mock('next/cache', () => ({
  cacheTag: () => {},
  cacheLife: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  revalidatePath: () => {},
}));

const { getConnection } = await import('@/db/client');
const { createArticle, transitionArticle } = await import('@/db/mutations/articles');
const { deleteArticle } = await import('@/db/mutations/article-trash');
const { articleInputSchema } = await import('@/lib/validation/article');
const { decideTransition } = await import('@/lib/articles/workflow');
const { NextRequest } = await import('next/server');
type NextRequest = InstanceType<typeof NextRequest>;

const { sqlite } = getConnection();
const ROOT = path.resolve(import.meta.dirname, '..');

type Role = 'contributor' | 'author' | 'editor' | 'admin';
const ROLES: Role[] = ['contributor', 'author', 'editor', 'admin'];
type Caller = Role | 'stranger';
const CALLERS: Caller[] = [...ROLES, 'stranger'];

// Article states every article door is tried in. "own" is the caller's article, "other" a
// colleague's (a contributor's).
const STATES = ['draft-own', 'draft-other', 'in_review-own', 'in_review-other', 'scheduled-own', 'published-own', 'published-other', 'deleted-own'] as const;
type State = (typeof STATES)[number];
type Status = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'unpublished';
const statusOf = (state: State): Status => state.split('-')[0] as Status;
const isOwn = (state: State) => state.endsWith('-own');
const isDeleted = (state: State) => state.startsWith('deleted');
const isLive = (state: State) => ['scheduled', 'published'].includes(statusOf(state));

type Outcome = 'ok' | 'forbidden' | 'signed_out' | 'not_found' | 'invalid' | 'public';

// ---- the role table, written out (A = any, O = own only, - = refused) ----------------------
type Cell = 'A' | 'O' | '-';
const TABLE: Record<string, [Cell, Cell, Cell, Cell]> = {
  everyone: ['A', 'A', 'A', 'A'],
  writersOwn: ['O', 'O', 'A', 'A'],
  authorsOwn: ['-', 'O', 'A', 'A'],
  authorsUp: ['-', 'A', 'A', 'A'],
  editorsUp: ['-', '-', 'A', 'A'],
  adminsOnly: ['-', '-', '-', 'A'],
};
function allows(row: keyof typeof TABLE, role: Role, own = true): boolean {
  const cell = TABLE[row]![ROLES.indexOf(role)];
  return cell === 'A' || (cell === 'O' && own);
}

// ---- fixtures ----------------------------------------------------------------------------
const users = {} as Record<Role | 'colleague', number>;
let counter = 0;
const unique = () => `${Date.now().toString(36)}-${++counter}`;

function insertUser(role: Role, email: string): number {
  return (sqlite.prepare('INSERT INTO users (email, name, role) VALUES (?, ?, ?) RETURNING id').get(email, `User ${email}`, role) as { id: number }).id;
}

const system = { id: null, email: 'system@gazette.test', ip: '127.0.0.1' };

function articleInput(slug: string) {
  return articleInputSchema.parse({
    title: `Tram depot reopens ${slug}`,
    dek: 'The night service returns.',
    slug,
    sectionId: 1,
    kind: 'news',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trams will run later from Monday.' }] }] },
    bylineIds: [1],
    tagIds: [1],
  });
}

/** A fresh article in `state`, owned by `owner` (the caller, or a colleague for "-other"). */
async function makeArticle(state: State, caller: Caller): Promise<{ id: number; version: number }> {
  const ownerId = isOwn(state) && caller !== 'stranger' ? users[caller] : users.colleague;
  const created = await createArticle(articleInput(`story-${unique()}`), { id: ownerId, email: 'owner@gazette.test', ip: '127.0.0.1' });
  if (!created.ok) throw new Error(`fixture: ${JSON.stringify(created)}`);
  let { version } = created;
  const move = async (to: Status, scheduledAt: Date | null = null) => {
    const moved = await transitionArticle(created.id, to, system, { expectedVersion: version, scheduledAt });
    if (!moved.ok) throw new Error(`fixture ${state}: ${JSON.stringify(moved)}`);
    version = moved.version;
  };
  const status = statusOf(state);
  if (status === 'in_review') await move('in_review');
  if (status === 'scheduled') await move('scheduled', new Date(Date.now() + 86_400_000));
  if (status === 'published') await move('published');
  if (isDeleted(state)) {
    const deleted = await deleteArticle(created.id, system, version);
    if (!deleted.ok) throw new Error(`fixture ${state}: ${JSON.stringify(deleted)}`);
    version = (sqlite.prepare('SELECT version FROM articles WHERE id = ?').get(created.id) as { version: number }).version;
  }
  return { id: created.id, version };
}

function makeMedia(uploadedBy: number): number {
  return (
    sqlite
      .prepare(
        `INSERT INTO media (file, original_name, mime_type, size, width, height, alt, hash, uploaded_by)
         VALUES (?, 'depot.jpg', 'image/jpeg', 10, 800, 600, 'Tram depot', ?, ?) RETURNING id`,
      )
      .get(`2026/01/${unique()}.jpg`, unique(), uploadedBy) as { id: number }
  ).id;
}

const tableNames = () =>
  (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%'`).all() as { name: string }[]).map(
    (t) => t.name,
  );

/** Every row of every table, as one digest: a refused call must not move it. */
function digest(): string {
  const hash = createHash('sha256');
  for (const name of tableNames()) {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row));
    hash.update(name).update(rows.sort().join('\n'));
  }
  return hash.digest('hex');
}

// ---- calling a door ------------------------------------------------------------------------
const ORIGIN = 'http://gazette.test';

function signInAs(caller: Caller) {
  session.userId = caller === 'stranger' ? null : users[caller];
  session.headers = new Headers({ host: 'gazette.test', origin: ORIGIN, 'x-forwarded-for': '203.0.113.7' });
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

function request(method: string, url: string, body?: unknown): NextRequest {
  return new NextRequest(`${ORIGIN}${url}`, {
    method,
    headers: { host: 'gazette.test', origin: ORIGIN, 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });

/** What a route handler's status code means. */
function fromStatus(response: Response): Outcome {
  const s = response.status;
  if (s >= 200 && s < 300) return 'ok';
  if (s === 401) return 'signed_out';
  if (s === 403) return 'forbidden';
  if (s === 404) return 'not_found';
  return 'invalid';
}

/** What a server action's returned value means; a redirect to /login is "signed out". */
async function fromAction(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = (await run()) as { ok?: boolean; error?: string; fieldErrors?: object } | undefined;
    if (result?.error?.startsWith('You are not allowed to do that.')) return 'forbidden';
    if (result?.error && /no longer exists|does not exist/.test(result.error)) return 'not_found';
    if (result?.error || result?.fieldErrors) return 'invalid';
    return 'ok';
  } catch (error) {
    const digestText = String((error as { digest?: string }).digest ?? '');
    if (digestText.startsWith('NEXT_REDIRECT')) return digestText.split(';')[2]?.startsWith('/login') ? 'signed_out' : 'ok';
    throw error;
  }
}

interface Call {
  caller: Caller;
  state?: State;
}

interface Door {
  /** Article doors are tried in every state; the others once per caller. */
  perArticle?: boolean;
  /** Doors on media take only "own" and "other" (the caller's upload or a colleague's). */
  states?: readonly State[];
  expect: (role: Role, state: State) => Outcome;
  /** Makes the rows the call needs, then returns the call itself (rows made here are not counted). */
  arrange: (c: Call & { article: { id: number; version: number } | null }) => Promise<() => Promise<Outcome>>;
}

// Expected answers for article doors: refused, unless the role may; a deleted article is gone.
const articleOpen = (role: Role, state: State): Outcome =>
  !allows('writersOwn', role, isOwn(state)) ? (isDeleted(state) ? 'not_found' : 'forbidden') : isDeleted(state) ? 'not_found' : 'ok';
// A change: the role table's cell, and for a live or scheduled article the right to publish it.
function articleChange(row: keyof typeof TABLE, role: Role, state: State): 'ok' | 'forbidden' {
  if (!allows(row, role, isOwn(state))) return 'forbidden';
  if (isLive(state) && !allows('authorsOwn', role, isOwn(state))) return 'forbidden';
  return 'ok';
}

function workflowDoor(to: Status): Door {
  return {
    perArticle: true,
    expect: (role, state) => {
      if (isDeleted(state)) return 'not_found';
      const row = to === 'draft' ? 'writersOwn' : to === 'in_review' ? 'writersOwn' : to === 'approved' ? 'editorsUp' : 'authorsOwn';
      if (articleChange(row, role, state) === 'forbidden') return 'forbidden';
      // Nobody approves their own article.
      if (to === 'approved' && isOwn(state)) return 'forbidden';
      return decideTransition(statusOf(state), to, { scheduledAt: new Date(Date.now() + 86_400_000), now: new Date() }).ok ? 'ok' : 'invalid';
    },
    arrange: async ({ article }) => {
      const { POST } = await import('@/app/api/admin/articles/[id]/workflow/route');
      const scheduledAt = to === 'scheduled' ? '2099-05-01T09:30' : undefined;
      return async () => fromStatus(await POST(request('POST', `/api/admin/articles/${article!.id}/workflow`, { to, version: article!.version, scheduledAt, reason: to === 'unpublished' ? 'Legal asked us to' : undefined }), params({ id: String(article!.id) }) as never));
    },
  };
}

const MEDIA_STATES: readonly State[] = ['draft-own', 'draft-other'];

const DOORS: Record<string, Door | 'public'> = {
  // ---- the article editor's JSON API ----
  'app/api/admin/articles/route.ts#POST': {
    expect: () => 'ok',
    arrange: async () => {
      const { POST } = await import('@/app/api/admin/articles/route');
      return async () => fromStatus(await POST(request('POST', '/api/admin/articles', { article: articleInput(`new-${unique()}`) })));
    },
  },
  'app/api/admin/articles/[id]/route.ts#PUT': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? 'not_found' : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { PUT } = await import('@/app/api/admin/articles/[id]/route');
      const body = { version: article!.version, article: { ...articleInput(`edited-${unique()}`), title: 'Rewritten by the caller' } };
      return async () => fromStatus(await PUT(request('PUT', `/api/admin/articles/${article!.id}`, body), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/route.ts#GET': {
    perArticle: true,
    expect: articleOpen,
    arrange: async ({ article }) => {
      const { GET } = await import('@/app/api/admin/articles/[id]/route');
      return async () => fromStatus(await GET(request('GET', `/api/admin/articles/${article!.id}`), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/notes/route.ts#POST': {
    perArticle: true,
    expect: (role, state) => {
      if (isDeleted(state)) return 'not_found';
      if (articleChange('authorsOwn', role, state) === 'forbidden') return 'forbidden';
      return statusOf(state) === 'published' ? 'ok' : 'invalid';
    },
    arrange: async ({ article }) => {
      const { POST } = await import('@/app/api/admin/articles/[id]/notes/route');
      const body = { version: article!.version, kind: 'correction', text: 'An earlier version misstated the date.' };
      return async () => fromStatus(await POST(request('POST', `/api/admin/articles/${article!.id}/notes`, body), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/pending/route.ts#PUT': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? 'not_found' : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { PUT } = await import('@/app/api/admin/articles/[id]/pending/route');
      const body = { revision: null, baseVersion: article!.version, article: { ...articleInput(`pending-${unique()}`), title: 'Pending, by the caller' } };
      return async () => fromStatus(await PUT(request('PUT', `/api/admin/articles/${article!.id}/pending`, body), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/pending/route.ts#DELETE': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? 'not_found' : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { saveWorkingCopy } = await import('@/db/mutations/working-copies');
      const { articleInputSchema } = await import('@/lib/validation/article');
      const content = articleInputSchema.parse(articleInput(`pending-${unique()}`));
      const saved = await saveWorkingCopy(article!.id, { revision: null, baseVersion: article!.version, content }, { id: null, email: null, ip: null });
      const revision = saved.ok ? saved.revision : 1;
      const { DELETE } = await import('@/app/api/admin/articles/[id]/pending/route');
      return async () => fromStatus(await DELETE(request('DELETE', `/api/admin/articles/${article!.id}/pending`, { revision }), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/presence/route.ts#POST': {
    perArticle: true,
    expect: articleOpen,
    arrange: async ({ article }) => {
      const { POST } = await import('@/app/api/admin/articles/[id]/presence/route');
      return async () => fromStatus(await POST(request('POST', `/api/admin/articles/${article!.id}/presence`), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/presence/leave/route.ts#POST': {
    perArticle: true,
    expect: articleOpen,
    arrange: async ({ article }) => {
      const { POST } = await import('@/app/api/admin/articles/[id]/presence/leave/route');
      return async () => fromStatus(await POST(request('POST', `/api/admin/articles/${article!.id}/presence/leave`), params({ id: String(article!.id) }) as never));
    },
  },
  'app/api/admin/articles/[id]/workflow/route.ts#POST': workflowDoor('in_review'),
  'app/api/admin/articles/[id]/workflow/route.ts#POST → draft': workflowDoor('draft'),
  'app/api/admin/articles/[id]/workflow/route.ts#POST → approved': workflowDoor('approved'),
  'app/api/admin/articles/[id]/workflow/route.ts#POST → published': workflowDoor('published'),
  'app/api/admin/articles/[id]/workflow/route.ts#POST → scheduled': workflowDoor('scheduled'),
  'app/api/admin/articles/[id]/workflow/route.ts#POST → unpublished': workflowDoor('unpublished'),
  'app/api/admin/articles/search/route.ts#GET': {
    expect: () => 'ok',
    arrange: async () => {
      const { GET } = await import('@/app/api/admin/articles/search/route');
      return async () => fromStatus(await GET(request('GET', '/api/admin/articles/search?q=tram') as never));
    },
  },
  'app/api/admin/tags/route.ts#GET': {
    expect: () => 'ok',
    arrange: async () => {
      const { GET } = await import('@/app/api/admin/tags/route');
      return async () => fromStatus(await GET(request('GET', '/api/admin/tags?q=tr') as never));
    },
  },
  'app/api/admin/tags/route.ts#POST': {
    expect: (role) => (allows('authorsUp', role) ? 'ok' : 'forbidden'),
    arrange: async () => {
      const { POST } = await import('@/app/api/admin/tags/route');
      return async () => fromStatus(await POST(request('POST', '/api/admin/tags', { name: `Ferries ${unique()}` }) as never));
    },
  },
  'app/api/admin/bylines/route.ts#GET': {
    expect: () => 'ok',
    arrange: async () => {
      const { GET } = await import('@/app/api/admin/bylines/route');
      return async () => fromStatus(await GET(request('GET', '/api/admin/bylines?q=ir') as never));
    },
  },
  'app/api/admin/media/route.ts#GET': {
    expect: () => 'ok',
    arrange: async () => {
      const { GET } = await import('@/app/api/admin/media/route');
      return async () => fromStatus(await GET(request('GET', '/api/admin/media') as never));
    },
  },
  'app/api/admin/media/route.ts#POST': {
    // Everyone may upload; an empty body is refused as invalid only after the door let them in.
    expect: () => 'invalid',
    arrange: async () => {
      const { POST } = await import('@/app/api/admin/media/route');
      return async () => fromStatus(await POST(request('POST', '/api/admin/media', {}) as never));
    },
  },
  'app/api/admin/media/[id]/route.ts#PATCH': {
    states: MEDIA_STATES,
    // Media doors by owner: "own" is the caller's upload, "other" a colleague's.
    expect: (role, state) => (allows('writersOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ caller, state }) => {
      const id = makeMedia(isOwn(state!) && caller !== 'stranger' ? users[caller] : users.colleague);
      const { PATCH } = await import('@/app/api/admin/media/[id]/route');
      return async () => fromStatus(await PATCH(request('PATCH', `/api/admin/media/${id}`, { alt: 'A tram leaving the depot at night' }) as never, params({ id: String(id) }) as never));
    },
  },

  // ---- server actions: articles ----
  'app/admin/articles/[id]/revisions/actions.ts#restoreRevisionAction': {
    perArticle: true,
    // A deleted article is gone for everyone, as at the editor's doors.
    expect: (role, state) => (isDeleted(state) ? 'not_found' : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { restoreRevisionAction } = await import('@/app/admin/articles/[id]/revisions/actions');
      const first = sqlite.prepare('SELECT id FROM revisions WHERE article_id = ? ORDER BY id LIMIT 1').get(article!.id) as { id: number };
      return () => fromAction(() => restoreRevisionAction({}, form({ articleId: article!.id, revisionId: first.id, expectedVersion: article!.version, confirm: 'yes' })));
    },
  },
  'app/admin/articles/actions.ts#deleteArticleAction': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? (allows('writersOwn', role, true) ? 'invalid' : 'forbidden') : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { deleteArticleAction } = await import('@/app/admin/articles/actions');
      return () => fromAction(() => deleteArticleAction(form({ id: article!.id, version: article!.version, confirm: 'yes' })));
    },
  },
  'app/admin/articles/actions.ts#deleteArticleFormAction': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? (allows('writersOwn', role, true) ? 'invalid' : 'forbidden') : articleChange('writersOwn', role, state)),
    arrange: async ({ article }) => {
      const { deleteArticleFormAction } = await import('@/app/admin/articles/actions');
      return () => fromAction(() => deleteArticleFormAction({ ok: false }, form({ id: article!.id, version: article!.version, confirm: 'yes' })));
    },
  },
  'app/admin/articles/actions.ts#restoreArticleAction': {
    perArticle: true,
    expect: (role, state) => (!allows('editorsUp', role) ? 'forbidden' : isDeleted(state) ? 'ok' : 'invalid'),
    arrange: async ({ article }) => {
      const { restoreArticleAction } = await import('@/app/admin/articles/actions');
      return () => fromAction(() => restoreArticleAction(form({ id: article!.id })));
    },
  },
  'app/admin/articles/actions.ts#restoreArticleFormAction': {
    perArticle: true,
    expect: (role, state) => (!allows('editorsUp', role) ? 'forbidden' : isDeleted(state) ? 'ok' : 'invalid'),
    arrange: async ({ article }) => {
      const { restoreArticleFormAction } = await import('@/app/admin/articles/actions');
      return () => fromAction(() => restoreArticleFormAction({ ok: false }, form({ id: article!.id })));
    },
  },
  'app/admin/preview-actions.ts#createPreviewLinkAction': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? 'not_found' : allows('writersOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ article }) => {
      const { createPreviewLinkAction } = await import('@/app/admin/preview-actions');
      return () => fromAction(() => createPreviewLinkAction(article!.id));
    },
  },
  'app/admin/preview-actions.ts#revokePreviewLinksAction': {
    perArticle: true,
    expect: (role, state) => (isDeleted(state) ? 'not_found' : allows('writersOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ article }) => {
      const { revokePreviewLinksAction } = await import('@/app/admin/preview-actions');
      return () => fromAction(() => revokePreviewLinksAction(article!.id));
    },
  },
  'app/admin/curation/actions.ts#saveCurationAction': {
    expect: (role) => (allows('editorsUp', role) ? 'ok' : 'forbidden'),
    arrange: async ({ caller }) => {
      const article = await makeArticle('published-own', caller);
      const { saveCurationAction } = await import('@/app/admin/curation/actions');
      return () => fromAction(() => saveCurationAction('picks', [article.id]));
    },
  },

  // ---- server actions: live coverage ----
  'app/admin/articles/[id]/live/actions.ts#postLiveUpdateAction': {
    perArticle: true,
    // Any reporter who may publish posts to any live story; a deleted story is gone.
    expect: (role, state) => (isDeleted(state) ? 'not_found' : allows('authorsUp', role) ? 'ok' : 'forbidden'),
    arrange: async ({ article }) => {
      startCoverage(article!.id);
      const { postLiveUpdateAction } = await import('@/app/admin/articles/[id]/live/actions');
      return () => fromAction(() => postLiveUpdateAction({}, form({ articleId: article!.id, body: 'Water is rising on the embankment.', title: '', embedUrl: '', mediaId: '' })));
    },
  },
  'app/admin/articles/[id]/live/actions.ts#editLiveUpdateAction': liveUpdateDoor(async (article, updateId) => {
    const { editLiveUpdateAction } = await import('@/app/admin/articles/[id]/live/actions');
    return () => fromAction(() => editLiveUpdateAction({}, form({ articleId: article.id, updateId, version: 1, body: 'Rewritten by the caller', title: '', embedUrl: '', mediaId: '' })));
  }),
  'app/admin/articles/[id]/live/actions.ts#deleteLiveUpdateAction': liveUpdateDoor(async (article, updateId) => {
    const { deleteLiveUpdateAction } = await import('@/app/admin/articles/[id]/live/actions');
    return () => fromAction(() => deleteLiveUpdateAction({}, form({ articleId: article.id, updateId, version: 1, confirm: 'yes' })));
  }),
  'app/admin/articles/[id]/live/actions.ts#saveCoverageAction': {
    perArticle: true,
    // The story's author (who may publish) or any editor runs its coverage.
    expect: (role, state) => (isDeleted(state) ? 'not_found' : allows('authorsOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ article }) => {
      const { saveCoverageAction } = await import('@/app/admin/articles/[id]/live/actions');
      return () => fromAction(() => saveCoverageAction({}, form({ articleId: article!.id, version: 0, keyPoints: 'Roads closed', intent: 'start' })));
    },
  },

  // ---- server actions: media ----
  'app/admin/media/[id]/actions.ts#updateMediaAction': {
    states: MEDIA_STATES,
    expect: (role, state) => (allows('writersOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ caller, state }) => {
      const id = makeMedia(isOwn(state!) && caller !== 'stranger' ? users[caller] : users.colleague);
      const { updateMediaAction } = await import('@/app/admin/media/[id]/actions');
      return () => fromAction(() => updateMediaAction({}, form({ id, alt: 'A tram leaving the depot at night', caption: '', credit: '' })));
    },
  },
  'app/admin/media/[id]/actions.ts#deleteMediaAction': {
    states: MEDIA_STATES,
    expect: (role, state) => (allows('writersOwn', role, isOwn(state)) ? 'ok' : 'forbidden'),
    arrange: async ({ caller, state }) => {
      const id = makeMedia(isOwn(state!) && caller !== 'stranger' ? users[caller] : users.colleague);
      const { deleteMediaAction } = await import('@/app/admin/media/[id]/actions');
      return () => fromAction(() => deleteMediaAction({}, form({ id })));
    },
  },

  // ---- server actions: the desk's lists ----
  'app/admin/sections/actions.ts#createSectionAction': editorsDoor(async () => {
    const { createSectionAction } = await import('@/app/admin/sections/actions');
    const slug = `desk-${unique()}`;
    return () => createSectionAction({}, form({ name: `Desk ${slug}`, slug, description: '' }));
  }),
  'app/admin/sections/actions.ts#updateSectionAction': editorsDoor(async () => {
    const { updateSectionAction } = await import('@/app/admin/sections/actions');
    const id = insertSection();
    return () => updateSectionAction({}, form({ id, name: 'Renamed desk', slug: `renamed-${unique()}`, description: '' }));
  }),
  'app/admin/sections/actions.ts#deleteSectionAction': editorsDoor(async () => {
    const { deleteSectionAction } = await import('@/app/admin/sections/actions');
    const id = insertSection();
    return () => deleteSectionAction({}, form({ id }));
  }),
  'app/admin/sections/actions.ts#reorderSectionsAction': editorsDoor(async () => {
    const { reorderSectionsAction } = await import('@/app/admin/sections/actions');
    const ids = (sqlite.prepare('SELECT id FROM sections ORDER BY position DESC').all() as { id: number }[]).map((r) => r.id);
    return () => reorderSectionsAction(ids);
  }),
  'app/admin/tags/actions.ts#createTagAction': {
    expect: (role) => (allows('authorsUp', role) ? 'ok' : 'forbidden'),
    arrange: async () => {
      const { createTagAction } = await import('@/app/admin/tags/actions');
      const slug = `ferries-${unique()}`;
      return () => fromAction(() => createTagAction({}, form({ name: `Ferries ${slug}`, slug, description: '' })));
    },
  },
  'app/admin/tags/actions.ts#updateTagAction': editorsDoor(async () => {
    const { updateTagAction } = await import('@/app/admin/tags/actions');
    const id = insertTag();
    return () => updateTagAction({}, form({ id, name: 'Renamed tag', slug: `renamed-${unique()}`, description: '' }));
  }),
  'app/admin/tags/actions.ts#mergeTagAction': editorsDoor(async () => {
    const { mergeTagAction } = await import('@/app/admin/tags/actions');
    const into = insertTag();
    const slug = (sqlite.prepare('SELECT slug FROM tags WHERE id = ?').get(into) as { slug: string }).slug;
    const id = insertTag();
    return () => mergeTagAction({}, form({ id, into: slug }));
  }),
  'app/admin/tags/actions.ts#deleteTagAction': editorsDoor(async () => {
    const { deleteTagAction } = await import('@/app/admin/tags/actions');
    const id = insertTag();
    return () => deleteTagAction({}, form({ id }));
  }),
  'app/admin/bylines/actions.ts#createBylineAction': editorsDoor(async () => {
    const { createBylineAction } = await import('@/app/admin/bylines/actions');
    const slug = `reporter-${unique()}`;
    return () => createBylineAction({}, form({ name: `Reporter ${slug}`, slug, kind: 'person', jobTitle: '', bio: '', avatarMediaId: '', userId: '' }));
  }),
  'app/admin/bylines/actions.ts#updateBylineAction': editorsDoor(async () => {
    const { updateBylineAction } = await import('@/app/admin/bylines/actions');
    const slug = `renamed-${unique()}`;
    const id = insertByline();
    return () => updateBylineAction({}, form({ id, name: 'Renamed reporter', slug, kind: 'person', jobTitle: '', bio: '', avatarMediaId: '', userId: '' }));
  }),
  'app/admin/bylines/actions.ts#deleteBylineAction': editorsDoor(async () => {
    const { deleteBylineAction } = await import('@/app/admin/bylines/actions');
    const id = insertByline();
    return () => deleteBylineAction({}, form({ id }));
  }),
  'app/admin/redirects/actions.ts#createRedirectAction': editorsDoor(async () => {
    const { createRedirectAction } = await import('@/app/admin/redirects/actions');
    return () => createRedirectAction({}, form({ from: `/old-${unique()}`, to: '/city' }));
  }),
  'app/admin/redirects/actions.ts#deleteRedirectAction': {
    // Answers nothing either way (a form without JavaScript): the row says what happened.
    expect: (role) => (allows('editorsUp', role) ? 'ok' : 'forbidden'),
    arrange: async () => {
      const id = (sqlite.prepare(`INSERT INTO redirects (from_path, to_path, source) VALUES (?, '/city', 'manual') RETURNING id`).get(`/gone-${unique()}`) as { id: number }).id;
      const { deleteRedirectAction } = await import('@/app/admin/redirects/actions');
      return async () => {
        const outcome = await fromAction(() => deleteRedirectAction(form({ id })));
        if (outcome !== 'ok') return outcome;
        return sqlite.prepare('SELECT 1 FROM redirects WHERE id = ?').get(id) ? 'forbidden' : 'ok';
      };
    },
  },
  'app/admin/settings/actions.ts#setBreakingAction': editorsDoor(async () => {
    const { setBreakingAction } = await import('@/app/admin/settings/actions');
    return () => setBreakingAction({}, form({ text: 'Storm warning for the coast', url: '/city', expiresAt: '' }));
  }),
  'app/admin/settings/actions.ts#clearBreakingAction': editorsDoor(async () => {
    const { clearBreakingAction } = await import('@/app/admin/settings/actions');
    return () => clearBreakingAction({}, form({}));
  }),
  'app/admin/settings/actions.ts#updateSiteSettingsAction': adminsDoor(async () => {
    const { updateSiteSettingsAction } = await import('@/app/admin/settings/actions');
    return () => updateSiteSettingsAction({}, form({ siteName: `The Gazette ${unique()}`, timeZone: 'Europe/Kyiv' }));
  }),

  // ---- server actions: people ----
  'app/admin/users/actions.ts#inviteUserAction': adminsDoor(async () => {
    const { inviteUserAction } = await import('@/app/admin/users/actions');
    return () => inviteUserAction({}, form({ email: `invited-${unique()}@gazette.test`, name: 'New Reporter', role: 'admin' }));
  }),
  'app/admin/users/actions.ts#changeRoleAction': adminsDoor(async () => {
    const { changeRoleAction } = await import('@/app/admin/users/actions');
    const userId = insertUser('contributor', `target-${unique()}@gazette.test`);
    return () => changeRoleAction({}, form({ userId, role: 'admin', confirm: 'yes' }));
  }),
  'app/admin/users/actions.ts#setDisabledAction': adminsDoor(async () => {
    const { setDisabledAction } = await import('@/app/admin/users/actions');
    const userId = insertUser('editor', `target-${unique()}@gazette.test`);
    return () => setDisabledAction({}, form({ userId, disabled: 'true', confirm: 'yes' }));
  }),
  'app/admin/users/actions.ts#resetPasswordAction': adminsDoor(async () => {
    const { resetPasswordAction } = await import('@/app/admin/users/actions');
    const userId = insertUser('editor', `target-${unique()}@gazette.test`);
    return () => resetPasswordAction({}, form({ userId }));
  }),
  'app/admin/account/actions.ts#updateAccountAction': {
    expect: () => 'ok',
    arrange: async () => {
      const { updateAccountAction } = await import('@/app/admin/account/actions');
      return () => fromAction(() => updateAccountAction({}, form({ name: `Renamed ${unique()}`, bylineId: '' })));
    },
  },
  'app/admin/account/actions.ts#changePasswordAction': {
    // Everyone may change their own password; these test users have none, so the current
    // password is wrong: the door let them in and the check after it said no.
    expect: () => 'invalid',
    arrange: async () => {
      const { changePasswordAction } = await import('@/app/admin/account/actions');
      return () => fromAction(() => changePasswordAction({}, form({ current: 'not-the-password', password: 'a-new-long-password-1', confirm: 'a-new-long-password-1' })));
    },
  },
  'app/admin/account/actions.ts#signOutEverywhereAction': {
    // Everyone may end their own sessions; the user comes from the session, never the form.
    expect: () => 'ok',
    arrange: async () => {
      const { signOutEverywhereAction } = await import('@/app/admin/account/actions');
      return () => fromAction(() => signOutEverywhereAction({}, form({})));
    },
  },
  // Signing out and signing in: no role is asked (see the sign-in throttle and one-time links).
  'app/admin/actions.ts#signOutAction': 'public',
  'app/login/actions.ts#signInAction': 'public',
  'app/login/set-password/actions.ts#setPasswordAction': 'public',
  // Readers' and operators' routes: the beacon, health, the scheduler's trigger, a test hook.
  'app/api/views/route.ts#POST': 'public',
  'app/api/views/flush/route.ts#POST': 'public',
  'app/api/health/route.ts#GET': 'public',
  'app/api/internal/publish-due/route.ts#POST': 'public',
};

function startCoverage(articleId: number): void {
  sqlite.prepare(`INSERT OR IGNORE INTO live_coverage (article_id, started_at, updated_at) VALUES (?, ?, ?)`).run(articleId, Date.now(), Date.now());
}
// An update of a live story, posted by the caller on their own story ("-own") or by the colleague
// who owns the other: its poster may change it, and so may whoever runs the story's coverage.
function liveUpdateDoor(arrange: (article: { id: number }, updateId: number) => Promise<() => Promise<Outcome>>): Door {
  return {
    perArticle: true,
    expect: (role, state) => {
      if (isDeleted(state)) return 'not_found';
      // Own state: the caller's story and update; other: a colleague's story and update.
      const manages = allows('authorsOwn', role, isOwn(state));
      const posted = allows('authorsUp', role) && isOwn(state);
      return manages || posted ? 'ok' : 'forbidden';
    },
    arrange: async ({ caller, state, article }) => {
      startCoverage(article!.id);
      const author = isOwn(state!) && caller !== 'stranger' ? users[caller] : users.colleague;
      const updateId = (
        sqlite
          .prepare(`INSERT INTO live_updates (article_id, body, author_id, author_name, created_at, updated_at) VALUES (?, 'From the bridge', ?, 'Reporter', ?, ?) RETURNING id`)
          .get(article!.id, author, Date.now(), Date.now()) as { id: number }
      ).id;
      return arrange(article!, updateId);
    },
  };
}

// A door that needs one role-table row and no article: `arrange` makes its rows and returns the call.
function simpleDoor(row: keyof typeof TABLE, arrange: () => Promise<() => Promise<unknown>>): Door {
  return {
    expect: (role) => (allows(row, role) ? 'ok' : 'forbidden'),
    arrange: async () => {
      const run = await arrange();
      return () => fromAction(run);
    },
  };
}
function editorsDoor(arrange: () => Promise<() => Promise<unknown>>): Door {
  return simpleDoor('editorsUp', arrange);
}
function adminsDoor(arrange: () => Promise<() => Promise<unknown>>): Door {
  return simpleDoor('adminsOnly', arrange);
}
function insertSection(): number {
  const slug = `desk-${unique()}`;
  return (sqlite.prepare('INSERT INTO sections (name, slug, position) VALUES (?, ?, 99) RETURNING id').get(`Desk ${slug}`, slug) as { id: number }).id;
}
function insertTag(): number {
  const slug = `topic-${unique()}`;
  return (sqlite.prepare('INSERT INTO tags (name, slug) VALUES (?, ?) RETURNING id').get(`Topic ${slug}`, slug) as { id: number }).id;
}
function insertByline(): number {
  const slug = `writer-${unique()}`;
  return (sqlite.prepare('INSERT INTO bylines (name, slug) VALUES (?, ?) RETURNING id').get(`Writer ${slug}`, slug) as { id: number }).id;
}

// ---- the doors, found in the code ----------------------------------------------------------
function walk(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function doorsInCode(): string[] {
  const found: string[] = [];
  for (const file of walk(path.join(ROOT, 'app'))) {
    const source = fs.readFileSync(file, 'utf8');
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    if (/^\s*['"]use server['"]/.test(source)) {
      for (const m of source.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=/gm)) found.push(`${relative}#${m[1] ?? m[2]}`);
    }
    if (/^app\/api\/.*\/route\.tsx?$/.test(relative)) {
      for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/gm)) found.push(`${relative}#${m[1]}`);
    }
  }
  return found.sort();
}

beforeAll(() => {
  for (const role of ROLES) users[role] = insertUser(role, `${role}@gazette.test`);
  users.colleague = insertUser('contributor', 'colleague@gazette.test');
  sqlite.exec(`
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
    INSERT INTO tags (id, name, slug) VALUES (1, 'Transit', 'transit');
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');
  `);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the newsroom doors', () => {
  it('every server action and route handler in the code has a row in this matrix', () => {
    const inCode = doorsInCode();
    const listed = Object.keys(DOORS).map((key) => key.split(' → ')[0]!);
    expect(inCode.filter((door) => !listed.includes(door)), 'doors without a row').toEqual([]);
    expect([...new Set(listed)].filter((door) => !inCode.includes(door)), 'rows without a door').toEqual([]);
  });

  for (const [name, door] of Object.entries(DOORS)) {
    if (door === 'public') continue;
    describe(name, () => {
      for (const caller of CALLERS) {
        const states: (State | undefined)[] = door.states ? [...door.states] : door.perArticle ? [...STATES] : [undefined];
        for (const state of states) {
          const expected: Outcome = caller === 'stranger' ? 'signed_out' : door.expect(caller, state ?? 'draft-own');
          it(`${caller}${state ? `, ${state}` : ''}: ${expected}`, async () => {
            const article = state && !door.states ? await makeArticle(state, caller) : null;
            const run = await door.arrange({ caller, state, article });
            signInAs(caller);
            const before = digest();
            const outcome = await run();
            expect(outcome).toBe(expected);
            if (outcome === 'forbidden' || outcome === 'signed_out') expect(digest(), 'a refused call changed rows').toBe(before);
          });
        }
      }
    });
  }
});
