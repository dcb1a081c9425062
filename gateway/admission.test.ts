import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { serveDuringTest } from './testing/listen';
import {
  classifyRequest,
  createBudgets,
  createPool,
  decideGoneHeaders,
  NOT_FOUND_RENDER_PATH,
  withBudgets,
  withNotFoundReplay,
  withPools,
} from './admission.mjs';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers });

describe('classifyRequest', () => {
  it('sorts requests into the kinds that get budgets and pools', () => {
    expect(classifyRequest(req('/_next/static/chunks/a.js'))).toBe('asset');
    expect(classifyRequest(req('/admin/articles'))).toBe('newsroom');
    expect(classifyRequest(req('/api/admin/tags'))).toBe('newsroom');
    expect(classifyRequest(req('/preview/3?token=x'))).toBe('newsroom');
    expect(classifyRequest(req('/politics', { cookie: 'authjs.session-token=x' }))).toBe('newsroom');
    expect(classifyRequest(req('/login'))).toBe('login');
    expect(classifyRequest(req('/login', {}, 'POST'))).toBe('login');
    expect(classifyRequest(req('/search?q=x'))).toBe('search');
    expect(classifyRequest(req('/search?q=x', { cookie: '_ga=1' }))).toBe('search');
    expect(classifyRequest(req('/_next/image?url=%2Fmedia%2Fa.jpg&w=640&q=75'))).toBe('image');
    expect(classifyRequest(req('/media-crop/16x9/a.jpg'))).toBe('image');
    expect(classifyRequest(req('/social-card/article/3'))).toBe('image');
    expect(classifyRequest(req('/api/views', {}, 'POST'))).toBe('beacon');
    expect(classifyRequest(req('/api/health'))).toBe('api');
    expect(classifyRequest(req('/politics/some-story'))).toBe('page');
  });
});

describe('createBudgets', () => {
  it('gives each address its burst, then its rate, and says when to come back', () => {
    let t = 0;
    const budgets = createBudgets({ search: { rate: 2, burst: 3 } }, { now: () => t });
    for (let i = 0; i < 3; i++) expect(budgets.take('search', 'a').ok).toBe(true);
    expect(budgets.take('search', 'a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(budgets.take('search', 'b').ok).toBe(true);
    t += 500;
    expect(budgets.take('search', 'a').ok).toBe(true);
    expect(budgets.take('search', 'a').ok).toBe(false);
    // Kinds without a budget are never limited.
    for (let i = 0; i < 100; i++) expect(budgets.take('page', 'a').ok).toBe(true);
  });

  it('forgets the least recently seen addresses past its bound', () => {
    const budgets = createBudgets({ search: { rate: 1, burst: 1 } }, { maxKeys: 10 });
    for (let i = 0; i < 50; i++) budgets.take('search', `10.0.0.${i}`);
    expect(budgets.size).toBe(10);
  });
});

describe('createPool', () => {
  it('runs up to maxActive at once, queues maxQueue, refuses the rest, and starts the queued as places free', () => {
    const pool = createPool({ maxActive: 2, maxQueue: 1, maxWaitMs: 10_000 });
    const started: number[] = [];
    const refused: number[] = [];
    const done: (() => void)[] = [];
    for (let i = 0; i < 5; i++) pool.enter((release) => (started.push(i), done.push(release)), () => refused.push(i));
    expect(started).toEqual([0, 1]);
    expect(refused).toEqual([3, 4]);
    done[0]!();
    done[0]!();
    expect(started).toEqual([0, 1, 2]);
    expect(pool.active).toBe(2);
  });

  it('refuses a waiter whose wait ran out', async () => {
    const pool = createPool({ maxActive: 1, maxQueue: 5, maxWaitMs: 20 });
    const refused: number[] = [];
    pool.enter(() => {}, () => refused.push(0));
    pool.enter(() => {}, () => refused.push(1));
    await new Promise((r) => setTimeout(r, 60));
    expect(refused).toEqual([1]);
    expect(pool.waiting).toBe(0);
  });
});


const listen = serveDuringTest();

const ok: http.RequestListener = (_req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end('rendered');
};

describe('withBudgets', () => {
  // Held answers are scheduled through `hold`, so the test decides when the pause is over.
  function manualHold() {
    const held: { answer: () => void; ms: number }[] = [];
    return { held, hold: (answer: () => void, ms: number) => (held.push({ answer, ms }), () => {}) };
  }

  it('answers 429 with Retry-After past the budget, only once the pause is over, and only for its kinds', async () => {
    const budgets = createBudgets({ search: { rate: 1, burst: 2 } });
    const stats = { limited: 0, parked: 0 };
    const { held, hold } = manualHold();
    const base = await listen(withBudgets(ok, { budgets, kinds: ['search'], clientAddress: () => '198.51.100.1', penaltyMs: 1000, stats, hold }));
    expect((await fetch(`${base}/search?q=a`)).status).toBe(200);
    expect((await fetch(`${base}/search?q=b`)).status).toBe(200);
    let answered = false;
    const limited = fetch(`${base}/search?q=c`).then((r) => ((answered = true), r));
    while (held.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(held[0]!.ms).toBe(1000);
    expect(answered).toBe(false);
    held[0]!.answer();
    const response = await limited;
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(stats).toEqual({ limited: 1, parked: 1 });
    expect((await fetch(`${base}/politics`)).status).toBe(200);
  });

  it('answers at once, holding nothing, when too many answers are already held', async () => {
    const budgets = createBudgets({ search: { rate: 0.001, burst: 1 } });
    const { held, hold } = manualHold();
    const base = await listen(withBudgets(ok, { budgets, kinds: ['search'], clientAddress: () => 'x', penaltyMs: 1000, maxParked: 0, hold }));
    await fetch(`${base}/search`);
    expect((await fetch(`${base}/search`)).status).toBe(429);
    expect(held).toEqual([]);
  });
});

describe('withPools', () => {
  it('answers 503 with Retry-After at once when the pool and its queue are full; assets pass', async () => {
    const hold: (() => void)[] = [];
    const slow: http.RequestListener = (req, res) => {
      if (req.url?.startsWith('/_next/static')) return ok(req, res);
      hold.push(() => res.end('done'));
    };
    const readers = createPool({ maxActive: 1, maxQueue: 0, maxWaitMs: 1000 });
    const newsroom = createPool({ maxActive: 1, maxQueue: 0, maxWaitMs: 1000 });
    const base = await listen(withPools(slow, { readers, newsroom }));
    const first = fetch(`${base}/politics/a`);
    while (hold.length === 0) await new Promise((r) => setTimeout(r, 5));
    const refused = await fetch(`${base}/politics/b`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await fetch(`${base}/_next/static/a.js`)).status).toBe(200);
    hold[0]!();
    expect((await first).status).toBe(200);
    // The place came back: the next one is admitted.
    const next = fetch(`${base}/politics/c`);
    while (hold.length < 2) await new Promise((r) => setTimeout(r, 5));
    hold[1]!();
    expect((await next).status).toBe(200);
  });

  it('has a HEAD rendered as its GET, holding its place until the answer ends, and sends no body', async () => {
    const hold: (() => void)[] = [];
    const methods: string[] = [];
    const slow: http.RequestListener = (req, res) => {
      methods.push(req.method ?? '');
      hold.push(() => res.end('the whole page'));
    };
    const readers = createPool({ maxActive: 1, maxQueue: 0, maxWaitMs: 1000 });
    const newsroom = createPool({ maxActive: 1, maxQueue: 0, maxWaitMs: 1000 });
    const base = await listen(withPools(slow, { readers, newsroom }));
    const head = fetch(`${base}/search?q=a`, { method: 'HEAD' });
    while (hold.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(methods).toEqual(['GET']);
    expect((await fetch(`${base}/search?q=b`)).status).toBe(503);
    hold[0]!();
    const answer = await head;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
  });
});

describe('decideGoneHeaders', () => {
  it('keeps the page’s edge keys, adds the article’s and not-found, and keeps browsers from storing it', () => {
    expect(decideGoneHeaders(311, 'settings sections')).toEqual({
      'cache-control': 'public, max-age=0, s-maxage=60',
      xkey: 'settings sections article:311 not-found',
      'surrogate-key': 'settings sections article:311 not-found',
    });
    expect(decideGoneHeaders(7, undefined).xkey).toBe('article:7 not-found');
  });
});

describe('withNotFoundReplay', () => {
  it('answers a withdrawn article’s address with the withdrawn page and a 410 carrying the article’s key', async () => {
    const calls: string[] = [];
    const next: http.RequestListener = (req, res) => {
      calls.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`.trim());
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html');
      res.setHeader('cache-control', 's-maxage=31536000');
      res.setHeader('etag', '"withdrawn-page"');
      res.setHeader('xkey', 'settings');
      res.end('<h1>This article has been withdrawn</h1>');
    };
    const replay = withNotFoundReplay(next, { isMissing: () => async (path) => (path === '/city/pulled' ? { gone: 12 } : path === '/city/also-pulled' ? { gone: 13 } : false) });
    const base = await listen(replay);
    const gone = await fetch(`${base}/city/pulled`, { headers: { 'if-none-match': '"withdrawn-page"' } });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe('<h1>This article has been withdrawn</h1>');
    expect(gone.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
    expect(gone.headers.get('xkey')).toBe('settings article:12 not-found');
    expect(gone.headers.get('etag')).toBeNull();
    const live = await fetch(`${base}/city/live`);
    expect(live.status).toBe(200);
    expect(live.headers.get('xkey')).toBe('settings');
    // Another withdrawn article: the same page, replayed with that article's key.
    const other = await fetch(`${base}/city/also-pulled`);
    expect(other.status).toBe(410);
    expect(other.headers.get('x-gazette-cache')).toBe('GONE');
    expect(other.headers.get('xkey')).toBe('settings article:13 not-found');
    expect(other.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60');
    expect(other.headers.get('etag')).toBeNull();
    expect(await other.text()).toBe('<h1>This article has been withdrawn</h1>');
    expect(calls).toEqual(['/withdrawn', '/city/live']);
    // Something public changed: the page is rendered anew.
    replay.forget();
    expect((await fetch(`${base}/city/pulled`)).status).toBe(410);
    expect(calls).toEqual(['/withdrawn', '/city/live', '/withdrawn']);
  });


  it('renders the first 404 of a made-up address and replays it for every other, per encoding', async () => {
    const calls: string[] = [];
    const next: http.RequestListener = (req, res) => {
      calls.push(req.url ?? '');
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html');
      res.end(`<h1>Page not found</h1>`);
    };
    const replay = withNotFoundReplay(next, { isMissing: () => async (path) => path.startsWith('/made-up') });
    const base = await listen(replay);
    const first = await fetch(`${base}/made-up-1`);
    expect(first.status).toBe(404);
    const second = await fetch(`${base}/made-up-2`);
    expect(second.status).toBe(404);
    expect(second.headers.get('x-gazette-cache')).toBe('NOT-FOUND');
    expect(await second.text()).toBe('<h1>Page not found</h1>');
    // Rendered from an address no route answers: Next's whole not-found page, never the empty
    // recovery shell a page's notFound() gets.
    expect(calls).toEqual([NOT_FOUND_RENDER_PATH]);
    // What may exist always goes to Next.
    await fetch(`${base}/real-page`);
    expect(calls).toEqual([NOT_FOUND_RENDER_PATH, '/real-page']);
    replay.forget();
    await fetch(`${base}/made-up-3`);
    expect(calls).toEqual([NOT_FOUND_RENDER_PATH, '/real-page', NOT_FOUND_RENDER_PATH]);
  });
});
