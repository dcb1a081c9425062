import crypto from 'node:crypto';

// Scheduled articles go live on time without anyone clicking. Next.js only lets
// route handlers and server actions revalidate cache tags, so the scheduler —
// a timer in the server process — asks the server's own internal route to
// publish what is due. The route accepts only a token that exists in this
// process's memory, so nobody outside can trigger it.

interface SchedulerState {
  token: string;
  timer: NodeJS.Timeout | null;
  lastRunAt: string | null;
  lastError: string | null;
  lastPublished: number[];
  lastFailedCount: number;
  intervalMs: number;
}

const globalForScheduler = globalThis as unknown as { gazetteScheduler?: SchedulerState };

function state(): SchedulerState {
  globalForScheduler.gazetteScheduler ??= {
    token: crypto.randomBytes(32).toString('hex'),
    timer: null,
    lastRunAt: null,
    lastError: null,
    lastPublished: [],
    lastFailedCount: 0,
    intervalMs: 15_000,
  };
  return globalForScheduler.gazetteScheduler;
}

export function isSchedulerToken(candidate: string | null): boolean {
  const expected = Buffer.from(state().token);
  const given = Buffer.from(candidate ?? '');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export interface SchedulerStatus {
  // Whether this process runs the timer (false in `next build` and in other processes).
  running: boolean;
  lastRunAt: string | null;
  // Why the last run could not reach the publish route at all (per-article failures are
  // recorded in the database: see db/mutations/scheduled.ts).
  lastError: string | null;
  lastPublished: number[];
  lastFailedCount: number;
  intervalMs: number;
}

export function getSchedulerStatus(): SchedulerStatus {
  const s = state();
  return {
    running: s.timer !== null,
    lastRunAt: s.lastRunAt,
    lastError: s.lastError,
    lastPublished: s.lastPublished,
    lastFailedCount: s.lastFailedCount,
    intervalMs: s.intervalMs,
  };
}

export async function runSchedulerOnce(baseUrl: string): Promise<void> {
  const s = state();
  try {
    const response = await fetch(`${baseUrl}/api/internal/publish-due`, {
      method: 'POST',
      headers: { 'x-gazette-scheduler': s.token },
    });
    if (!response.ok) throw new Error(`publish-due answered ${response.status}`);
    const body = (await response.json()) as { published: number[]; failed?: unknown[] };
    s.lastPublished = body.published;
    s.lastFailedCount = Array.isArray(body.failed) ? body.failed.length : 0;
    s.lastError = null;
  } catch (error) {
    s.lastError = error instanceof Error ? error.message : String(error);
  } finally {
    s.lastRunAt = new Date().toISOString();
  }
}

export function startScheduler(options: { baseUrl: string; intervalMs?: number }): void {
  const s = state();
  if (s.timer) return;
  s.intervalMs = options.intervalMs ?? s.intervalMs;
  // First run shortly after start-up, once the server listens.
  s.timer = setInterval(() => void runSchedulerOnce(options.baseUrl), s.intervalMs);
  s.timer.unref();
  setTimeout(() => void runSchedulerOnce(options.baseUrl), 2_000).unref();
}

export function stopScheduler(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = null;
}
