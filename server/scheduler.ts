import crypto from 'node:crypto';
import { claimSchedulerLease, recordSchedulerRun, releaseSchedulerLease } from '@/db/mutations/scheduler-lease';
import type { SchedulerRunReport } from '@/lib/newsroom/scheduler-report';
import { getInstanceId, instanceDetails } from '@/platform/instance-id';
import { getLogger } from '@/platform/logger';
import { onShutdown } from '@/platform/shutdown';

// Scheduled articles go live on time without anyone clicking. Next.js only lets
// route handlers and server actions revalidate cache tags, so the scheduler —
// a timer in the server process — asks the server's own internal route to
// publish what is due. The route accepts only a token that exists in this
// process's memory, so nobody outside can trigger it.
//
// Several server processes may share one data folder. Each runs the timer, but only the one
// holding the lease (db/mutations/scheduler-lease.ts) publishes: see tickScheduler.

interface SchedulerState {
  token: string;
  timer: NodeJS.Timeout | null;
  firstTick: NodeJS.Timeout | null;
  // A tick still in flight: the next one is skipped, so a holder stuck in a run stops renewing
  // and another instance takes over once the lease lapses.
  ticking: boolean;
  // Whether this process held the lease at its last tick, and when that tick was (null before
  // the first one).
  holdsLease: boolean;
  lastTickAt: string | null;
  // This process's own last run; a process that does not hold the lease has none. The
  // cluster's last run is in the database (db/queries/health.ts).
  lastRunAt: string | null;
  // Why the last run could not reach the publish route at all (per-article failures are
  // recorded in the database: see db/mutations/scheduled.ts).
  lastError: string | null;
  lastPublished: number[];
  lastFailedCount: number;
  intervalMs: number;
  leaseMs: number;
}

const globalForScheduler = globalThis as unknown as { gazetteScheduler?: SchedulerState };

function state(): SchedulerState {
  globalForScheduler.gazetteScheduler ??= {
    token: crypto.randomBytes(32).toString('hex'),
    timer: null,
    firstTick: null,
    ticking: false,
    lastTickAt: null,
    holdsLease: false,
    lastRunAt: null,
    lastError: null,
    lastPublished: [],
    lastFailedCount: 0,
    intervalMs: 15_000,
    leaseMs: 45_000,
  };
  return globalForScheduler.gazetteScheduler;
}

export function isSchedulerToken(candidate: string | null): boolean {
  const expected = Buffer.from(state().token);
  const given = Buffer.from(candidate ?? '');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

const STATUS_FIELDS = ['holdsLease', 'lastTickAt', 'lastRunAt', 'lastError', 'lastPublished', 'lastFailedCount', 'intervalMs', 'leaseMs'] as const;

export type SchedulerStatus = Pick<SchedulerState, (typeof STATUS_FIELDS)[number]> & {
  // Whether this process runs the timer (false in `next build` and in other processes).
  running: boolean;
  instanceId: string;
};

export function getSchedulerStatus(): SchedulerStatus {
  const s = state();
  const fields = Object.fromEntries(STATUS_FIELDS.map((field) => [field, s[field]])) as Pick<SchedulerState, (typeof STATUS_FIELDS)[number]>;
  return { running: s.timer !== null, instanceId: getInstanceId(), ...fields };
}

// Asks this server's publish route to publish what is due, and says what happened.
export async function runSchedulerOnce(baseUrl: string): Promise<SchedulerRunReport> {
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
  }
  const at = new Date();
  s.lastRunAt = at.toISOString();
  return { at, publishedCount: s.lastError ? 0 : s.lastPublished.length, failedCount: s.lastError ? 0 : s.lastFailedCount, error: s.lastError };
}

export interface SchedulerTick {
  holder: string;
  now: Date;
  leaseMs: number;
  publish: () => Promise<SchedulerRunReport>;
}

export type TickOutcome = { ran: true; report: SchedulerRunReport } | { ran: false; holder: string | null; expiresAt: Date };

// One tick of one instance: claim the lease (or renew it, when ours) and publish only while
// holding it; the run's report goes beside the lease for every instance to read. Publishing
// itself never publishes an article twice (db/mutations/scheduled.ts publishes at the version it
// read), so even a holder whose lease lapsed mid-run cannot double a publish.
export async function tickScheduler({ holder, now, leaseMs, publish }: SchedulerTick): Promise<TickOutcome> {
  const lease = await claimSchedulerLease(holder, now, leaseMs);
  if (!lease.ok) return { ran: false, holder: lease.holder, expiresAt: lease.expiresAt };
  const report = await publish();
  await recordSchedulerRun(holder, report);
  return { ran: true, report };
}

async function tickHere(baseUrl: string): Promise<void> {
  const s = state();
  if (s.ticking) return;
  s.ticking = true;
  const holder = getInstanceId();
  try {
    const outcome = await tickScheduler({ holder, now: new Date(), leaseMs: s.leaseMs, publish: () => runSchedulerOnce(baseUrl) });
    if (outcome.ran !== s.holdsLease) {
      getLogger().info({ ...instanceDetails(), holdsLease: outcome.ran }, outcome.ran ? 'scheduler: this instance took the lease' : 'scheduler: the lease is held elsewhere');
    }
    s.holdsLease = outcome.ran;
  } catch (error) {
    // The database refused the claim or the record: this instance cannot tell whether it holds
    // the lease, so it behaves as if not; the lease lapses if nobody renews it.
    s.holdsLease = false;
    s.lastError = error instanceof Error ? error.message : String(error);
  } finally {
    s.lastTickAt = new Date().toISOString();
    s.ticking = false;
  }
}

// On a graceful stop the lease is let go, so a restarted or surviving instance takes over on its
// next tick instead of waiting for the lease to lapse. Before close database (order 100).
function releaseOnShutdown(): void {
  const s = state();
  if (s.lastTickAt === null) return;
  releaseSchedulerLease(getInstanceId(), new Date()).catch((error: unknown) => console.error('scheduler: releasing the lease failed', error));
}

// The lease outlives three intervals, so a holder that misses two ticks keeps it.
export function startScheduler(options: { baseUrl: string; intervalMs?: number; leaseMs?: number }): void {
  const s = state();
  if (s.timer) return;
  s.intervalMs = options.intervalMs ?? s.intervalMs;
  s.leaseMs = options.leaseMs ?? 3 * s.intervalMs;
  s.timer = setInterval(() => void tickHere(options.baseUrl), s.intervalMs);
  s.timer.unref();
  // First run shortly after start-up, once the server listens.
  s.firstTick = setTimeout(() => void tickHere(options.baseUrl), 2_000);
  s.firstTick.unref();
  onShutdown('release scheduler lease', releaseOnShutdown, 20);
}

export function stopScheduler(): void {
  const s = state();
  if (s.timer) clearInterval(s.timer);
  if (s.firstTick) clearTimeout(s.firstTick);
  s.timer = null;
  s.firstTick = null;
}
