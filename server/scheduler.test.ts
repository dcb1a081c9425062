import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Two server instances on one data folder, played in turn against one database with a clock the
// test moves: only the lease holder publishes, every due article goes out once, a holder that
// dies is taken over when its lease lapses, and one that stops gracefully at once.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-cluster-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('@/db/client');
const { publishDueArticles } = await import('@/db/mutations/scheduled');
const { releaseSchedulerLease } = await import('@/db/mutations/scheduler-lease');
const { getSchedulerLeaseState } = await import('@/db/queries/health');
const { decideSchedulerHealth } = await import('@/lib/newsroom/scheduler-report');
const { getInstanceId } = await import('@/platform/instance-id');
const { runShutdownHooks } = await import('@/platform/shutdown');
const { getSchedulerStatus, startScheduler, stopScheduler, tickScheduler } = await import('./scheduler');

const { sqlite } = getConnection();

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const INTERVAL = 15_000;
const LEASE = 3 * INTERVAL;
const A = 'web-1:101:aaaaaaaa';
const B = 'web-2:202:bbbbbbbb';
const start = new Date('2026-11-26T10:00:00Z').getTime();
const at = (ms: number) => new Date(start + ms);

// What each instance published, article by article.
let publishedBy: Record<string, number[]>;

beforeEach(() => {
  sqlite.exec(`DELETE FROM scheduler_lease; DELETE FROM settings; DELETE FROM article_bylines; DELETE FROM revisions;
    DELETE FROM articles; DELETE FROM bylines; DELETE FROM sections;
    INSERT INTO sections (id, name, slug, position) VALUES (1, 'City', 'city', 0);
    INSERT INTO bylines (id, name, slug) VALUES (1, 'Iryna Bondar', 'iryna-bondar');`);
  publishedBy = { [A]: [], [B]: [] };
});

// A publishable article (a byline, a written body) scheduled for `due`.
function scheduledFor(due: Date, slug: string): number {
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council met.' }] }] });
  const id = sqlite
    .prepare(
      `INSERT INTO articles (slug, section_id, title, body, body_text, word_count, status, scheduled_at)
       VALUES (?, 1, ?, ?, 'The council met.', 3, 'scheduled', ?) RETURNING id`,
    )
    .pluck()
    .get(slug, `Story ${slug}`, body, due.getTime()) as number;
  sqlite.prepare('INSERT INTO article_bylines (article_id, byline_id, position) VALUES (?, 1, 0)').run(id);
  return id;
}

const statusOf = (id: number) => sqlite.prepare('SELECT status FROM articles WHERE id = ?').pluck().get(id);

// One tick of one instance at `now`; its publish is the real mutation at the same clock.
function tick(holder: string, now: Date) {
  return tickScheduler({
    holder,
    now,
    leaseMs: LEASE,
    publish: async () => {
      const run = await publishDueArticles(now);
      publishedBy[holder]!.push(...run.published);
      return { at: now, publishedCount: run.published.length, failedCount: run.failed.length, error: null };
    },
  });
}

async function healthAsSeenBy(instanceId: string, now: Date) {
  return decideSchedulerHealth(await getSchedulerLeaseState(), { instanceId, now, intervalMs: INTERVAL, starting: false });
}

describe('one scheduler for the cluster', () => {
  it('lets only the lease holder publish, and publishes each due article exactly once', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => scheduledFor(at(i * 20_000), `due-${i}`));
    // Both instances tick every interval, B a few seconds after A, for two minutes.
    for (let t = 0; t <= 120_000; t += INTERVAL) {
      expect(await tick(A, at(t))).toMatchObject({ ran: true });
      expect(await tick(B, at(t + 4_000))).toEqual({ ran: false, holder: A, expiresAt: at(t + LEASE) });
    }
    expect(publishedBy[B]).toEqual([]);
    expect([...publishedBy[A]!].sort((x, y) => x - y)).toEqual(ids);
    expect(ids.map(statusOf)).toEqual(ids.map(() => 'published'));

    // Every instance's health reads the same shared state and names the holder.
    for (const [instance, heldHere] of [[A, true], [B, false]] as const) {
      expect(await healthAsSeenBy(instance, at(124_000))).toMatchObject({
        ok: true,
        running: true,
        holder: A,
        heldHere,
        lastRunBy: A,
        lastRunAt: at(120_000).toISOString(),
        lastError: null,
      });
    }
  });

  it('hands publishing to the other instance once a dead holder\'s lease has lapsed', async () => {
    expect(await tick(A, at(0))).toMatchObject({ ran: true });
    // A dies after its tick at 15 s: its lease runs to 60 s.
    expect(await tick(A, at(15_000))).toMatchObject({ ran: true });
    const dueWhileDying = scheduledFor(at(20_000), 'due-while-dying');

    const outcomes: { t: number; ran: boolean }[] = [];
    for (let t = 19_000; t <= 79_000; t += INTERVAL) {
      const outcome = await tick(B, at(t));
      outcomes.push({ t, ran: outcome.ran });
      // Until the takeover, every instance still answers healthy: the lease is held, then lapsed
      // for less than a tick.
      expect(await healthAsSeenBy(B, at(t))).toMatchObject({ ok: true });
    }
    // Refused while A's lease ran (19, 34, 49 s), taken at the first tick after it lapsed (64 s).
    expect(outcomes).toEqual([
      { t: 19_000, ran: false },
      { t: 34_000, ran: false },
      { t: 49_000, ran: false },
      { t: 64_000, ran: true },
      { t: 79_000, ran: true },
    ]);
    expect(statusOf(dueWhileDying)).toBe('published');
    expect(publishedBy[B]).toEqual([dueWhileDying]);
    expect(publishedBy[A]).toEqual([]);
    expect(await healthAsSeenBy(A, at(80_000))).toMatchObject({ ok: true, holder: B, heldHere: false, lastRunBy: B });

    // Had nobody taken over, the cluster would turn unhealthy once the takeover was overdue.
    sqlite.exec('DELETE FROM scheduler_lease');
    expect(await tick(A, at(100_000))).toMatchObject({ ran: true });
    expect(await healthAsSeenBy(B, at(100_000 + LEASE + INTERVAL + 10_000))).toMatchObject({ ok: false, running: false, holder: null });
  });

  it('lets the other instance take over at once when the holder stops gracefully', async () => {
    expect(await tick(A, at(0))).toMatchObject({ ran: true });
    const due = scheduledFor(at(1_000), 'due-after-stop');
    expect(await releaseSchedulerLease(A, at(2_000))).toMatchObject({ released: true });
    expect(await healthAsSeenBy(B, at(2_000))).toMatchObject({ ok: true, running: false, holder: null });

    expect(await tick(B, at(2_000))).toMatchObject({ ran: true });
    expect(statusOf(due)).toBe('published');
    expect(publishedBy[B]).toEqual([due]);
    expect(await tick(A, at(3_000))).toMatchObject({ ran: false, holder: B });
  });
});

describe('this server process', () => {
  it('takes the lease on its first tick and lets it go as it exits', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ published: [], failed: [] }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    startScheduler({ baseUrl: 'http://127.0.0.1:3000', intervalMs: INTERVAL });
    await vi.advanceTimersByTimeAsync(2_000);
    let turns = 0;
    for (; turns < 1_000 && getSchedulerStatus().lastTickAt === null; turns++) await new Promise((resolve) => setImmediate(resolve));
    expect(getSchedulerStatus()).toMatchObject({ running: true, holdsLease: true, leaseMs: LEASE, lastError: null });
    expect(await getSchedulerLeaseState()).toMatchObject({ holder: getInstanceId(), lastRun: { by: getInstanceId(), publishedCount: 0 } });

    stopScheduler();
    // The exit hooks: the lease is let go before the database closes.
    expect(runShutdownHooks()).toEqual(['release scheduler lease', 'close database']);
    const after = new Database(path.join(dir, 'gazette.db'), { readonly: true });
    expect(after.prepare('SELECT holder FROM scheduler_lease').pluck().get()).toBeNull();
    after.close();
  });
});
