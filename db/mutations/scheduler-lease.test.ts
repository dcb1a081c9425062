import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-lease-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('../client');
const { claimSchedulerLease, recordSchedulerRun, releaseSchedulerLease } = await import('./scheduler-lease');
const { getSchedulerLeaseState } = await import('../queries/health');

const { sqlite } = getConnection();

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const LEASE = 45_000;
const t0 = new Date('2026-11-26T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('the scheduler lease', () => {
  it('goes to the first claimant, is renewed by it, refused to others until it lapses, then taken over', async () => {
    expect(await claimSchedulerLease('web-1', t0, LEASE)).toEqual({ ok: true, expiresAt: at(45), invalidates: [] });
    expect(await claimSchedulerLease('web-2', at(1), LEASE)).toEqual({ ok: false, reason: 'held_elsewhere', holder: 'web-1', expiresAt: at(45) });
    expect(await claimSchedulerLease('web-1', at(15), LEASE)).toMatchObject({ ok: true, expiresAt: at(60) });
    expect(await claimSchedulerLease('web-2', at(59), LEASE)).toMatchObject({ ok: false, holder: 'web-1' });
    expect(await claimSchedulerLease('web-2', at(60), LEASE)).toMatchObject({ ok: true, expiresAt: at(105) });
    // The old holder comes back: it lost the lease and must not publish.
    expect(await claimSchedulerLease('web-1', at(61), LEASE)).toMatchObject({ ok: false, holder: 'web-2' });
  });

  it('is let go only by its holder, and is then free at once', async () => {
    expect(await releaseSchedulerLease('web-1', at(70))).toMatchObject({ ok: true, released: false });
    expect(await claimSchedulerLease('web-1', at(70), LEASE)).toMatchObject({ ok: false, holder: 'web-2' });
    expect(await releaseSchedulerLease('web-2', at(70))).toMatchObject({ ok: true, released: true });
    expect(await getSchedulerLeaseState()).toMatchObject({ holder: null, expiresAt: at(70) });
    expect(await claimSchedulerLease('web-1', at(70), LEASE)).toMatchObject({ ok: true, expiresAt: at(115) });
  });

  it('keeps the last run beside the lease for every instance to read', async () => {
    await recordSchedulerRun('web-1', { at: at(71), publishedCount: 3, failedCount: 1, error: null });
    expect(await getSchedulerLeaseState()).toEqual({
      holder: 'web-1',
      expiresAt: at(115),
      lastRun: { at: at(71), by: 'web-1', publishedCount: 3, failedCount: 1, error: null },
    });
    await recordSchedulerRun('web-1', { at: at(86), publishedCount: 0, failedCount: 0, error: 'publish-due answered 500' });
    expect((await getSchedulerLeaseState())?.lastRun).toMatchObject({ at: at(86), error: 'publish-due answered 500' });
  });
});
