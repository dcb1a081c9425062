import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleSync, AUTOSAVE_DELAY_MS } from './article-sync';
import type { EditorArticle } from '@/db/queries/editor';
import { draftToInput, emptyDraft, localCopyKey, parseLocalCopy, withTitle, type EditorDraft } from '@/lib/articles/draft';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const base = { ...withTitle(emptyDraft(1, [{ id: 2, name: 'Desk' }]), 'Night buses'), slugTouched: true };

// The article as GET /api/admin/articles/7 answers, with the draft's content.
function loaded(draft: EditorDraft, more: Partial<EditorArticle> = {}): { ok: true; article: EditorArticle } {
  const { slugTouched: _s, hero: _h, social: _so, ...content } = draft;
  return {
    ok: true,
    article: {
      ...content,
      id: 7,
      version: 5,
      status: 'draft',
      createdBy: 1,
      url: '/city/night-buses',
      body: draft.body as EditorArticle['body'],
      tags: draft.tags.map((t) => ({ ...t, slug: String(t.id) })),
      hero: null,
      social: null,
      corrections: [],
      publishedAt: null,
      updatedAt: null,
      scheduledAt: null,
      modifiedAt: '2026-12-01T10:00:00.000Z',
      assigneeId: null,
      reviewDeadline: null,
      internalNotes: '',
      bodyMedia: {},
      pending: null,
      videoUrl: draft.videoUrl || null,
      seoTitle: draft.seoTitle || null,
      seoDescription: draft.seoDescription || null,
      ...more,
    },
  };
}

describe('ArticleSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps every change in the browser at once and saves to the server after typing stops', async () => {
    const storage = memoryStorage();
    const calls: { url: string; body: Record<string, unknown> }[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return json(200, { ok: true, id: 7, version: 4 });
    });
    const sync = new ArticleSync({ articleId: 7, version: 3, initial: base, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, dek: 'Four routes' }));
    expect(parseLocalCopy(storage.getItem(localCopyKey(7)))?.draft.dek).toBe('Four routes');
    expect(sync.getSnapshot().status.kind).toBe('dirty');
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/api/admin/articles/7', body: { version: 3, article: { dek: 'Four routes' } } });
    expect(sync.getSnapshot()).toMatchObject({ version: 4, status: { kind: 'saved' } });
    // Saved on the server: the browser's copy is no longer needed.
    expect(storage.getItem(localCopyKey(7))).toBeNull();
  });

  it('goes offline without losing the text, and saves when the connection returns', async () => {
    const storage = memoryStorage();
    let online = false;
    const fetch = vi.fn(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return json(200, { ok: true, id: 7, version: 2 });
    });
    const sync = new ArticleSync({ articleId: 7, version: 1, initial: base, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, title: 'Typed on the train' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(sync.getSnapshot().status.kind).toBe('offline');
    expect(parseLocalCopy(storage.getItem(localCopyKey(7)))?.draft.title).toBe('Typed on the train');
    online = true;
    sync.retry();
    await vi.advanceTimersByTimeAsync(10);
    expect(sync.getSnapshot().status.kind).toBe('saved');
    expect(sync.isDirty()).toBe(false);
  });

  it('stops at a conflict on a field both changed, keeps my text, and saves it on top only when asked', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) return json(200, loaded({ ...base, title: 'Theirs' }));
      const body = JSON.parse(String(init.body));
      return body.version === 5
        ? json(200, { ok: true, id: 7, version: 6 })
        : json(409, { ok: false, reason: 'conflict', current: { savedBy: 'Olena Other', version: 5 } });
    });
    const sync = new ArticleSync({ articleId: 7, version: 4, initial: base, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, title: 'Mine' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    const status = sync.getSnapshot().status;
    expect(status).toMatchObject({ kind: 'conflict', savedBy: 'Olena Other', conflicts: ['title'], remote: { version: 5, draft: { title: 'Theirs' } } });
    expect(sync.getSnapshot().draft.title).toBe('Mine');
    // More typing during the conflict is kept, but nothing is sent.
    sync.update((d) => ({ ...d, dek: 'still mine' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await sync.resolveConflict('mine')).toBe(true);
    expect(sync.getSnapshot()).toMatchObject({ version: 6, status: { kind: 'saved' }, draft: { title: 'Mine', dek: 'still mine' } });
    // Theirs stays on screen to copy from.
    expect(sync.getSnapshot().setAside).toMatchObject({ side: 'theirs', by: 'Olena Other', fields: ['title'], draft: { title: 'Theirs' } });
  });

  it('offers to keep both bodies when the two changed different paragraphs', async () => {
    const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const doc = (...texts: string[]) => ({ type: 'doc', content: texts.map(para) });
    const start = { ...base, body: doc('One.', 'Two.', 'Three.') };
    const sent: Record<string, unknown>[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) return json(200, loaded({ ...start, body: doc('One.', 'Two.', 'Three, theirs.') }));
      const body = JSON.parse(String(init.body));
      sent.push(body);
      return body.version === 5 ? json(200, { ok: true, id: 7, version: 6 }) : json(409, { ok: false, reason: 'conflict', current: { savedBy: 'Olena Other' } });
    });
    const sync = new ArticleSync({ articleId: 7, version: 4, initial: start, fetch: fetch as never, storage: memoryStorage() });
    sync.update((d) => ({ ...d, body: doc('One, mine.', 'Two.', 'Three.') }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(sync.getSnapshot().status).toMatchObject({ kind: 'conflict', conflicts: ['body'] });
    expect(sync.combinedBody()).toEqual(doc('One, mine.', 'Two.', 'Three, theirs.'));
    expect(await sync.resolveConflict('both')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ version: 5, article: { body: doc('One, mine.', 'Two.', 'Three, theirs.') } });
    expect(sync.getSnapshot().setAside).toBeNull();
  });

  it('merges without asking when the other save changed only fields I did not', async () => {
    const storage = memoryStorage();
    const sent: Record<string, unknown>[] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) return json(200, loaded({ ...base, dek: 'Their dek', kicker: 'Transport' }));
      const body = JSON.parse(String(init.body));
      sent.push(body);
      return body.version === 5 ? json(200, { ok: true, id: 7, version: 6 }) : json(409, { ok: false, reason: 'conflict', current: { savedBy: 'Olena Other' } });
    });
    const sync = new ArticleSync({ articleId: 7, version: 4, initial: base, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, title: 'My headline' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(sync.getSnapshot()).toMatchObject({
      version: 6,
      status: { kind: 'saved' },
      draft: { title: 'My headline', dek: 'Their dek', kicker: 'Transport' },
      merged: { by: 'Olena Other', fields: ['kicker', 'dek'] },
    });
    expect(sent.at(-1)).toMatchObject({ version: 5, article: { title: 'My headline', dek: 'Their dek', kicker: 'Transport' } });
    // Their changes were not to the body: the body editor (and whoever types in it) is left alone.
    expect(sync.getSnapshot().epoch).toBe(0);
  });

  it("a browser copy restored after a crash merges against what the server held then, never undoing others' later changes", async () => {
    const sent: Record<string, unknown>[] = [];
    const now = { ...base, dek: 'Their dek' };
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) return json(200, loaded(now));
      const body = JSON.parse(String(init.body));
      sent.push(body);
      return body.version === 5 ? json(200, { ok: true, id: 7, version: 6 }) : json(409, { ok: false, reason: 'conflict', current: { savedBy: 'Olena Other' } });
    });
    const typed = { ...base, title: 'Typed before the crash' };
    const sync = new ArticleSync({ articleId: 7, version: 5, initial: now, fetch: fetch as never, storage: memoryStorage() });
    sync.restore({ draft: typed, baseVersion: 4, base, pendingRevision: null, at: '2026-12-02T09:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent.at(-1)).toMatchObject({ version: 5, article: { title: 'Typed before the crash', dek: 'Their dek' } });
    expect(sync.getSnapshot().status.kind).toBe('saved');

    // A copy kept before bases were recorded: every field that differs is a question.
    const old = new ArticleSync({ articleId: 7, version: 5, initial: now, fetch: fetch as never, storage: memoryStorage() });
    old.restore({ draft: typed, baseVersion: 4, at: '2026-12-02T09:00:00.000Z' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(old.getSnapshot().status).toMatchObject({ kind: 'conflict', conflicts: ['title', 'dek'] });
  });

  it('creates a new article on the first save that has a title', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async () => json(201, { ok: true, id: 12, version: 1 }));
    const created: number[] = [];
    const sync = new ArticleSync({
      articleId: null,
      version: null,
      initial: emptyDraft(1, []),
      fetch: fetch as never,
      storage,
      onCreated: (id) => created.push(id),
    });
    sync.update((d) => ({ ...d, dek: 'No title yet' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(fetch).not.toHaveBeenCalled();
    expect(parseLocalCopy(storage.getItem(localCopyKey(null)))?.draft.dek).toBe('No title yet');
    sync.update((d) => withTitle(d, 'Flood warning lifted'));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(fetch).toHaveBeenCalledWith('/api/admin/articles', expect.objectContaining({ method: 'POST' }));
    expect(created).toEqual([12]);
    expect(sync.getSnapshot()).toMatchObject({ articleId: 12, version: 1, draft: { slug: 'flood-warning-lifted' } });
    expect(storage.getItem(localCopyKey(null))).toBeNull();
  });

  it("autosaves a live article's changes as pending, publishes them with Update, and shows field errors", async () => {
    const storage = memoryStorage();
    const calls: { url: string; method: string; body: Record<string, unknown> }[] = [];
    let slugTaken = true;
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body));
      calls.push({ url, method: String(init?.method), body });
      if (url.endsWith('/pending')) return json(200, { ok: true, revision: (body.revision ?? 0) + 1, baseVersion: body.baseVersion });
      if (slugTaken) return json(422, { ok: false, reason: 'invalid', error: 'Some fields need attention.', fieldErrors: { slug: ['Taken.'] } });
      return json(200, { ok: true, id: 7, version: 3 });
    });
    const sync = new ArticleSync({ articleId: 7, version: 2, initial: base, pendingMode: true, fetch: fetch as never, storage });
    expect(sync.hasPending()).toBe(false);
    sync.update((d) => ({ ...d, slug: 'taken' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(calls).toEqual([{ url: '/api/admin/articles/7/pending', method: 'PUT', body: { revision: null, baseVersion: 2, article: draftToInput({ ...base, slug: 'taken' }) } }]);
    expect(sync.getSnapshot()).toMatchObject({ version: 2, pendingRevision: 1, pendingInfo: { mine: true }, status: { kind: 'saved' } });
    expect(sync.hasPending()).toBe(true);
    sync.update((d) => ({ ...d, dek: 'More' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(calls[1]?.body).toMatchObject({ revision: 1, baseVersion: 2 });

    expect(await sync.publish()).toBe(false);
    expect(calls[2]).toMatchObject({ url: '/api/admin/articles/7', method: 'PUT', body: { version: 2, article: { slug: 'taken', dek: 'More' } } });
    expect(sync.getSnapshot().status).toEqual({ kind: 'error', message: 'Some fields need attention.', errors: { slug: 'Taken.' } });
    sync.update((d) => ({ ...d, slug: 'free' }));
    slugTaken = false;
    expect(await sync.publish()).toBe(true);
    expect(sync.getSnapshot()).toMatchObject({ version: 3, pendingRevision: null, pendingInfo: null, status: { kind: 'saved' } });
    expect(sync.hasPending()).toBe(false);
    expect(storage.getItem(localCopyKey(7))).toBeNull();
  });

  it("meets a colleague's pending changes: merges what it can, and taking theirs keeps mine to copy from", async () => {
    const storage = memoryStorage();
    const sent: { url: string; body: Record<string, unknown> }[] = [];
    const theirs = { ...base, title: 'Their pending headline', dek: 'Their pending dek' };
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) {
        const { article } = loaded(base, { version: 2, status: 'published', publishedAt: '2026-12-01T09:00:00.000Z' });
        const { pending: _p, ...content } = loaded(theirs).article;
        return json(200, { ok: true, article: { ...article, pending: { revision: 3, baseVersion: 2, savedBy: 'Olena Other', savedAt: '2026-12-02T09:00:00.000Z', note: '', content } } });
      }
      const body = JSON.parse(String(init.body));
      sent.push({ url, body });
      return body.revision === 3 ? json(200, { ok: true, revision: 4, baseVersion: 2 }) : json(409, { ok: false, reason: 'conflict', error: 'Stale.' });
    });
    const sync = new ArticleSync({ articleId: 7, version: 2, initial: base, pendingMode: true, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, title: 'My pending headline', kicker: 'Mine' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(sync.getSnapshot().status).toMatchObject({ kind: 'conflict', savedBy: 'Olena Other', conflicts: ['title'] });
    expect(sync.getSnapshot()).toMatchObject({ pendingRevision: 3, draft: { title: 'My pending headline', kicker: 'Mine', dek: 'Their pending dek' } });
    expect(await sync.resolveConflict('theirs')).toBe(true);
    expect(sent.at(-1)).toMatchObject({ url: '/api/admin/articles/7/pending', body: { revision: 3, baseVersion: 2, article: { title: 'Their pending headline', kicker: 'Mine', dek: 'Their pending dek' } } });
    expect(sync.getSnapshot()).toMatchObject({ pendingRevision: 4, status: { kind: 'saved' } });
    expect(sync.getSnapshot().setAside).toMatchObject({ side: 'yours', fields: ['title'], draft: { title: 'My pending headline' } });
  });

  it('discards pending changes and goes back to the live article', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') return json(200, { ok: true, version: 2 });
      return json(200, loaded(base, { version: 2, status: 'published', publishedAt: '2026-12-01T09:00:00.000Z' }));
    });
    const pendingDraft = { ...base, title: 'Pending headline', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pending.' }] }] } };
    const sync = new ArticleSync({
      articleId: 7,
      version: 2,
      initial: pendingDraft,
      pendingMode: true,
      pending: { revision: 4, info: { by: 'Olena Other', mine: false, at: '2026-12-01T10:00:00.000Z' } },
      fetch: fetch as never,
      storage,
    });
    expect(sync.hasPending()).toBe(true);
    expect(await sync.discardPending()).toBeNull();
    expect(fetch).toHaveBeenCalledWith('/api/admin/articles/7/pending', expect.objectContaining({ method: 'DELETE', body: JSON.stringify({ revision: 4 }) }));
    expect(sync.getSnapshot()).toMatchObject({ pendingRevision: null, version: 2, draft: { title: 'Night buses' }, epoch: 1 });
    expect(sync.hasPending()).toBe(false);
  });
});
