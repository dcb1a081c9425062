import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveDuringTest } from './testing/listen';
import {
  carriesServerCookie,
  createPageCache,
  requestKey,
  sharedGenerationCheck,
  sharedMaxAge,
  withPageCache,
  PAGE_CACHE_KEY,
  type PageCache,
} from './page-cache.mjs';

vi.mock('next/cache', () => ({ revalidateTag: vi.fn(), updateTag: vi.fn() }));

type Reply = { status?: number; headers?: Record<string, string | string[]>; body?: string; chunks?: string[] };

// A stand-in for Next's handler: answers what the test says and counts how often it is asked.
function fakeNext(reply: (req: http.IncomingMessage) => Reply) {
  const calls: string[] = [];
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    calls.push(req.url ?? '');
    const r = reply(req);
    res.statusCode = r.status ?? 200;
    for (const [name, value] of Object.entries(r.headers ?? {})) res.setHeader(name, value);
    for (const chunk of r.chunks ?? []) res.write(chunk);
    res.end(r.body ?? '');
  };
  return { calls, handle };
}

const cacheable = { 'cache-control': 's-maxage=300, stale-while-revalidate=3300', 'content-type': 'text/html; charset=utf-8', etag: '"abc"', 'x-nextjs-cache': 'HIT' };

let base: string;
let cache: PageCache;


const serve = serveDuringTest();
async function listen(handler: http.RequestListener) {
  base = await serve(handler);
}

beforeEach(() => {
  cache = createPageCache();
});

describe('sharedMaxAge', () => {
  it('reads s-maxage and refuses what a shared cache may not hold', () => {
    expect(sharedMaxAge('s-maxage=300, stale-while-revalidate=3300')).toBe(300);
    expect(sharedMaxAge('public, max-age=300, s-maxage=60')).toBe(60);
    expect(sharedMaxAge('private, no-cache, no-store, max-age=0, must-revalidate')).toBe(0);
    expect(sharedMaxAge('public, max-age=300')).toBe(0);
    expect(sharedMaxAge('s-maxage=0')).toBe(0);
    expect(sharedMaxAge('s-maxage=60, no-store')).toBe(0);
    expect(sharedMaxAge(undefined)).toBe(0);
  });
});

describe('requestKey', () => {
  const get = (url: string, headers: Record<string, string> = {}) => requestKey({ method: 'GET', url, headers });
  it('keys a reader document by path, query and accepted encoding', () => {
    expect(get('/politics?page=2', { 'accept-encoding': 'gzip' })).toBe('/politics?page=2\ngzip');
    expect(get('/')).toBe('/\n');
  });
  it('sends the newsroom, the API, assets, client-router requests and cookies to Next', () => {
    expect(requestKey({ method: 'POST', url: '/', headers: {} })).toBeNull();
    expect(requestKey({ method: 'HEAD', url: '/', headers: {} })).toBeNull();
    for (const url of ['/admin', '/admin/articles', '/api/health', '/login?next=/admin', '/preview/1', '/_next/static/x.js']) {
      expect(get(url)).toBeNull();
    }
    expect(get('/administrators')).not.toBeNull();
    expect(get('/', { rsc: '1' })).toBeNull();
    expect(get('/', { 'next-router-prefetch': '1' })).toBeNull();
    expect(get('/', { cookie: 'authjs.session-token=x' })).toBeNull();
    expect(get('/', { cookie: '_ga=GA1.1.1; __Secure-authjs.session-token=x' })).toBeNull();
    expect(get('/', { cookie: 'authjs.session-token.0=x; authjs.session-token.1=y' })).toBeNull();
    expect(get('/', { cookie: '__prerender_bypass=abc' })).toBeNull();
    expect(get('/', { authorization: 'Bearer x' })).toBeNull();
    expect(get('/rss.xml', { range: 'bytes=0-99' })).toBeNull();
  });
});

describe('carriesServerCookie', () => {
  it('ignores cookies the server never reads, so readers with analytics or consent cookies share the cache', () => {
    const key = requestKey({ method: 'GET', url: '/politics', headers: { cookie: '_ga=GA1.1.12345.67890; _gid=GA1.2.1; cookie_consent=all; ab_variant=b' } });
    expect(key).toBe('/politics\n');
    expect(carriesServerCookie('_ga=1; authjs.session-token=x')).toBe(true);
    expect(carriesServerCookie('my-authjs.session-token=x; authjs.session-tokenx=y')).toBe(false);
    expect(carriesServerCookie('')).toBe(false);
    expect(carriesServerCookie(undefined)).toBe(false);
  });
});

describe('withPageCache', () => {
  it('serves a cacheable page from memory after Next answered it once, bytes and headers unchanged', async () => {
    const next = fakeNext(() => ({ headers: cacheable, chunks: ['<html>', 'front page'], body: '</html>' }));
    await listen(withPageCache(cache, next.handle));
    const first = await fetch(`${base}/`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/`);
    expect(await second.text()).toBe(firstBody);
    expect(firstBody).toBe('<html>front page</html>');
    expect(next.calls).toEqual(['/']);
    expect(first.headers.get('x-gazette-cache')).toBeNull();
    expect(second.headers.get('x-gazette-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toBe(cacheable['cache-control']);
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('etag')).toBe('"abc"');
    expect(second.headers.get('x-nextjs-cache')).toBeNull();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, stored: 1 });
  });

  it('sees headers given to writeHead as well as those set one by one (route handlers answer that way)', async () => {
    let calls = 0;
    await listen(
      withPageCache(cache, (req, res) => {
        calls++;
        if (req.url === '/feed.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Cache-Control': 'public, max-age=300, s-maxage=300' });
        else res.writeHead(200, 'OK', ['content-type', 'application/xml', 'cache-control', 's-maxage=60']);
        res.end('<xml/>');
      }),
    );
    for (const url of ['/feed.xml', '/sitemap.xml']) {
      await fetch(base + url);
      const again = await fetch(base + url);
      expect(again.headers.get('x-gazette-cache'), url).toBe('HIT');
      expect(again.headers.get('content-type'), url).toMatch(/xml/);
      expect(await again.text()).toBe('<xml/>');
    }
    expect(calls).toBe(2);
  });

  it('cluster mode: replays nothing cached before another instance expired something, even unannounced', async () => {
    let generation: number | null = 4;
    const next = fakeNext((req) => ({ headers: cacheable, body: `render ${next.calls.length} of ${req.url}` }));
    const check = sharedGenerationCheck(async () => generation, () => cache.invalidate());
    await listen(withPageCache(cache, next.handle, { beforeLookup: check }));
    expect(await (await fetch(`${base}/a`)).text()).toBe('render 1 of /a');
    expect((await fetch(`${base}/a`)).headers.get('x-gazette-cache')).toBe('HIT');
    // Another instance expired a tag: the generation moved; this one heard nothing else.
    generation = 5;
    const after = await fetch(`${base}/a`);
    expect(after.headers.get('x-gazette-cache')).toBeNull();
    expect(await after.text()).toBe('render 2 of /a');
    expect((await fetch(`${base}/a`)).headers.get('x-gazette-cache')).toBe('HIT');
    // Redis cannot answer: the cache goes on as it would alone.
    generation = null;
    expect((await fetch(`${base}/a`)).headers.get('x-gazette-cache')).toBe('HIT');
    expect(next.calls).toEqual(['/a', '/a']);
  });

  it('cluster mode: requests share generation reads, and none uses a read that left before it arrived', async () => {
    const answers: ((n: number) => void)[] = [];
    const generation = () => new Promise<number>((resolve) => answers.push(resolve));
    const invalidate = vi.fn();
    const check = sharedGenerationCheck(generation, invalidate);
    const first = check();
    // Fifty requests arrive while the first read is on its way: they wait for one more read.
    const during = Array.from({ length: 50 }, () => check());
    expect(answers).toHaveLength(1);
    answers[0]!(7);
    await first;
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    // Another instance expired something after the first read left: the second read sees it.
    answers[1]!(8);
    await Promise.all(during);
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(answers).toHaveLength(2);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const next = fakeNext(() => ({ headers: cacheable, body: 'page' }));
    await listen(withPageCache(cache, next.handle));
    await fetch(`${base}/a`);
    const again = await fetch(`${base}/a`, { headers: { 'if-none-match': 'W/"zzz", "abc"' } });
    expect(again.status).toBe(304);
    const other = await fetch(`${base}/a`, { headers: { 'if-none-match': '"zzz"' } });
    expect(other.status).toBe(200);
    expect(next.calls).toEqual(['/a']);
  });

  it('keeps a separate copy per accepted encoding', async () => {
    const next = fakeNext((req) => ({ headers: cacheable, body: `encoding:${req.headers['accept-encoding'] ?? 'none'}` }));
    await listen(withPageCache(cache, next.handle));
    // undici's fetch always asks for gzip; plain http.get asks for nothing.
    const viaFetch = await (await fetch(`${base}/x`, { headers: { 'accept-encoding': 'br' } })).text();
    const viaGet = await new Promise<string>((resolve) => {
      http.get(`${base}/x`, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      });
    });
    expect(viaFetch).toBe('encoding:br');
    expect(viaGet).toBe('encoding:none');
    expect(next.calls).toHaveLength(2);
  });

  it.each([
    ['private', { ...cacheable, 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }, 200],
    ['a stale copy Next is re-rendering', { ...cacheable, 'x-nextjs-cache': 'STALE' }, 200],
    ['a response setting a cookie', { ...cacheable, 'set-cookie': 'a=b' }, 200],
    ['a partially prerendered page', { ...cacheable, 'x-nextjs-postponed': '1' }, 200],
    ['a not-found page', cacheable, 404],
  ])('never stores %s', async (_name, headers, status) => {
    const next = fakeNext(() => ({ headers, status, body: 'x' }));
    await listen(withPageCache(cache, next.handle));
    await fetch(`${base}/p`);
    await fetch(`${base}/p`);
    expect(next.calls).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it('stops copying a page larger than an entry may be, and still sends it whole', async () => {
    cache = createPageCache({ maxEntryBytes: 8 });
    const next = fakeNext(() => ({ headers: cacheable, chunks: ['0123456789'], body: 'abcdef' }));
    await listen(withPageCache(cache, next.handle));
    expect(await (await fetch(`${base}/big`)).text()).toBe('0123456789abcdef');
    expect(await (await fetch(`${base}/big`)).text()).toBe('0123456789abcdef');
    expect(next.calls).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it('empties on invalidate, and drops a page that was being rendered when it came', async () => {
    let release: () => void = () => {};
    let slow = false;
    let version = 1;
    const calls: string[] = [];
    await listen(
      withPageCache(cache, (req, res) => {
        calls.push(req.url ?? '');
        const body = `version ${version}`;
        const send = () => {
          for (const [name, value] of Object.entries(cacheable)) res.setHeader(name, value);
          res.end(body);
        };
        if (slow) release = send;
        else send();
      }),
    );
    expect(await (await fetch(`${base}/story`)).text()).toBe('version 1');
    version = 2;
    cache.invalidate();
    expect(cache.size).toBe(0);
    // A render that began before the next invalidation finishes after it: served, not stored.
    slow = true;
    const pending = fetch(`${base}/story`).then((r) => r.text());
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    version = 3;
    cache.invalidate();
    release();
    expect(await pending).toBe('version 2');
    slow = false;
    expect(await (await fetch(`${base}/story`)).text()).toBe('version 3');
    expect(await (await fetch(`${base}/story`)).text()).toBe('version 3');
    expect(calls).toHaveLength(3);
  });
});

describe('createPageCache', () => {
  const page = (body: string, cacheControl = 's-maxage=60') => ({ status: 200, headers: { 'cache-control': cacheControl }, body: Buffer.from(body) });

  it('lets an entry live no longer than its s-maxage', () => {
    let clock = 1_000_000;
    const c = createPageCache({ now: () => clock });
    expect(c.store('k', c.generation, page('a', 's-maxage=60'))).toBe(true);
    clock += 59_000;
    expect(c.get('k')?.body.toString()).toBe('a');
    clock += 2_000;
    expect(c.get('k')).toBeNull();
  });

  it('caps a year-long s-maxage at the configured maximum age', () => {
    let clock = 0;
    const c = createPageCache({ now: () => clock, maxAgeSeconds: 600 });
    c.store('k', c.generation, page('a', 's-maxage=31536000'));
    clock += 601_000;
    expect(c.get('k')).toBeNull();
  });

  it('evicts the least recently used pages beyond its byte budget, and refuses oversized ones', () => {
    const c = createPageCache({ maxBytes: 10, maxEntryBytes: 6 });
    c.store('a', 0, page('aaaa'));
    c.store('b', 0, page('bbbb'));
    c.get('a'); // a is now the most recent
    c.store('c', 0, page('cccc'));
    expect(c.get('b')).toBeNull();
    expect(c.get('a')).not.toBeNull();
    expect(c.get('c')).not.toBeNull();
    expect(c.bytes).toBe(8);
    expect(c.store('d', 0, page('ddddddd'))).toBe(false);
  });
});

describe('expiring cache tags empties the page cache', () => {
  afterEach(() => {
    delete (globalThis as { [PAGE_CACHE_KEY]?: PageCache })[PAGE_CACHE_KEY];
  });

  it('in route handlers and in server actions, but not for an empty list', async () => {
    const { revalidateTag, updateTag } = await import('next/cache');
    const { expireTags, expireTagsInAction } = await import('../server/expire-tags');
    (globalThis as { [PAGE_CACHE_KEY]?: PageCache })[PAGE_CACHE_KEY] = cache;
    cache.store('/\n', cache.generation, { status: 200, headers: { 'cache-control': 's-maxage=60' }, body: Buffer.from('x') });
    await expireTags([]);
    expect(cache.size).toBe(1);
    await expireTags(['home', 'home', 'article:1']);
    expect(revalidateTag).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
    expect(cache.stats.invalidations).toBe(1);
    await expireTagsInAction(['section:2']);
    expect(updateTag).toHaveBeenCalledWith('section:2');
    expect(cache.stats.invalidations).toBe(2);
  });
});

describe('withPageCache — identical misses and search', () => {
  // A Next that answers only when told to, so requests can overlap.
  function slowNext(headers: Record<string, string>, status = 200) {
    const calls: string[] = [];
    const waiting: (() => void)[] = [];
    const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
      calls.push(req.url ?? '');
      waiting.push(() => {
        res.statusCode = status;
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.end(`answer for ${req.url}`);
      });
    };
    const release = async () => {
      while (waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
      waiting.shift()!();
    };
    return { calls, handle, release, waiting };
  }

  it('renders concurrent identical requests once and serves the others the same answer', async () => {
    const next = slowNext(cacheable);
    await listen(withPageCache(cache, next.handle));
    const all = Promise.all(Array.from({ length: 5 }, () => fetch(`${base}/politics`).then((r) => r.text())));
    await next.release();
    expect(await all).toEqual(Array(5).fill('answer for /politics'));
    expect(next.calls).toEqual(['/politics']);
    expect(cache.stats).toMatchObject({ misses: 1, coalesced: 4, hits: 4 });
  });

  it('sends the waiting requests to Next themselves when the answer could not be kept', async () => {
    const next = slowNext({ 'cache-control': 'private, no-store' });
    await listen(withPageCache(cache, next.handle));
    const all = Promise.all(Array.from({ length: 3 }, () => fetch(`${base}/politics/missing`).then((r) => r.status)));
    await next.release();
    await next.release();
    await next.release();
    expect(await all).toEqual([200, 200, 200]);
    expect(next.calls).toHaveLength(3);
  });

  it('keeps search results in their own cache for their own minute, although Next marks them private', async () => {
    const searchCache = createPageCache({ maxBytes: 1024 * 1024, ownMaxAgeSeconds: 60 });
    const next = fakeNext(() => ({ headers: { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate', 'content-type': 'text/html' }, body: 'results' }));
    await listen(withPageCache(cache, next.handle, { searchCache }));
    await fetch(`${base}/search?q=council`);
    const again = await fetch(`${base}/search?q=council`);
    expect(again.headers.get('x-gazette-cache')).toBe('HIT');
    // What the browser and any proxy are told is unchanged: not theirs to keep.
    expect(again.headers.get('cache-control')).toContain('no-store');
    expect(next.calls).toEqual(['/search?q=council']);
    expect(searchCache.size).toBe(1);
    expect(cache.size).toBe(0);
    // Other private pages are still never kept.
    await fetch(`${base}/politics`);
    await fetch(`${base}/politics`);
    expect(next.calls).toEqual(['/search?q=council', '/politics', '/politics']);
  });
});

describe('withPageCache — past s-maxage', () => {
  it('serves the stale copy to everyone but one request, which fetches the fresh page, within stale-while-revalidate', async () => {
    let t = 1_000_000;
    const clock = createPageCache({ now: () => t });
    let version = 1;
    const waiting: (() => void)[] = [];
    const calls: string[] = [];
    const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
      calls.push(req.url ?? '');
      const answer = () => {
        res.statusCode = 200;
        for (const [name, value] of Object.entries({ ...cacheable, 'cache-control': 's-maxage=300, stale-while-revalidate=3300' })) res.setHeader(name, value);
        res.end(`version ${version}`);
      };
      if (calls.length === 1) answer();
      else waiting.push(answer);
    };
    await listen(withPageCache(clock, next));
    expect(await (await fetch(`${base}/politics`)).text()).toBe('version 1');
    t += 301_000;
    version = 2;
    const refresher = fetch(`${base}/politics`).then((r) => r.text());
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
    const meanwhile = await fetch(`${base}/politics`);
    expect(meanwhile.headers.get('x-gazette-cache')).toBe('STALE');
    expect(await meanwhile.text()).toBe('version 1');
    waiting.shift()!();
    expect(await refresher).toBe('version 2');
    const after = await fetch(`${base}/politics`);
    expect(after.headers.get('x-gazette-cache')).toBe('HIT');
    expect(await after.text()).toBe('version 2');
    expect(calls).toEqual(['/politics', '/politics']);
    // Past stale-while-revalidate as well: a plain miss.
    t += 3_700_000;
    const late = fetch(`${base}/politics`);
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
    waiting.shift()!();
    expect((await late).headers.get('x-gazette-cache')).toBeNull();
  });
});
