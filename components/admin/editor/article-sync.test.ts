import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleSync, AUTOSAVE_DELAY_MS } from './article-sync';
import { emptyDraft, localCopyKey, parseLocalCopy, withTitle } from '@/lib/articles/draft';

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
    const sync = new ArticleSync({ articleId: 7, version: 3, initial: base, autosave: true, fetch: fetch as never, storage });
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
    const sync = new ArticleSync({ articleId: 7, version: 1, initial: base, autosave: true, fetch: fetch as never, storage });
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

  it('stops at a conflict, keeps my text, and saves it on top of theirs only when asked', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (!init?.method) return json(200, { ok: true, article: { id: 7, version: 5, title: 'Theirs' } });
      const body = JSON.parse(String(init.body));
      return body.version === 5
        ? json(200, { ok: true, id: 7, version: 6 })
        : json(409, { ok: false, reason: 'conflict', current: { savedBy: 'Olena Other', version: 5 } });
    });
    const sync = new ArticleSync({ articleId: 7, version: 4, initial: base, autosave: true, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, title: 'Mine' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    const status = sync.getSnapshot().status;
    expect(status).toMatchObject({ kind: 'conflict', savedBy: 'Olena Other', theirs: { title: 'Theirs' } });
    expect(sync.getSnapshot().draft.title).toBe('Mine');
    // More typing during the conflict is kept, but nothing is sent.
    sync.update((d) => ({ ...d, dek: 'still mine' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await sync.resolveConflict('mine', { version: 5, draft: { ...base, title: 'Theirs' } })).toBe(true);
    expect(sync.getSnapshot()).toMatchObject({ version: 6, status: { kind: 'saved' }, draft: { title: 'Mine', dek: 'still mine' } });
  });

  it('creates a new article on the first save that has a title', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async () => json(201, { ok: true, id: 12, version: 1 }));
    const created: number[] = [];
    const sync = new ArticleSync({
      articleId: null,
      version: null,
      initial: emptyDraft(1, []),
      autosave: true,
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

  it('holds a live article\'s changes in the browser until Update, and shows field errors', async () => {
    const storage = memoryStorage();
    const fetch = vi.fn(async () => json(422, { ok: false, reason: 'invalid', error: 'Some fields need attention.', fieldErrors: { slug: ['Taken.'] } }));
    const sync = new ArticleSync({ articleId: 7, version: 2, initial: base, autosave: false, fetch: fetch as never, storage });
    sync.update((d) => ({ ...d, slug: 'taken' }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5);
    expect(fetch).not.toHaveBeenCalled();
    expect(sync.getSnapshot().status.kind).toBe('held');
    expect(await sync.save()).toBe(false);
    expect(sync.getSnapshot().status).toEqual({ kind: 'error', message: 'Some fields need attention.', errors: { slug: 'Taken.' } });
    expect(parseLocalCopy(storage.getItem(localCopyKey(7)))?.draft.slug).toBe('taken');
  });
});
