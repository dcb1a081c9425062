import fs from 'node:fs/promises';
import { connection } from 'next/server';
import { checkDatabase } from '@/db/queries/health';
import { getDataDir } from '@/lib/paths';

async function checkDataDir(): Promise<{ ok: boolean; error?: string }> {
  try {
    await fs.access(getDataDir(), fs.constants.W_OK);
    return { ok: true };
  } catch {
    return { ok: false, error: 'data directory is not writable' };
  }
}

// Liveness (the process answers) and readiness (database reachable and migrated,
// data directory writable). 503 when not ready, so a load balancer stops routing here.
export async function GET() {
  await connection();
  const [database, dataDir] = await Promise.all([checkDatabase(), checkDataDir()]);
  const ok = database.ok && dataDir.ok;
  return Response.json(
    { status: ok ? 'ok' : 'unavailable', live: true, ready: ok, checks: { database, dataDir } },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
