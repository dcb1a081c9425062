import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEdgePurger, defaultRetryDelayMs, getEdgePurger } from './edge-purge';

vi.mock('next/cache', () => ({ revalidateTag: vi.fn(), updateTag: vi.fn() }));

type Sent = { url: string; method: string | undefined; xkey: string | null };

// Stands in for the edges: records each request and answers with what `answer` says for its URL.
function fakeEdges(answer: (url: string) => number | Error = () => 200) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    sent.push({ url, method: init?.method, xkey: new Headers(init?.headers).get('xkey') });
    const result = answer(url);
    if (result instanceof Error) throw result;
    return new Response(null, { status: result });
  });
  return { sent, fetch: fetch as unknown as typeof globalThis.fetch };
}

// Timers run only when the test says so.
function manualTimers() {
  const due: { run: () => void; ms: number }[] = [];
  return {
    due,
    setTimer: (run: () => void, ms: number) => void due.push({ run, ms }),
    runAll() {
      for (const timer of due.splice(0)) timer.run();
    },
  };
}

function recordingLog() {
  const lines: { level: 'warn' | 'error'; fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    warn: (fields: object, message: string) => void lines.push({ level: 'warn', fields: fields as Record<string, unknown>, message }),
    error: (fields: object, message: string) => void lines.push({ level: 'error', fields: fields as Record<string, unknown>, message }),
  };
}

const URLS = ['http://varnish-a:6081/', 'http://varnish-b:6081/'];

describe('createEdgePurger', () => {
  it('sends one PURGE per endpoint per expiry, with the tags in xkey', async () => {
    const edges = fakeEdges();
    const log = recordingLog();
    const purger = createEdgePurger({ urls: URLS, fetch: edges.fetch, log });
    purger.purge(['article:12', 'article-lists', 'article:12']);
    purger.purge(['settings']);
    await purger.idle();
    expect(edges.sent).toEqual([
      { url: URLS[0], method: 'PURGE', xkey: 'article:12 article-lists' },
      { url: URLS[1], method: 'PURGE', xkey: 'article:12 article-lists' },
      { url: URLS[0], method: 'PURGE', xkey: 'settings' },
      { url: URLS[1], method: 'PURGE', xkey: 'settings' },
    ]);
    expect(log.lines).toEqual([]);
  });

  it('retries a failing endpoint with growing delays, then logs that it gave up; the others are unaffected', async () => {
    const edges = fakeEdges((url) => (url === URLS[1] ? new Error('connect ECONNREFUSED') : 200));
    const log = recordingLog();
    const timers = manualTimers();
    const purger = createEdgePurger({ urls: URLS, fetch: edges.fetch, log, maxAttempts: 3, setTimer: timers.setTimer });
    purger.purge(['section:3']);
    for (let retry = 1; retry <= 2; retry++) {
      await vi.waitFor(() => expect(timers.due).toHaveLength(1));
      timers.runAll();
    }
    await purger.idle();
    expect(edges.sent.filter((s) => s.url === URLS[0])).toHaveLength(1);
    expect(edges.sent.filter((s) => s.url === URLS[1])).toHaveLength(3);
    expect(log.lines.map((l) => [l.level, l.fields.url, l.fields.attempt])).toEqual([
      ['warn', URLS[1], 1],
      ['warn', URLS[1], 2],
      ['error', URLS[1], 3],
    ]);
    expect(log.lines[0]!.fields).toMatchObject({ keys: 'section:3', failure: 'connect ECONNREFUSED', retryInMs: defaultRetryDelayMs(1) });
    expect(log.lines[1]!.fields.retryInMs).toBe(defaultRetryDelayMs(2));
  });

  it('counts an error status as a failure, and stops retrying once the endpoint answers', async () => {
    let calls = 0;
    const edges = fakeEdges(() => (++calls === 1 ? 503 : 200));
    const log = recordingLog();
    const timers = manualTimers();
    const purger = createEdgePurger({ urls: [URLS[0]!], fetch: edges.fetch, log, setTimer: timers.setTimer });
    purger.purge(['feeds']);
    await vi.waitFor(() => expect(timers.due).toHaveLength(1));
    timers.runAll();
    await purger.idle();
    expect(edges.sent).toHaveLength(2);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ level: 'warn', fields: { failure: 'answered 503' } });
  });

  it('holds at most maxQueue purges and logs each one it refuses', async () => {
    // An edge that never answers keeps the first purges in flight and the rest queued.
    const fetch = vi.fn(() => new Promise<Response>(() => {})) as unknown as typeof globalThis.fetch;
    const log = recordingLog();
    const purger = createEdgePurger({ urls: [URLS[0]!], fetch, log, concurrency: 1, maxQueue: 3 });
    for (let i = 1; i <= 6; i++) purger.purge([`article:${i}`]);
    expect(purger.pending).toBe(3);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(log.lines.map((l) => [l.level, l.fields.keys])).toEqual([
      ['error', 'article:5'],
      ['error', 'article:6'],
    ]);
  });

  it('sends nothing for an empty list', async () => {
    const edges = fakeEdges();
    const purger = createEdgePurger({ urls: URLS, fetch: edges.fetch, log: recordingLog() });
    purger.purge([]);
    await purger.idle();
    expect(edges.sent).toEqual([]);
  });
});

describe('expiring cache tags purges the edges', () => {
  const global = globalThis as unknown as { gazetteEdgePurger?: unknown };
  afterEach(() => {
    delete global.gazetteEdgePurger;
    vi.unstubAllEnvs();
  });

  it('in route handlers and server actions, without waiting for the edges', async () => {
    const purge = vi.fn();
    global.gazetteEdgePurger = { purge, idle: async () => {}, pending: 0 };
    const { expireTags, expireTagsInAction } = await import('./expire-tags');
    await expireTags(['article:7', 'article-lists', 'article:7']);
    await expireTagsInAction(['section:2']);
    await expireTags([]);
    expect(purge.mock.calls).toEqual([[['article:7', 'article-lists']], [['section:2']]]);
  });

  it('is off without GAZETTE_PURGE_URLS, and made from it when set', () => {
    vi.stubEnv('GAZETTE_PURGE_URLS', '');
    expect(getEdgePurger()).toBeNull();
    delete global.gazetteEdgePurger;
    vi.stubEnv('GAZETTE_PURGE_URLS', 'http://127.0.0.1:6081/');
    expect(getEdgePurger()).not.toBeNull();
  });
});
