import http from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { serveDuringTest } from './testing/listen';
import { addEdgeKeys, decideEdgeKeys, withSharedOnlyEdgeKeys } from './edge-keys.mjs';
import GazetteCacheHandler from './next-cache-handler.mjs';
import { createPageCache, withPageCache } from './page-cache.mjs';

// What Next stores for an article page (its .meta file): its implicit tags, then ours.
const NEXT_TAGS =
  '_N_T_/layout,_N_T_/(site)/layout,_N_T_/(site)/[section]/[slug]/page,_N_T_/city/night-bus-1,settings,sections,article-lists,article:12,section:3,byline:2,tag:7,curation,popular';
const KEYS = 'settings sections article-lists article:12 section:3 byline:2 tag:7 curation popular';



const listen = serveDuringTest();

describe('decideEdgeKeys', () => {
  it("keeps Gazette's tags once each, space-separated, and drops Next's implicit ones", () => {
    expect(decideEdgeKeys(NEXT_TAGS)).toBe(KEYS);
    expect(decideEdgeKeys('settings,settings, feeds')).toBe('settings feeds');
    expect(decideEdgeKeys('_N_T_/layout')).toBe('');
    expect(decideEdgeKeys(undefined)).toBe('');
  });
});

describe('addEdgeKeys', () => {
  it('puts Surrogate-Key and xkey on pages and route answers that carry tags, and nothing else', () => {
    const page = { kind: 'APP_PAGE', status: 200, headers: { 'x-next-cache-tags': NEXT_TAGS } as Record<string, unknown> };
    addEdgeKeys(page);
    expect(page.headers).toMatchObject({ 'surrogate-key': KEYS, xkey: KEYS });
    const feed = { kind: 'APP_ROUTE', headers: { 'x-next-cache-tags': 'feeds,article-lists' } as Record<string, unknown> };
    addEdgeKeys(feed);
    expect(feed.headers.xkey).toBe('feeds article-lists');
    const untagged = { kind: 'APP_PAGE', headers: {} as Record<string, unknown> };
    addEdgeKeys(untagged);
    expect(untagged.headers).toEqual({});
    const fetched = { kind: 'FETCH', headers: { 'x-next-cache-tags': 'settings' } as Record<string, unknown> };
    addEdgeKeys(fetched);
    expect(fetched.headers.xkey).toBeUndefined();
  });

  it('is what the cache handler does to each page Next stores, on the very headers Next sends', async () => {
    const headers: Record<string, unknown> = { 'x-next-cache-tags': NEXT_TAGS };
    const handler = Object.create(GazetteCacheHandler.prototype) as { set(key: string, data: unknown, ctx: unknown): Promise<void> };
    // The file-system write itself is Next's; only what reaches it matters here.
    const write = vi.spyOn(Object.getPrototypeOf(GazetteCacheHandler.prototype), 'set').mockResolvedValue(undefined);
    try {
      await handler.set('/city/night-bus-1', { kind: 'APP_PAGE', status: 200, headers, html: '' }, {});
    } finally {
      write.mockRestore();
    }
    expect(headers.xkey).toBe(KEYS);
  });
});

// Next sends a stored page's headers, the edge keys among them, as the cache handler left them.
function fakeNext(cacheControl: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.setHeader('cache-control', cacheControl);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('surrogate-key', KEYS);
    res.setHeader('xkey', KEYS);
    res.end('<p>page</p>');
  };
}

describe('withSharedOnlyEdgeKeys behind the page cache', () => {
  it('sends the edge keys with a cacheable page and with its replay from the page cache', async () => {
    const cache = createPageCache();
    const base = await listen(withPageCache(cache, withSharedOnlyEdgeKeys(fakeNext('s-maxage=300, stale-while-revalidate=3300'))));
    const first = await fetch(`${base}/city/night-bus-1`);
    await first.text();
    expect(first.headers.get('surrogate-key')).toBe(KEYS);
    expect(first.headers.get('xkey')).toBe(KEYS);
    const replay = await fetch(`${base}/city/night-bus-1`);
    await replay.text();
    expect(replay.headers.get('x-gazette-cache')).toBe('HIT');
    expect(replay.headers.get('surrogate-key')).toBe(KEYS);
    expect(replay.headers.get('xkey')).toBe(KEYS);
  });

  it('takes them off answers a shared cache may not keep', async () => {
    const base = await listen(withSharedOnlyEdgeKeys(fakeNext('private, no-cache, no-store, max-age=0, must-revalidate')));
    const answer = await fetch(`${base}/search?q=bus`);
    await answer.text();
    expect(answer.headers.get('surrogate-key')).toBeNull();
    expect(answer.headers.get('xkey')).toBeNull();
  });

  it('also when the Cache-Control comes with writeHead', async () => {
    const base = await listen(
      withSharedOnlyEdgeKeys((req, res) => {
        res.setHeader('xkey', KEYS);
        res.writeHead(200, { 'cache-control': 'public, max-age=60', 'Surrogate-Key': KEYS });
        res.end('{}');
      }),
    );
    const answer = await fetch(`${base}/feed.json`);
    await answer.text();
    expect(answer.headers.get('surrogate-key')).toBeNull();
    expect(answer.headers.get('xkey')).toBeNull();
  });
});
