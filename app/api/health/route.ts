import fs from 'node:fs/promises';
import { connection } from 'next/server';
import { checkDatabase } from '@/db/queries/health';
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

// The scheduler is alive when it has run within three intervals (or the process
// has only just started).
function checkScheduler() {
  const status = getSchedulerStatus();
  const sinceRun = status.lastRunAt ? Date.now() - Date.parse(status.lastRunAt) : null;
  const fresh = sinceRun === null ? process.uptime() * 1000 < 3 * status.intervalMs + 5_000 : sinceRun < 3 * status.intervalMs;
  return { ok: status.running && fresh, ...status };
}

// Liveness (the process answers) and readiness (database reachable and migrated,
// data directory writable, scheduler alive). 503 when not ready, so a load
// balancer stops routing here.
export async function GET() {
  await connection();
  const [database, dataDir] = await Promise.all([checkDatabase(), checkDataDir()]);
  const scheduler = checkScheduler();
  const ok = database.ok && dataDir.ok && scheduler.ok;
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', live: true, ready: ok, checks: { database, dataDir, scheduler } },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
