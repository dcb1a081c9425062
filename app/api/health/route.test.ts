import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// /api/health answers from the shared lease row (db/mutations/scheduler-lease.ts), so an instance
// that is not the one publishing is as healthy as the one that is, and says who is.

vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<object>()), connection: async () => {} }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-health-'));
process.env.GAZETTE_DATA_DIR = dir;

const { getConnection } = await import('@/db/client');
const { claimSchedulerLease, recordSchedulerRun } = await import('@/db/mutations/scheduler-lease');
const { getInstanceId } = await import('@/platform/instance-id');
const { GET } = await import('./route');
const { sqlite } = getConnection();

const OTHER = 'web-9:999:99999999';

beforeEach(() => sqlite.exec('DELETE FROM scheduler_lease'));

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function health() {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as { status: string; checks: { scheduler: Record<string, unknown> } } };
}

describe('GET /api/health', () => {
  it('is ready on an instance that does not hold the lease, and names the one that does', async () => {
    const now = new Date();
    await claimSchedulerLease(OTHER, now, 45_000);
    await recordSchedulerRun(OTHER, { at: now, publishedCount: 2, failedCount: 0, error: null });
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', live: true, ready: true, checks: { dataDir: { ok: true } } });
    expect(body.checks.scheduler).toMatchObject({
      ok: true,
      running: true,
      holder: OTHER,
      heldHere: false,
      instance: getInstanceId(),
      ticksHere: false,
      lastRunBy: OTHER,
      lastRunAt: now.toISOString(),
      lastPublishedCount: 2,
    });
  });

  it('says so when this instance holds it', async () => {
    await claimSchedulerLease(getInstanceId(), new Date(), 45_000);
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.checks.scheduler).toMatchObject({ ok: true, running: true, holder: getInstanceId(), heldHere: true });
  });

  it('is not ready anywhere when nobody has held the lease for longer than a takeover takes', async () => {
    await claimSchedulerLease(OTHER, new Date(Date.now() - 10 * 60_000), 45_000);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.checks.scheduler).toMatchObject({ ok: false, running: false, holder: null });
  });
});
