import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// The door's own promises, one by one, with the framework's edges replaced: who is signed in,
// the request's headers, Next's cache and navigation functions. app/permission-matrix.test.ts
// asks every real door with every role; this file pins the vocabulary they all share.

const state = { user: null as null | { id: number; email: string; role: 'contributor' | 'author' | 'editor' | 'admin'; disabled: boolean } };
const expired = { route: [] as string[][], action: [] as string[][], refreshed: 0 };

vi.mock('@/server/session', () => ({ getCurrentSession: async () => (state.user ? { user: state.user, sessionId: 'session-1' } : null) }));
vi.mock('@/auth', () => ({ clientAddressFrom: () => '203.0.113.9' }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'gazette.test' }) }));
vi.mock('next/cache', () => ({ refresh: () => void expired.refreshed++ }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));
vi.mock('@/server/expire-tags', () => ({
  expireTags: (tags: string[]) => void expired.route.push([...tags]),
  expireTagsInAction: (tags: string[]) => void expired.action.push([...tags]),
}));
vi.mock('@/platform/logger', () => ({ getLogger: () => ({ info: () => {}, error: () => {} }) }));
vi.mock('@/server/request-log', () => ({ withRequestLog: (_r: Request, _n: string, handle: () => Promise<Response>) => handle() }));

const { adminAction, adminCommand, adminRoute, fieldError, NO_STORE } = await import('./door');
const { changeArticle } = await import('@/lib/newsroom/permissions');

const ORIGIN = 'http://gazette.test';
const writer = { id: 7, email: 'writer@gazette.test', role: 'contributor' as const, disabled: false };
const editor = { id: 8, email: 'editor@gazette.test', role: 'editor' as const, disabled: false };

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/admin/things/3`, {
    method: 'POST',
    headers: { host: 'gazette.test', origin: ORIGIN, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const context = (id = '3') => ({ params: Promise.resolve({ id }) });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return String((error as { digest?: string }).digest ?? '').split(';')[2] ?? null;
  }
}

beforeEach(() => {
  state.user = editor;
  expired.route = [];
  expired.action = [];
  expired.refreshed = 0;
});

describe('adminRoute', () => {
  const run = vi.fn(async ({ params, body }: { params: { id: number }; body: { title: string } }) => ({
    ok: true as const,
    body: { id: params.id, title: body.title },
    status: 201,
    invalidates: ['article:3', 'home'],
  }));
  const route = adminRoute({
    permission: 'section.manage',
    params: z.object({ id: z.coerce.number().int().positive() }),
    resource: async ({ id }) => (id === 3 ? { ownerId: 1 } : null),
    missing: 'That thing is gone.',
    body: { schema: z.object({ title: z.string().min(1, { error: 'Enter a title.' }) }), limit: 64 },
    run,
  });

  beforeEach(() => {
    run.mockClear();
  });

  it('answers { ok: true, …body } with the status, never stored, and expires the named tags', async () => {
    const response = await route(post({ title: 'Night buses' }), context());
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe(NO_STORE['Cache-Control']);
    expect(await response.json()).toEqual({ ok: true, id: 3, title: 'Night buses' });
    expect(expired.route).toEqual([['article:3', 'home']]);
  });

  it('refuses with one vocabulary: a reason, a status and a message, and runs nothing', async () => {
    const cases: [() => Request, string, number, string][] = [
      [() => post({ title: 'x' }, { origin: 'https://evil.example' }), '3', 403, 'cross_site'],
      [() => post({ title: 'x' }), 'abc', 404, 'not_found'],
      [() => post({ title: 'x' }), '4', 404, 'not_found'],
      [() => post('{not json'), '3', 400, 'unreadable'],
      [() => post({ title: 'x'.repeat(100) }), '3', 413, 'too_large'],
      [() => post({ title: '' }), '3', 422, 'invalid'],
    ];
    for (const [request, id, status, reason] of cases) {
      const response = await route(request(), context(id));
      const body = (await response.json()) as { ok: boolean; reason: string; error: string };
      expect([response.status, body.ok, body.reason], `${reason}`).toEqual([status, false, reason]);
      expect(body.error.length, reason).toBeGreaterThan(0);
      expect(response.headers.get('cache-control')).toBe(NO_STORE['Cache-Control']);
    }
    expect(run).not.toHaveBeenCalled();
    expect(expired.route).toEqual([]);
  });

  it('says 401 to nobody signed in and 403 to a role without the right, before reading the body', async () => {
    state.user = null;
    expect((await route(post('{not json'), context())).status).toBe(401);
    state.user = writer;
    const response = await route(post('{not json'), context());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ reason: 'forbidden', error: 'You are not allowed to do that.' });
    expect(run).not.toHaveBeenCalled();
  });

  it('gives field errors as lists keyed by the field, for nested fields too', async () => {
    const nested = adminRoute({
      permission: 'admin.access',
      body: { schema: z.object({ article: z.object({ title: z.string().min(1, { error: 'Enter a title.' }) }) }), limit: 1024, invalid: 'Some fields need attention.' },
      run: async () => ({ ok: true, body: {} }),
    });
    const response = await nested(post({ article: { title: '' } }));
    expect(await response.json()).toEqual({
      ok: false,
      reason: 'invalid',
      error: 'Some fields need attention.',
      fieldErrors: { title: ['Enter a title.'] },
    });
  });

  it('decides a rule that depends on the body after reading it, with the rule’s own reason', async () => {
    state.user = writer;
    const live = adminRoute({
      permission: ({ body }: { body: { to: 'draft' | 'published' } }) => changeArticle(body.to === 'published' ? 'article.publish' : 'article.edit'),
      resource: async () => ({ ownerId: writer.id, status: 'published' as const }),
      body: { schema: z.object({ to: z.enum(['draft', 'published']) }), limit: 1024 },
      run: async () => ({ ok: true, body: {} }),
    });
    const response = await live(post({ to: 'draft' }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBe('You are not allowed to do that. This article is live; ask an editor to change it.');
  });
});

describe('adminAction', () => {
  const values = (formData: FormData) => ({ name: String(formData.get('name') ?? '').slice(0, 20) });
  const run = vi.fn(async ({ name }: { id: number; name: string }) =>
    name === 'taken' ? fieldError('name', 'That name is taken.') : { ok: true as const, message: 'Saved.', invalidates: ['sections'] },
  );
  const action = adminAction({
    permission: 'section.manage',
    values,
    input: z.object({ id: z.coerce.number().int().positive(), name: z.string().trim().min(1, { error: 'Enter a name.' }) }),
    run,
  });

  beforeEach(() => {
    run.mockClear();
  });

  it('runs, expires with read-your-own-writes, refreshes and echoes what was typed', async () => {
    const result = await action({}, form({ id: '3', name: 'City' }));
    expect(result).toEqual({ ok: true, message: 'Saved.', values: { name: 'City' } });
    expect(expired.action).toEqual([['sections']]);
    expect(expired.refreshed).toBe(1);
  });

  it('sends nobody signed in to the sign-in page', async () => {
    state.user = null;
    expect(await redirectOf(() => action({}, form({ id: '3', name: 'City' })))).toBe('/login');
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a role without the right and keeps what was typed', async () => {
    state.user = writer;
    expect(await action({}, form({ id: '3', name: 'City' }))).toEqual({ error: 'You are not allowed to do that.', values: { name: 'City' } });
    expect(run).not.toHaveBeenCalled();
    expect(expired.action).toEqual([]);
  });

  it('names the field a person can fix, and says "missing" for a hidden one', async () => {
    expect(await action({}, form({ id: '3', name: ' ' }))).toEqual({
      error: 'Enter a name.',
      fieldErrors: { name: ['Enter a name.'] },
      values: { name: ' ' },
    });
    expect(await action({}, form({ id: 'x', name: 'City' }))).toEqual({ error: 'Something was missing from the form.', values: { name: 'City' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('passes a mutation’s refusal on without expiring anything', async () => {
    expect(await action({}, form({ id: '3', name: 'taken' }))).toEqual({
      error: 'That name is taken.',
      fieldErrors: { name: ['That name is taken.'] },
      values: { name: 'taken' },
    });
    expect(expired.action).toEqual([]);
  });

  it('redirects after expiring when the run says where to go', async () => {
    const remove = adminCommand<FormData, { id: number }>({
      permission: 'section.manage',
      input: z.object({ id: z.coerce.number() }),
      run: async () => ({ ok: true, invalidates: ['sections'], redirectTo: '/admin/sections?deleted=1' }),
    });
    expect(await redirectOf(() => remove(form({ id: '3' })))).toBe('/admin/sections?deleted=1');
    expect(expired.action).toEqual([['sections']]);
  });

  it('checks the resource’s owner: own-scoped roles only on their own', async () => {
    state.user = writer;
    const edit = adminCommand<number, number>({
      permission: 'media.edit',
      input: z.number(),
      resource: async (id) => (id === 0 ? null : { ownerId: id }),
      missing: 'That image is gone.',
      run: async () => ({ ok: true, message: 'Saved.' }),
    });
    expect(await edit(writer.id)).toMatchObject({ ok: true });
    expect(await edit(99)).toMatchObject({ error: 'You are not allowed to do that.' });
    expect(await edit(0)).toMatchObject({ error: 'That image is gone.' });
  });
});
