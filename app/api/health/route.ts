import fs from 'node:fs/promises';
import { connection } from 'next/server';
import { checkDatabase, getSchedulerLeaseState } from '@/db/queries/health';
import { decideSchedulerHealth } from '@/lib/newsroom/scheduler-report';
import { getDataDir } from '@/platform/paths';
import { getSchedulerStatus } from '@/server/scheduler';

async function checkDataDir(): Promise<{ ok: boolean; error?: string }> {
  try {
    await fs.access(getDataDir(), fs.constants.W_OK);
    return { ok: true };
  } catch {
    return { ok: false, error: 'data directory is not writable' };
  }
}

// The cluster's scheduler, read from the shared lease row, so every instance gives the same
// answer whether or not it is the one publishing; `instance` and `holder` say which is which.
async function checkScheduler() {
  const here = getSchedulerStatus();
  const starting = here.running && here.lastTickAt === null && process.uptime() * 1000 < 3 * here.intervalMs + 5_000;
  const local = { instance: here.instanceId, ticksHere: here.running, intervalMs: here.intervalMs };
  try {
    const lease = await getSchedulerLeaseState();
    return { ...decideSchedulerHealth(lease, { instanceId: here.instanceId, now: new Date(), intervalMs: here.intervalMs, starting }), ...local };
  } catch (error) {
    return { ok: false, running: false, ...local, error: error instanceof Error ? error.message : String(error) };
  }
}

// Liveness (the process answers) and readiness (database reachable and migrated,
// data directory writable, scheduler alive). 503 when not ready, so a load
// balancer stops routing here.
export async function GET() {
  await connection();
  const [database, dataDir, scheduler] = await Promise.all([checkDatabase(), checkDataDir(), checkScheduler()]);
  const ok = database.ok && dataDir.ok && scheduler.ok;
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', live: true, ready: ok, checks: { database, dataDir, scheduler } },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
