import { describe, expect, it } from 'vitest';
import { decideSchedulerHealth, mergeFailures, parseSchedulerReport, type SchedulerLeaseState } from './scheduler-report';

describe('parseSchedulerReport', () => {
  it('reads a stored report and ignores what is not one', () => {
    expect(parseSchedulerReport(null)).toEqual({ lastRunAt: null, lastPublishedIds: [], failures: [] });
    expect(
      parseSchedulerReport({
        lastRunAt: '2026-11-26T10:00:00.000Z',
        lastPublishedIds: [3, 'x'],
        failures: [{ articleId: 4, title: 'T', reason: 'R', since: 'a', lastTriedAt: 'b' }, { nope: 1 }],
      }),
    ).toEqual({
      lastRunAt: '2026-11-26T10:00:00.000Z',
      lastPublishedIds: [3],
      failures: [{ articleId: 4, title: 'T', reason: 'R', since: 'a', lastTriedAt: 'b' }],
    });
  });
});

describe('mergeFailures', () => {
  it('keeps when a failure began, and drops articles that no longer fail', () => {
    const first = new Date('2026-11-26T10:00:00Z');
    const later = new Date('2026-11-26T10:05:00Z');
    const previous = mergeFailures([], [{ articleId: 1, title: 'A', reason: 'r' }, { articleId: 2, title: 'B', reason: 'r' }], first);
    const merged = mergeFailures(previous, [{ articleId: 2, title: 'B', reason: 'r2' }], later);
    expect(merged).toEqual([
      { articleId: 2, title: 'B', reason: 'r2', since: first.toISOString(), lastTriedAt: later.toISOString() },
    ]);
  });
});

describe('decideSchedulerHealth', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const here = { instanceId: 'web-2:41:bb', now, intervalMs: 15_000, starting: false };
  const lease = (holder: string | null, expiresIn: number): SchedulerLeaseState => ({
    holder,
    expiresAt: at(expiresIn),
    lastRun: { at: at(-10), by: 'web-1:40:aa', publishedCount: 2, failedCount: 1, error: null },
  });

  it('is alive on every instance while another holds the lease, and says who holds it', () => {
    expect(decideSchedulerHealth(lease('web-1:40:aa', 30), here)).toEqual({
      ok: true,
      running: true,
      holder: 'web-1:40:aa',
      heldHere: false,
      leaseExpiresAt: at(30).toISOString(),
      lastRunAt: at(-10).toISOString(),
      lastRunBy: 'web-1:40:aa',
      lastPublishedCount: 2,
      lastFailedCount: 1,
      lastError: null,
    });
    expect(decideSchedulerHealth(lease('web-2:41:bb', 30), here)).toMatchObject({ ok: true, heldHere: true });
  });

  it('stays alive for one interval after the lease lapses or is let go (a takeover is due), then is not', () => {
    expect(decideSchedulerHealth(lease('web-1:40:aa', -5), here)).toMatchObject({ ok: true, running: false, holder: null });
    expect(decideSchedulerHealth(lease(null, -1), here)).toMatchObject({ ok: true, running: false, holder: null });
    expect(decideSchedulerHealth(lease('web-1:40:aa', -60), here)).toMatchObject({ ok: false, running: false });
  });

  it('gives a process that has just started until its first tick, even with no lease yet', () => {
    expect(decideSchedulerHealth(null, here)).toMatchObject({ ok: false, running: false, holder: null, lastRunAt: null });
    expect(decideSchedulerHealth(null, { ...here, starting: true })).toMatchObject({ ok: true, running: true, holder: null });
    expect(decideSchedulerHealth(lease('web-1:40:aa', -60), { ...here, starting: true })).toMatchObject({ ok: true });
  });
});
