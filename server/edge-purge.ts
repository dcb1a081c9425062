import 'server-only';
import { parseEnvironment } from '@/platform/env';
import { getLogger } from '@/platform/logger';

// Purges an expiry's cache tags from the edge caches in front (GAZETTE_PURGE_URLS: Varnish with
// deploy/varnish/gazette.vcl, or a CDN's purge endpoint), which know each page's tags from its
// `xkey` / `Surrogate-Key` headers (gateway/edge-keys.mjs). One `PURGE` request per endpoint per
// expiry, carrying the tags space-separated in `xkey` (and `Surrogate-Key`).
//
// The mutation never waits for it: purges queue in memory and are sent in the background, each
// retried with growing delays a bounded number of times. Every failure is logged, and so is every
// purge refused because the queue is full: a page an edge keeps past a change is then at most its
// s-maxage old, and the log says which tags to purge by hand.

type Log = { warn(fields: object, message: string): void; error(fields: object, message: string): void };

export type EdgePurgeOptions = {
  urls: readonly string[];
  fetch?: typeof fetch;
  log?: Log;
  /** Purges waiting to be sent or retried, over every endpoint; past it a purge is refused (and logged). */
  maxQueue?: number;
  /** Requests sent at once, over every endpoint. */
  concurrency?: number;
  /** Tries per purge and endpoint, the first included. */
  maxAttempts?: number;
  /** The wait before try `attempt + 1` (attempt counts from 1). */
  retryDelayMs?: (attempt: number) => number;
  setTimer?: (run: () => void, ms: number) => void;
  timeoutMs?: number;
};

type Job = { url: string; keys: string; attempt: number };

export type EdgePurger = {
  purge(tags: readonly string[]): void;
  /** Resolves once nothing is queued, sent or waiting for a retry (tests, shutdown). */
  idle(): Promise<void>;
  readonly pending: number;
};

/** 0.5 s, 1 s, 2 s, … at most 30 s. */
export const defaultRetryDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

export function createEdgePurger(options: EdgePurgeOptions): EdgePurger {
  const send = options.fetch ?? fetch;
  const log = options.log ?? getLogger();
  const maxQueue = options.maxQueue ?? 1000;
  const concurrency = options.concurrency ?? 4;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const setTimer = options.setTimer ?? ((run, ms) => void setTimeout(run, ms).unref());
  const timeoutMs = options.timeoutMs ?? 10_000;
  const queue: Job[] = [];
  let active = 0;
  let retrying = 0;
  let idleWaiters: (() => void)[] = [];

  const pendingCount = () => queue.length + retrying;

  function settle() {
    if (active > 0 || pendingCount() > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function pump() {
    while (active < concurrency && queue.length > 0) void attempt(queue.shift()!);
    settle();
  }

  async function attempt(job: Job) {
    active++;
    let failure: string | null = null;
    try {
      const response = await send(job.url, {
        method: 'PURGE',
        headers: { xkey: job.keys, 'surrogate-key': job.keys },
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body says nothing we act on; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) failure = `answered ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    active--;
    if (failure !== null) retryOrGiveUp(job, failure);
    pump();
  }

  function retryOrGiveUp(job: Job, failure: string) {
    const fields = { url: job.url, keys: job.keys, attempt: job.attempt, failure };
    if (job.attempt >= maxAttempts) {
      log.error(fields, 'edge purge failed for good: pages with these keys stay at the edge until their s-maxage passes');
      return;
    }
    const delay = retryDelayMs(job.attempt);
    log.warn({ ...fields, retryInMs: delay }, 'edge purge failed, will retry');
    retrying++;
    setTimer(() => {
      retrying--;
      queue.push({ ...job, attempt: job.attempt + 1 });
      pump();
    }, delay);
  }

  return {
    purge(tags) {
      const keys = [...new Set(tags)].filter((tag) => tag && !/\s/.test(tag)).join(' ');
      if (!keys) return;
      for (const url of options.urls) {
        if (pendingCount() >= maxQueue) {
          log.error({ url, keys, maxQueue }, 'edge purge refused: the queue is full (an edge cache is down or slow)');
          continue;
        }
        queue.push({ url, keys, attempt: 1 });
      }
      pump();
    },
    idle() {
      if (active === 0 && pendingCount() === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    get pending() {
      return pendingCount();
    },
  };
}

const globalForPurger = globalThis as unknown as { gazetteEdgePurger?: EdgePurger | null };

/** The process's purger, or null when GAZETTE_PURGE_URLS is not set. */
export function getEdgePurger(): EdgePurger | null {
  if (globalForPurger.gazetteEdgePurger !== undefined) return globalForPurger.gazetteEdgePurger;
  // The server refused to start on a bad value (platform/config.mjs); here it only needs reading.
  const config = parseEnvironment(process.env);
  const urls = config.ok ? (config.env.GAZETTE_PURGE_URLS ?? []) : [];
  globalForPurger.gazetteEdgePurger = urls.length > 0 ? createEdgePurger({ urls }) : null;
  return globalForPurger.gazetteEdgePurger;
}
