import 'server-only';
import { getSharedCacheStore } from '@/gateway/shared-cache-redis.mjs';
import { addPageViews } from '@/db/mutations/page-views';
import { ViewRecorder, type RecordResult, type SharedViewLedger } from '@/platform/view-recorder';
import { createRedisViewLedger } from './view-ledger-redis';

// The one recorder of this server process, shared through globalThis: Next bundles route
// handlers and instrumentation separately, and they must count into the same buffer.
const FLUSH_EVERY_MS = 10_000;

interface PageViewService {
  recorder: ViewRecorder;
  // Shared by every instance when REDIS_URL is set (docs/scaling.md).
  ledger: SharedViewLedger | null;
  timer: NodeJS.Timeout | null;
  shutdownHooked: boolean;
}

const globalForViews = globalThis as unknown as { gazetteViews?: PageViewService };

function service(): PageViewService {
  globalForViews.gazetteViews ??= {
    recorder: new ViewRecorder(),
    ledger: process.env.REDIS_URL ? createRedisViewLedger(getSharedCacheStore(process.env.REDIS_URL)) : null,
    timer: null,
    shutdownHooked: false,
  };
  return globalForViews.gazetteViews;
}

/** Counts one view of a live article by the reader at `address` ('' when unknown). */
export function recordPageView(articleId: number, address: string): Promise<RecordResult> | RecordResult {
  const { ledger } = service();
  const recorder = getViewRecorder();
  return ledger ? recorder.recordShared(articleId, address, ledger) : recorder.record(articleId, address);
}

export function getViewRecorder(): ViewRecorder {
  const views = service();
  if (!views.timer) {
    views.timer = setInterval(() => {
      flushPageViews().catch((error: unknown) => console.error('page views: flush failed', error));
    }, FLUSH_EVERY_MS);
    // The timer alone never keeps the process alive.
    views.timer.unref();
  }
  return views.recorder;
}

export function flushPageViews(): Promise<number> {
  return service().recorder.flush(addPageViews);
}

// Writes what is still buffered when the server stops. The write is synchronous
// (better-sqlite3), so it also completes from an 'exit' listener, whoever calls process.exit.
export function registerPageViewShutdown(): void {
  const views = service();
  if (views.shutdownHooked) return;
  views.shutdownHooked = true;
  const flushNow = () => {
    void flushPageViews().catch((error: unknown) => console.error('page views: final flush failed', error));
  };
  process.once('SIGTERM', flushNow);
  process.once('SIGINT', flushNow);
  process.once('beforeExit', flushNow);
  process.once('exit', flushNow);
}
